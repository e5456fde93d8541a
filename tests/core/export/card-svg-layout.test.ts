// The social card as a shared link shows it: the site's name, the title on up to three lines
// (smaller when long), the summary on up to two when the title leaves room, and the outcome and
// first key result on the last line; text measured by character class, wrapped at word
// boundaries, clamped with an ellipsis, escaped for XML.
import { describe, expect, it } from 'vitest';
import { cardSvg, widthOf, wrapText, type CardContent } from '../../../src/core/pure/export/site-card-svg';

/** Each text line of a card: "y|font-size|text". */
const lines = (svg: string) =>
  [...svg.matchAll(/<text x="80" y="(\d+)" font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) =>
    [m[1], m[2], m[3]].join('|'),
  );
const card = (over: Partial<CardContent> = {}): CardContent => ({
  title: 'T',
  summary: '',
  siteName: 'Acme',
  outcome: '',
  keyResult: '',
  ...over,
});
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('text widths', () => {
  it('measure narrow, wide, capital and CJK characters apart', () => {
    const w = (ch: string) => widthOf(ch, 100);
    expect(['i', '.', ' ', '\t', '[', ']', '|'].map(w)).toEqual([36, 36, 36, 36, 36, 36, 36]);
    expect(['m', 'W', '@'].map(w)).toEqual([100, 100, 100]);
    expect(['A', 'Z', '0', '9'].map(w)).toEqual([76, 76, 76, 76]);
    expect(['a', 'z', '-'].map(w)).toEqual([64, 64, 64]);
    expect(widthOf('ab', 10)).toBeCloseTo(12.8);
  });

  it('take a full em for Hangul Jamo, CJK, Hangul syllables and emoji, and only those ranges', () => {
    const w = (code: number) => widthOf(String.fromCodePoint(code), 100);
    expect([0x1100, 0x115f, 0x2e80, 0x4e00, 0xa4cf, 0xac00, 0x1f600].map(w)).toEqual([
      100, 100, 100, 100, 100, 100, 100,
    ]);
    expect([0x10ff, 0x1160, 0x2e7f, 0xa4d0].map(w)).toEqual([64, 64, 64, 64]);
  });
});

describe('wrapping', () => {
  it('fills each line with whole words, and clamps the last line that cannot hold the rest', () => {
    expect(wrapText('one two three four five six seven', 10, 60, 2)).toEqual(['one two', 'three fo…']);
    expect(wrapText('  one\u0000two \n three ', 10, 1000, 3)).toEqual(['one two three']);
    expect(wrapText('', 10, 100, 2)).toEqual([]);
  });

  it('puts a word wider than the line on its own line, clamped', () => {
    expect(wrapText('a Supercalifragilistic b', 10, 60, 3)).toEqual(['a', 'Supercali…', 'b']);
  });
});

describe('the card', () => {
  it('is a 1200×630 SVG with the site name, title, summary and facts at their places, escaped', () => {
    const svg = cardSvg(
      card({ title: 'Fast & <safe>', summary: 'A "summary"', outcome: 'Succeeded', keyResult: 'Cost 1 \u2192 2' }),
    );
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630" viewBox="0 0 1200 630">/,
    );
    expect(lines(svg)).toEqual([
      '112|30|Acme',
      '200|64|Fast &amp; &lt;safe&gt;',
      '312|30|A &quot;summary&quot;',
      '566|28|Outcome: Succeeded  ·  Cost 1 \u2192 2',
    ]);
    expect(svg).toContain('font-family="Inter" font-weight="bold" fill="#1f2328">Fast');
  });

  it('gives a two-line title two lines of summary below it, clamped', () => {
    const title = 'Rewriting search without a freeze across every region';
    expect(
      lines(cardSvg(card({ title, summary: words(40), outcome: 'Mixed', keyResult: 'p99 · \u221283 %' }))),
    ).toEqual([
      '112|30|Acme',
      '200|64|Rewriting search without a',
      '276|64|freeze across every region',
      '388|30|word0 word1 word2 word3 word4 word5 word6 word7 word8',
      '430|30|word9 word10 word11 word12 word13 word14 word15 word16…',
      '566|28|Outcome: Mixed  ·  p99 · \u221283 %',
    ]);
  });

  it('sets a very long title smaller on three lines, clamped, with no room for the summary', () => {
    expect(lines(cardSvg(card({ title: words(40).replace(/w/g, 'W'), summary: 'Never shown' })))).toEqual([
      '112|30|Acme',
      '200|54|Word0 Word1 Word2 Word3',
      '264|54|Word4 Word5 Word6 Word7',
      '328|54|Word8 Word9 Word10 Word11…',
    ]);
  });

  it('names an untitled study and a nameless site, and shows the facts it has', () => {
    expect(lines(cardSvg(card({ title: ' \u0001', siteName: '\n', outcome: 'Failed' })))).toEqual([
      '112|30|Casebook',
      '200|64|Untitled case study',
      '566|28|Outcome: Failed',
    ]);
    expect(lines(cardSvg(card({ keyResult: 'Only a result' }))).at(-1)).toBe('566|28|Only a result');
    expect(cardSvg(card())).not.toContain('y="566"');
  });
});

describe('the whole card', () => {
  it('is the background, the accent bar, the texts and the rule above the facts, and nothing else', () => {
    expect(cardSvg(card({ title: 'T', summary: 'S', siteName: 'A', outcome: 'Failed' }))).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">' +
        '<rect width="1200" height="630" fill="#f6f8fa"/><rect width="1200" height="16" fill="#0a58ca"/>' +
        '<text x="80" y="112" font-size="30" font-family="Inter" font-weight="bold" fill="#0a58ca">A</text>' +
        '<text x="80" y="200" font-size="64" font-family="Inter" font-weight="bold" fill="#1f2328">T</text>' +
        '<text x="80" y="312" font-size="30" font-family="Inter" fill="#57606a">S</text>' +
        '<rect x="80" y="514" width="1040" height="2" fill="#d8dee4"/>' +
        '<text x="80" y="566" font-size="28" font-family="Inter" fill="#1f2328">Outcome: Failed</text></svg>',
    );
  });
});
