// A timeline entry's attributes from a shared file: the time as one bounded line, the kind one of
// the four, whatever the file holds.
import { describe, expect, it } from 'vitest';
import { MAX_TIME_CHARS, timelineEntryAttrs } from '../../../src/core/pure/rich-text/blocks/timeline-attrs';

describe('a timeline entry read from a file', () => {
  it('keeps its time on one line, each run of whitespace one space, none around it', () => {
    expect(timelineEntryAttrs({ time: '  14:02 \t\n  UTC ', kind: 'detection' })).toEqual({
      time: '14:02 UTC',
      kind: 'detection',
    });
  });

  it('cuts a long time to the limit in characters, never leaving a space at its end', () => {
    const emoji = '🕐'.repeat(MAX_TIME_CHARS + 5);
    expect(timelineEntryAttrs({ time: emoji }).time).toBe('🕐'.repeat(MAX_TIME_CHARS));
    const spaced = `${'a'.repeat(MAX_TIME_CHARS - 1)} later`;
    expect(timelineEntryAttrs({ time: spaced }).time).toBe('a'.repeat(MAX_TIME_CHARS - 1));
  });

  it('reads anything else as no time and no kind', () => {
    for (const attrs of [null, undefined, 'x', 5, [], { time: 5, kind: 'outage' }, { kind: '__proto__' }])
      expect(timelineEntryAttrs(attrs)).toEqual({ time: '', kind: '' });
  });
});
