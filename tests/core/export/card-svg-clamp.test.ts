// A card's text that does not fit is cut to the longest start that fits with an ellipsis. The
// cut is found in one pass (it ran once per character removed, over the whole rest of a long
// summary); it must cut exactly where removing one character at a time would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clamp, widthOf } from '../../../src/core/pure/export/site-card-svg';

/** The definition: drop the last character until the rest and an ellipsis fit. */
function clampOneByOne(text: string, size: number, width: number): string {
  if (widthOf(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length && widthOf(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom('W', 'i', 'mm ', ' ', 'Lorem', '漢字', '…', '·'), { maxLength: 120 }).map((a) => a.join('')),
);

describe('card text clamp', () => {
  it('cuts where dropping one character at a time would, at any size and width', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(27, 28, 30, 54, 64), fc.integer({ min: 0, max: 1200 }), (t, size, width) => {
        expect(clamp(t, size, width)).toBe(clampOneByOne(t, size, width));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps text that fits, and ends text that does not with an ellipsis within the width', () => {
    expect(clamp('Short title', 64, 1040)).toBe('Short title');
    const cut = clamp('A very long title that cannot possibly fit on one line of the card at all', 64, 1040);
    expect(cut.endsWith('…')).toBe(true);
    expect(widthOf(cut, 64)).toBeLessThanOrEqual(1040);
  });
});
