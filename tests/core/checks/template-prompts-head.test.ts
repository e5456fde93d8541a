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

describe('normalizePromptText', () => {
  it('gives ASCII text (its fast path) the normal form the Unicode steps give', () => {
    const unicodeSteps = (t: string) =>
      t
        .normalize('NFKC')
        .replace(/\p{Cf}/gu, '')
        .toLowerCase()
        .replace(/\s+/gu, ' ')
        .trim();
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
      maxLength: 60,
    });
    fc.assert(
      fc.property(ascii, (t) => {
        expect(normalizePromptText(t)).toBe(unicodeSteps(t));
      }),
      { numRuns: 2000, seed: 3 },
    );
    expect(normalizePromptText(' Who\t was\n\n AFFECTED\v ')).toBe('who was affected');
    expect(normalizePromptText('Who\u200b was\u00a0ＡＦＦＥＣＴＥＤ')).toBe('who was affected');
    expect(normalizePromptText('ＡＦＦＥＣＴＥＤ')).toBe('affected'); // no ASCII at all
  });
});

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
