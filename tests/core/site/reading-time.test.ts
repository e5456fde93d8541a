// "N min read": the words of a study's four sections at 230 a minute, never under one minute.
// A word is a run between spaces (every Unicode space, not only ASCII's) holding a letter or a
// digit of any script, so a dash or a bullet standing alone is not counted.
import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../../../src/core/pure/reading-time';
import { doc, p, t } from '../../helpers/rich-text-nodes';
import { sampleStudy } from '../../helpers/study-files';

describe('counting words', () => {
  it('counts runs holding a letter or a digit, not punctuation standing alone', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords('one')).toBe(1);
    expect(countWords('  two words  ')).toBe(2);
    expect(countWords('a — b')).toBe(2);
    expect(countWords('— … •')).toBe(0);
    expect(countWords('(x) 42 9z Z0 "quoted," end.')).toBe(6);
    expect(countWords('@ { ~ ` [ / :')).toBe(0);
    // Each end of the ASCII digits and letters, alone.
    expect(countWords('0 9 A Z a z OK')).toBe(7);
  });

  it('knows the letters and digits of other scripts, beyond the first 65,536 characters too', () => {
    expect(countWords('Größe été задача 東京 ٣٤ 𝐀𝐁')).toBe(6);
    expect(countWords('« » ¿ ¡ 〜')).toBe(0);
  });

  // Each of the spaces Unicode names, between two words.
  const spaces = [
    ['tab', '\t'],
    ['line feed', '\n'],
    ['no-break space', '\u00a0'],
    ['ogham space', '\u1680'],
    ['en quad', '\u2000'],
    ['hair space', '\u200a'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
    ['narrow no-break space', '\u202f'],
    ['medium mathematical space', '\u205f'],
    ['ideographic space', '\u3000'],
    ['zero-width no-break space', '\ufeff'],
  ];
  for (const [name, space] of spaces) {
    it(`splits words at a ${name}`, () => expect(countWords(`alpha${space}beta`)).toBe(2));
  }

  it('does not split words at characters next to those spaces', () => {
    for (const c of [
      '\u00a1',
      '\u1681',
      '\u1fff',
      '\u200b',
      '\u2027',
      '\u202a',
      '\u2030',
      '\u205e',
      '\u2060',
      '\u3001',
      '\ufefe',
    ])
      expect(countWords(`alpha${c}beta`), `U+${c.charCodeAt(0).toString(16)}`).toBe(1);
    expect(countWords('alpha!beta')).toBe(1); // 33: the first character past the control range
  });
});

describe('reading minutes', () => {
  const words = (n: number) => doc(p(t(Array.from({ length: n }, (_, i) => `w${i}`).join(' '))));
  const empty = doc();

  it('adds the four sections and rounds to the nearest minute, one at least', () => {
    const study = (problem: number, lessons = 0) =>
      sampleStudy(1, { problem: words(problem), decisions: empty, tradeoffs: empty, lessons: words(lessons) });
    expect(readingMinutes(study(0))).toBe(1);
    expect(readingMinutes(study(WORDS_PER_MINUTE * 2))).toBe(2);
    expect(readingMinutes(study(WORDS_PER_MINUTE * 2, WORDS_PER_MINUTE))).toBe(3);
    expect(readingMinutes(study(WORDS_PER_MINUTE * 2.5 - 1))).toBe(2);
    expect(readingMinutes(study(WORDS_PER_MINUTE * 2.5 + 1))).toBe(3);
  });

  it('counts the words of every section', () => {
    const base = { problem: empty, decisions: empty, tradeoffs: empty, lessons: empty };
    for (const key of ['problem', 'decisions', 'tradeoffs', 'lessons'] as const)
      expect(readingMinutes(sampleStudy(1, { ...base, [key]: words(WORDS_PER_MINUTE * 4) }))).toBe(4);
  });
});
