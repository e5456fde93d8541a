// The search index kept up to date as studies are saved, removed, taken from another index or
// restored from a file: what a search finds, and in which field, must follow every change.
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SectionTexts } from '../../../src/core/pure/library/search-index';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { toSummary, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const para = (...texts: string[]): RichTextDoc => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const study = (n: number, fields: Partial<Study> = {}): Study =>
  sampleStudy(n, { id: `s${n}`, title: `Untitled ${n}`, summary: '', problem: para('nothing to see'), ...fields });
const texts = (problem: string): SectionTexts => ({ problem, decisions: '', tradeoffs: '', lessons: '' });

const fields = (index: SearchIndex, query: string): Record<string, string> =>
  Object.fromEntries(index.match(query).map((m) => [m.id, m.field]));

describe('search index upkeep', () => {
  it('keeps each study’s field right as studies in the middle are removed and their places reused', () => {
    // Odd studies hold the word in the title, even ones in the body.
    const many = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0 ? study(i + 1, { title: `Shared ${i + 1}` }) : study(i + 1, { problem: para('shared') }),
    );
    const index = SearchIndex.fromStudies(many);
    for (const gone of ['s3', 's6', 's2']) index.remove(gone);
    index.upsert(study(21, { summary: 'shared summary' }));
    index.upsert(study(22, { title: 'Shared again' }));
    index.upsert(study(23, { problem: para('shared body') }));
    expect(fields(index, 'shared')).toEqual({
      s1: 'title',
      s4: 'body',
      s5: 'title',
      s7: 'title',
      s8: 'body',
      s9: 'title',
      s10: 'body',
      s21: 'summary',
      s22: 'title',
      s23: 'body',
    });
  });

  it('needs every word of the query in one study', () => {
    const index = SearchIndex.fromStudies([study(1, { title: 'Zebra' }), study(2, { title: 'Kafka' })]);
    expect(index.match('kafka zebra')).toEqual([]);
    expect(index.match('zebra kafka')).toEqual([]);
  });

  it('ranks a whole word above a prefix even when the prefix match was edited later', () => {
    const index = SearchIndex.fromStudies([study(1, { title: 'Cache' }), study(2, { title: 'Caches' })]);
    expect(index.match('cache').map((m) => m.id)).toEqual(['s1', 's2']);
  });

  it('ranks a word in both the title and the body as a title match', () => {
    const index = SearchIndex.fromStudies([study(1, { title: 'Cache', problem: para('the cache') })]);
    expect(index.match('cache').map((m) => m.field)).toEqual(['title']);
  });

  it('does not find a punctuation term split across two sections', () => {
    const index = SearchIndex.fromStudies([study(1, { problem: para('step n'), decisions: para('+1 retry') })]);
    expect(index.match('n+1')).toEqual([]);
  });

  it('gives at most the number of results asked for, 50 unless told', () => {
    const index = SearchIndex.fromStudies(Array.from({ length: 55 }, (_, i) => study(i + 1, { title: 'Kafka' })));
    expect(index.search('kafka')).toHaveLength(50);
    expect(index.search('kafka', { limit: 2 }).map((r) => r.id)).toEqual(['s55', 's54']);
  });

  it('counts bodies right when a study known only by its summary is removed', () => {
    const index = SearchIndex.fromStudies([toSummary(study(1)), study(2)]);
    expect(index.hasBody('s1')).toBe(false);
    expect(index.hasBody('s2')).toBe(true);
    expect(index.hasBody('unknown')).toBe(false);
    expect(index.indexedBody('s1')).toBeUndefined();
    expect(index.indexedBody('unknown')).toBeUndefined();
    index.remove('s1');
    expect(index.bodiesIndexed).toBe(1);
  });

  it('drops a study that the index it is taken from no longer has', () => {
    const index = SearchIndex.fromStudies([study(1, { title: 'Kafka' })]);
    index.adopt(SearchIndex.fromStudies([]), 's1');
    expect(index.has('s1')).toBe(false);
    expect(index.match('kafka')).toEqual([]);
  });

  it('restores a study from its indexed words, reading its texts only for a snippet', () => {
    const index = new SearchIndex();
    let reads = 0;
    const summary = toSummary(study(1, { title: 'Queue' }));
    index.restore(summary, { words: ['queue', 'kafka'], bits: Uint8Array.from([4, 1]) }, () => {
      reads++;
      return texts('we moved to kafka');
    });
    expect(index.bodiesIndexed).toBe(1);
    expect(fields(index, 'kafka')).toEqual({ s1: 'body' });
    expect(reads).toBe(0);
    expect(index.search('kafka')[0]!.snippet.text).toBe('we moved to kafka');
    expect(reads).toBe(1);
  });

  it('reads texts kept on disk for a study unchanged since, and keeps a newer save’s texts', () => {
    const index = SearchIndex.fromStudies([
      study(1, { problem: para('kafka lag') }),
      study(2, { problem: para('kafka') }),
    ]);
    const kept = index.indexedBody('s1')!;
    index.keepTextsIn('s1', kept.version, () => texts('kafka lag, read back'));
    expect(index.search('lag')[0]!.snippet.text).toBe('kafka lag, read back');
    const old = index.indexedBody('s2')!;
    index.upsert(study(2, { problem: para('kafka, saved again') }));
    index.keepTextsIn('s2', old.version, () => texts('stale'));
    expect(index.search('saved')[0]!.snippet.text).toBe('kafka, saved again');
  });
});
