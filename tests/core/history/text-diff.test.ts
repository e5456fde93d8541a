import { describe, expect, it } from 'vitest';
import { diffCounts, studyDiff, wordDiff, type DiffPart } from '../../../src/core/pure/history/text-diff';
import { sampleStudy } from '../../helpers/study-files';

const para = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('wordDiff', () => {
  it('marks the words that changed and keeps the rest as written', () => {
    const parts = wordDiff('The cache was slow at peak.', 'The cache was fast at peak, mostly.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['slow', 'peak.']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['fast', 'peak, mostly.']);
    // Reading only what is kept and added gives the new text back; kept and removed, the old.
    const join = (kinds: string[]) =>
      parts
        .filter((p) => kinds.includes(p.kind))
        .map((p) => p.text)
        .join('');
    expect(join(['same', 'added'])).toBe('The cache was fast at peak, mostly.');
    expect(join(['same', 'removed'])).toBe('The cache was slow at peak.');
  });

  it('says nothing changed for the same text, and everything for text from nothing', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(wordDiff('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
  });
});

/** `count` words in lines of 80 (paragraphs, as a study's plain text has them), from a small vocabulary. */
function longText(seed: number, count: number, change: (i: number, word: string) => string = (_, w) => w): string {
  let x = seed;
  const lines: string[] = [];
  let line: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    line.push(change(i, `w${x % 3000}`));
    if (line.length === 80) {
      lines.push(line.join(' '));
      line = [];
    }
  }
  if (line.length) lines.push(line.join(' '));
  return lines.join('\n');
}

const joined = (parts: DiffPart[], kinds: DiffPart['kind'][]) =>
  parts
    .filter((p) => kinds.includes(p.kind))
    .map((p) => p.text)
    .join('');

describe('wordDiff: every edit reads back as both versions', () => {
  // Kept + added reads as the new text, kept + removed as the old, whatever the edit: a word
  // removed either side of a kept one, added ones, a changed space, lines added and removed.
  const edits: Array<[string, string]> = [
    ['k1 x k2 y k3', 'k1 k2 k3'],
    ['k1 k2 k3', 'k1 x k2 y k3'],
    ['a b c d e', 'a c e'],
    ['one  two', 'one two'],
    ['first line\nsecond line\nthird line', 'first line\nthird line\nfourth line'],
    ['same start, old end', 'same start, new end'],
    ['old start, same end', 'new start, same end'],
    ['a', 'a b'],
    ['a b', 'a b a b'],
    ['a b a b', 'a b'],
    ['a b', 'a'],
    ['', ''],
  ];
  it.each(edits)('%j → %j', (before, after) => {
    const parts = wordDiff(before, after);
    expect(joined(parts, ['same', 'added'])).toBe(after);
    expect(joined(parts, ['same', 'removed'])).toBe(before);
    // Neighbouring parts of one kind read as one.
    expect(parts.every((part, i) => i === 0 || parts[i - 1]!.kind !== part.kind)).toBe(true);
    expect(parts.every((part) => part.text !== '')).toBe(true);
  });

  it('shows a word taken out between kept ones as that word alone', () => {
    expect(wordDiff('k1 x k2 y k3', 'k1 k2 k3')).toEqual([
      { kind: 'same', text: 'k1 ' },
      { kind: 'removed', text: 'x ' },
      { kind: 'same', text: 'k2' },
      { kind: 'removed', text: ' y' },
      { kind: 'same', text: ' k3' },
    ]);
  });

  it('counts a changed run of spaces as one change, not one per space', () => {
    expect(wordDiff('one  two', 'one two')).toEqual([
      { kind: 'same', text: 'one' },
      { kind: 'removed', text: '  ' },
      { kind: 'added', text: ' ' },
      { kind: 'same', text: 'two' },
    ]);
  });
});

describe('wordDiff on a 20,000-word study', () => {
  // Unbounded, node-diff3's LCS took minutes (and gigabytes) on the rewrite below.
  const timed = (before: string, after: string) => {
    const started = performance.now();
    const parts = wordDiff(before, after);
    const ms = performance.now() - started;
    expect(joined(parts, ['same', 'removed'])).toBe(before);
    expect(joined(parts, ['same', 'added'])).toBe(after);
    return { parts, ms };
  };

  it('finds twenty words changed across it, word by word, quickly', () => {
    const before = longText(7, 20_000);
    const after = longText(7, 20_000, (i, w) => (i % 1000 === 500 ? `changed${i}` : w));
    const { parts, ms } = timed(before, after);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(
      Array.from({ length: 20 }, (_, k) => `changed${k * 1000 + 500}`),
    );
    expect(parts.filter((p) => p.kind === 'removed')).toHaveLength(20);
    expect(ms).toBeLessThan(5_000);
  });

  it('shows two one-word fixes in one long paragraph as those two words, however long it is', () => {
    for (const n of [800, 2_500, 20_000]) {
      const words = Array.from({ length: n }, (_, i) => (i % 50 === 0 ? 'the' : `word${i}`));
      const fixed = [...words];
      fixed[5] = 'FIXED';
      fixed[n - 5] = 'FIXED2';
      const parts = wordDiff(words.join(' '), fixed.join(' '));
      expect(
        parts.filter((p) => p.kind === 'removed').map((p) => p.text),
        `${n} words`,
      ).toEqual(['word5', `word${n - 5}`]);
      expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['FIXED', 'FIXED2']);
    }
  });

  it('still shows a one-word fix word by word in a study whose first half was rewritten', () => {
    // Too many words changed to compare the whole word by word: compared paragraph by paragraph,
    // the kept paragraphs read as kept and the one with a fix shows that word.
    const before = longText(3, 20_000);
    const rewritten = longText(4, 10_000).split('\n');
    const paragraphs = before.split('\n');
    const after = [...rewritten, ...paragraphs.slice(rewritten.length)];
    const fixAt = rewritten.length + 50;
    const fixedWords = after[fixAt]!.split(' ');
    const word = fixedWords[40]!;
    fixedWords[40] = 'FIXED';
    after[fixAt] = fixedWords.join(' ');
    const { parts, ms } = timed(before, after.join('\n'));
    expect(parts.filter((p) => p.kind === 'added').at(-1)?.text).toBe('FIXED');
    expect(parts.filter((p) => p.kind === 'removed').at(-1)?.text).toBe(word);
    // The paragraphs kept between the rewrite and the fix read as kept.
    expect(parts.some((p) => p.kind === 'same' && p.text.includes(paragraphs[rewritten.length + 10]!))).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });

  it('falls back to whole paragraphs when it was rewritten, and still finishes quickly', () => {
    const { parts, ms } = timed(longText(1, 20_000), longText(2, 20_000));
    expect(parts.some((p) => p.kind === 'removed')).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('studyDiff', () => {
  it('compares the title, the summary and each section, and counts the words', () => {
    const then = sampleStudy(1, { title: 'Queue rewrite', problem: para('Writes were lost under load.') });
    const now = sampleStudy(1, {
      title: 'Queue rewrite',
      problem: para('Writes were dropped under heavy load.'),
      lessons: para('Measure first.'),
    });
    const diff = studyDiff(then, now);
    expect(diff.map((d) => d.label)).toEqual(['Title', 'Summary', 'Problem', 'Decisions', 'Tradeoffs', 'Lessons']);
    expect(diff.filter((d) => d.changed).map((d) => d.label)).toEqual(['Problem', 'Lessons']);
    expect(diffCounts(diff)).toEqual({ added: 4, removed: 1 });
  });
});
