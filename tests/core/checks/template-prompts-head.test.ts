// The prompt check normalises only the start of a long paragraph (normalizedHead); it must
// decide exactly as normalising the whole paragraph would, whatever the text holds: spacing,
// combining marks, invisible format characters, compatibility forms, a final sigma.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizedHead, normalizePromptText, TemplatePrompts } from '../../../src/core/pure/checks/template-prompts';

const pieces = [
  'a',
  'B',
  '7',
  'z',
  ' ',
  '\n\t ',
  '\u0301',
  '\u200b',
  '\u00ad',
  'Σ',
  'ς',
  'ﬁ',
  'Ａ',
  '.',
  'é',
  'İ',
  'word',
  'Who was affected',
];
const text = fc
  .array(fc.constantFrom(...pieces), { minLength: 20, maxLength: 400, size: 'max' })
  .map((p) => p.join(''));

describe('normalizedHead', () => {
  it('is the start of the whole normal form, longer than asked or all of it', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), (t, min) => {
        const full = normalizePromptText(t);
        const head = normalizedHead(t, min);
        expect(full.startsWith(head)).toBe(true);
        if (head !== full) expect(head.length).toBeGreaterThan(min);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same prompts as normalising the whole paragraph', () => {
    const prompt = 'Who was affected and how long did it last before anyone noticed the problem';
    const prompts = TemplatePrompts.of([
      {
        name: 'T',
        problem: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: prompt }] }] },
        decisions: { type: 'doc' },
        tradeoffs: { type: 'doc' },
        lessons: { type: 'doc' },
      } as never,
    ]);
    const long = 'x'.repeat(5000);
    expect(prompts.find(`${prompt}${long}`)?.text).toBe(prompt);
    expect(
      prompts.find(`  WHO  was\u200b affected and how long did it last before anyone noticed the problem ${long}`)
        ?.text,
    ).toBe(prompt);
    expect(prompts.find(`${long} ${prompt}`)).toBeUndefined();
    expect(prompts.find(`${prompt.slice(0, -3)} ${long}`)).toBeUndefined();
  });
});
