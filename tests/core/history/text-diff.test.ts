import { describe, expect, it } from 'vitest';
import { diffCounts, studyDiff, wordDiff } from '../../../src/core/pure/history/text-diff';
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
