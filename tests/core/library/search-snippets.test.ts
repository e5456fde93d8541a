// The excerpt a search result shows under its title: a line of about 160 characters around the
// first place the words match, cut on whole words with "…" where text was left out, and the
// matched words marked (highlight ranges into the excerpt).
import { describe, expect, it } from 'vitest';
import { firstMatch, highlightIn, snippetAround, SNIPPET_LENGTH } from '../../../src/core/pure/library/search-snippet';

/** The marked pieces of a text, as the user sees them highlighted. */
const marked = ({ text, highlights }: { text: string; highlights: [number, number][] }): string[] =>
  highlights.map(([a, b]) => text.slice(a, b));

/** `count` distinct filler words ("w000 w001 …"): 4 characters and a space each. */
const words = (from: number, count: number): string =>
  Array.from({ length: count }, (_, i) => `w${String(from + i).padStart(3, '0')}`).join(' ');

describe('search snippets', () => {
  it('shows a short text whole, its lines joined by a separator on one line', () => {
    const snippet = snippetAround('Kafka consumers\n   fell behind\tafter the deploy', ['behind']);
    expect(snippet.text).toBe('Kafka consumers · fell behind after the deploy');
    expect(marked(snippet)).toEqual(['behind']);
  });

  it('shows a text of exactly the snippet length whole', () => {
    const text = `${words(0, 31)} kafk`; // 31 × 5 + 4 = 159 characters
    const exact = `${text}a`;
    expect(exact).toHaveLength(SNIPPET_LENGTH);
    expect(snippetAround(exact, ['kafka']).text).toBe(exact);
  });

  it('cuts a long text around the first match, on whole words, with "…" on both cut sides', () => {
    // "ab" puts the point fifty characters before the match in the middle of a word.
    const text = `${words(0, 60)} ab kafka ${words(60, 60)}`;
    const snippet = snippetAround(text, ['kafka']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    const excerpt = snippet.text.slice(1, -1);
    // Whole words only: the excerpt is a run of the text's words.
    expect(` ${text} `).toContain(` ${excerpt} `);
    // About fifty characters of context before the match, and no more than the snippet length.
    const before = excerpt.indexOf('kafka');
    expect(before).toBeGreaterThan(40);
    expect(before).toBeLessThanOrEqual(50);
    expect(excerpt.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(excerpt.length).toBeGreaterThan(SNIPPET_LENGTH - 6);
    expect(marked(snippet)).toEqual(['kafka']);
  });

  it('starts at the beginning when the match is near it: no "…" before', () => {
    const text = `intro kafka ${words(0, 60)}`;
    const snippet = snippetAround(text, ['kafka']);
    expect(snippet.text.startsWith('intro kafka w000')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(` ${text} `).toContain(` ${snippet.text.slice(0, -1)} `);
    expect(marked(snippet)).toEqual(['kafka']);
  });

  it('ends at the end when the match is near it: the last snippet-length of text, no "…" after', () => {
    const text = `${words(0, 60)} kafka done`;
    const snippet = snippetAround(text, ['kafka']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('kafka done')).toBe(true);
    const excerpt = snippet.text.slice(1);
    expect(` ${text}`).toContain(` ${excerpt}`);
    expect(excerpt.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(excerpt.length).toBeGreaterThan(SNIPPET_LENGTH - 6);
  });

  it('keeps the match in the excerpt when a long word holds it', () => {
    const after = snippetAround(`${words(0, 40)} kafka${'x'.repeat(300)}`, ['kafka']);
    expect(after.text).toContain('kafkaxxx');
    expect(marked(after)).toEqual(['kafka']);
    const before = snippetAround(`${words(0, 40)} ${'y'.repeat(100)}kafka ${words(40, 40)}`, ['kafka']);
    expect(before.text).toContain('yyykafka w040');
    expect(marked(before)).toEqual(['kafka']);
  });

  it('shows the start of a long text that does not hold the words (a match elsewhere in the study)', () => {
    const text = words(0, 60);
    const snippet = snippetAround(text, ['kafka']);
    expect(snippet.text.startsWith('w000 w001')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.highlights).toEqual([]);
  });

  it('centres on the earliest match of any query word, and marks every match in the excerpt', () => {
    const text = `${words(0, 40)} zeta alpha ${words(40, 40)} alpha ${words(80, 40)}`;
    const snippet = snippetAround(text, ['alpha', 'zeta']);
    const before = snippet.text.indexOf('zeta');
    expect(before).toBeGreaterThan(40);
    expect(before).toBeLessThanOrEqual(51);
    expect(marked(snippet)).toEqual(['zeta', 'alpha']);
    expect(firstMatch(text, ['alpha', 'zeta'])).toBe(text.indexOf('zeta'));
    expect(firstMatch(text, ['zeta', 'alpha'])).toBe(text.indexOf('zeta'));
    expect(firstMatch(text, ['alpha'])).toBe(text.indexOf('alpha'));
    expect(firstMatch(text, ['omega'])).toBe(-1);
    expect(firstMatch('kafka first', ['kafka'])).toBe(0);
    expect(firstMatch('Café crème', ['kafka'])).toBe(-1);
    expect(firstMatch('Café kafka', ['kafka'])).toBe(5);
  });

  it('matches a word of one or two letters only where a word starts', () => {
    const text = `${words(0, 40)} build kit ${words(40, 10)} ui ${words(50, 40)}`;
    expect(marked(highlightIn('build the ui', ['ui']))).toEqual(['ui']);
    expect(firstMatch(text, ['ui'])).toBe(text.indexOf(' ui ') + 1);
    const snippet = snippetAround(text, ['ui']);
    expect(marked(snippet)).toEqual(['ui']);
    // From three letters a word matches inside another, as the index finds it.
    expect(marked(highlightIn('devops team', ['ops']))).toEqual(['ops']);
    expect(firstMatch('devops', ['ops'])).toBe(3);
  });

  it('marks each matched word once and in reading order, overlapping or touching matches as one', () => {
    expect(highlightIn('alpha and zeta', ['zeta', 'alpha']).highlights).toEqual([
      [0, 5],
      [10, 14],
    ]);
    expect(marked(highlightIn('queues are long', ['queue', 'queues']))).toEqual(['queues']);
    expect(marked(highlightIn('the kafkaconsumer lag', ['kafka', 'consumer']))).toEqual(['kafkaconsumer']);
    expect(marked(highlightIn('the kafkaconsumer lag', ['kafkacon', 'consumer']))).toEqual(['kafkaconsumer']);
  });

  it('marks accented and case-folded words where they are in the original text', () => {
    expect(marked(highlightIn('Le Café Noir', ['cafe']))).toEqual(['Café']);
    expect(marked(highlightIn('Ο Λόγος', ['λογοσ']))).toEqual(['Λόγος']);
    const text = `Ünïcödé ${words(0, 60)} Café ${words(60, 60)}`;
    const snippet = snippetAround(text, ['cafe']);
    expect(marked(snippet)).toEqual(['Café']);
  });
});
