// The library page as the list shows it: which studies, in which order, with which snippet,
// the counts beside each filter, and whether the full text is still being read.
import { describe, expect, it } from 'vitest';
import { queryLibrary, queryListed } from '../../../src/core/pure/library/library-query';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { sortStudies } from '../../../src/core/pure/library/sort';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { toSummary, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

import { FacetTable } from '../../../src/core/pure/library/facet-table';
import type { LibraryFilters } from '../../../src/core/pure/library/filters';
import type { StudySummary } from '../../../src/core/pure/schemas/study';

// The facet table over a list, row i holding studies[i] (as the library counts and filters it).
const everyRow = (count: number): Int32Array => Int32Array.from({ length: count }, (_, row) => row);
const facetCounts = (studies: StudySummary[], filters: LibraryFilters) =>
  FacetTable.of(studies).counts(everyRow(studies.length), filters);

const para = (...texts: string[]): RichTextDoc => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** Study n, edited n minutes after the first: a higher n is a later edit. */
const study = (n: number, fields: Partial<Study> = {}): Study =>
  sampleStudy(n, { id: `s${n}`, title: `Untitled ${n}`, summary: '', problem: para('nothing to see'), ...fields });

const ids = (page: { entries: { study: { id: string } }[] }): string[] => page.entries.map((e) => e.study.id);

const library = [
  study(1, { title: 'Zebra rollout', problem: para('kafka lag grew') }),
  study(2, { title: 'Alpha cutover', summary: 'kafka was retired' }),
  study(3, { title: 'Kafka upgrade' }),
  study(4, { title: 'Middle ground', problem: para('nothing about queues') }),
];

describe('library page', () => {
  it('lists every study newest edit first, without matches, when nothing is searched', () => {
    const index = SearchIndex.fromStudies(library);
    for (const query of ['', '   ', '— ? !']) {
      const page = queryLibrary(index, { query });
      expect(ids(page)).toEqual(['s4', 's3', 's2', 's1']);
      expect(page.total).toBe(4);
      expect(page.entries.every((e) => e.match === null)).toBe(true);
      expect(page.indexing).toBeNull();
    }
  });

  it('orders search results by relevance unless another order is picked', () => {
    const index = SearchIndex.fromStudies(library);
    expect(ids(queryLibrary(index, { query: 'kafka' }))).toEqual(['s3', 's2', 's1']);
    expect(ids(queryLibrary(index, { query: 'kafka', sort: 'relevance' }))).toEqual(['s3', 's2', 's1']);
    expect(ids(queryLibrary(index, { query: 'kafka', sort: 'title' }))).toEqual(['s2', 's3', 's1']);
    expect(ids(queryLibrary(index, { sort: 'title' }))).toEqual(['s2', 's3', 's4', 's1']);
  });

  it('orders matches of equal relevance by last edit when sorted by last edit', () => {
    const index = SearchIndex.fromStudies([
      study(1, { title: 'Kafka one' }),
      study(2, { problem: para('kafka in the body') }),
      study(3, { title: 'Kafka three' }),
    ]);
    expect(ids(queryLibrary(index, { query: 'kafka' }))).toEqual(['s3', 's1', 's2']);
    expect(ids(queryLibrary(index, { query: 'kafka', sort: 'updated' }))).toEqual(['s3', 's2', 's1']);
  });

  it('gives each result on the page where it matched, also on later pages', () => {
    const index = SearchIndex.fromStudies(library);
    const page = queryLibrary(index, { query: 'kafka', offset: 1, limit: 2 });
    expect(page.total).toBe(3);
    expect(ids(page)).toEqual(['s2', 's1']);
    expect(page.entries.map((e) => e.match?.field)).toEqual(['summary', 'body']);
    expect(page.entries.map((e) => e.match?.snippet.text)).toEqual(['kafka was retired', 'kafka lag grew']);
    expect(page.entries.map((e) => e.match?.section)).toEqual([null, 'problem']);
  });

  it('says how many studies are searchable in full while the bodies are still being read', () => {
    const index = SearchIndex.fromStudies([library[0]!, toSummary(library[1]!), toSummary(library[2]!)]);
    expect(queryLibrary(index, {}).indexing).toEqual({ indexed: 1, total: 3 });
    expect(queryLibrary(index, { query: 'kafka' }).indexing).toEqual({ indexed: 1, total: 3 });
    index.upsert(library[1]!);
    index.upsert(library[2]!);
    expect(queryLibrary(index, {}).indexing).toBeNull();
  });

  it('answers a page from the listed summaries before the index has them, a search by title and summary', () => {
    const listed = [...library].reverse().map(toSummary);
    const page = queryListed(listed, { limit: 2 }, 1);
    expect(ids(page)).toEqual(['s4', 's3']);
    expect(page.total).toBe(4);
    expect(page.indexing).toEqual({ indexed: 1, total: 4 });
    expect(queryListed(listed, {}, 4).indexing).toBeNull();
    // Study 1 holds the word in its body only: not searched from the list.
    const searched = queryListed(listed, { query: 'kafka' }, 0);
    expect(ids(searched)).toEqual(['s3', 's2']);
    expect(searched.entries.map((e) => e.match?.field)).toEqual(['title', 'summary']);
    expect(searched.indexing).toEqual({ indexed: 0, total: 4 });
    expect(ids(queryListed(listed, { query: ' ?! ' }, 4))).toEqual(['s4', 's3', 's2', 's1']);
  });
});

describe('library index upkeep', () => {
  it('finds every study holding a common word as studies are added and removed', () => {
    const many = Array.from({ length: 12 }, (_, i) => study(i + 1, { problem: para(`shared word${i + 1}`) }));
    const index = SearchIndex.fromStudies([...many].reverse());
    const found = (q: string): string[] =>
      index
        .match(q)
        .map((m) => m.id)
        .sort();
    expect(found('shared')).toHaveLength(12);
    for (const gone of ['s6', 's1', 's12']) index.remove(gone);
    expect(found('shared')).toEqual(['s10', 's11', 's2', 's3', 's4', 's5', 's7', 's8', 's9']);
    expect(found('word6')).toEqual([]);
    expect(found('word7')).toEqual(['s7']);
    expect(index.bodiesIndexed).toBe(9);
    index.remove('s6'); // already gone: nothing changes
    expect(index.size).toBe(9);
    expect(index.bodiesIndexed).toBe(9);
    // A word no study holds any more is forgotten; a new word can take its place.
    index.upsert(study(20, { problem: para('fresh') }));
    expect(found('fresh')).toEqual(['s20']);
    expect(found('word1')).toEqual(['s10', 's11']);
  });

  it('forgets the words a saved study no longer holds, and counts its body once', () => {
    const index = SearchIndex.fromStudies([study(1, { problem: para('alpha beta') }), study(2)]);
    index.upsert(study(1, { problem: para('beta gamma') }));
    expect(index.match('alpha')).toEqual([]);
    expect(index.match('gamma').map((m) => m.id)).toEqual(['s1']);
    expect(index.bodiesIndexed).toBe(2);
    index.remove('s1');
    expect(index.bodiesIndexed).toBe(1);
    expect(index.match('beta')).toEqual([]);
  });

  it('keeps a study’s best match when a weaker one of another word follows it', () => {
    const index = SearchIndex.fromStudies([study(1, { title: 'Cache', problem: para('caches everywhere') })]);
    expect(index.match('cache').map((m) => m.field)).toEqual(['title']);
  });

  it('finds a word of three letters or more inside a longer word, in the body too', () => {
    const index = SearchIndex.fromStudies([study(1, { problem: para('our devops rota') })]);
    expect(index.match('ops').map((m) => m.id)).toEqual(['s1']);
    expect(index.match('op')).toEqual([]);
  });

  it('finds a punctuation term at the very start of a text, not inside a longer word', () => {
    const index = SearchIndex.fromStudies([
      study(1, { title: 'N+1 queries' }),
      study(2, { problem: para('the cn+1 register') }),
    ]);
    expect(index.match('n+1').map((m) => [m.id, m.field])).toEqual([['s1', 'title']]);
  });

  it('names the section of a body match, even when the section starts with the word', () => {
    const index = SearchIndex.fromStudies([
      study(1, { problem: para('x'), lessons: para('kafka first, then the rest') }),
    ]);
    const [result] = index.search('kafka');
    expect(result!.section).toBe('lessons');
    expect(result!.snippet.text).toBe('kafka first, then the rest');
  });
});

describe('library counts and orders', () => {
  const studies = [
    study(1, { status: 'published', tags: ['kafka', 'kafka'], featured: true, outcome: 'failed' }),
    study(2, { status: 'draft', tags: ['cost'], outcome: null }),
    study(3, { status: 'draft', tags: ['kafka'], outcome: 'failed' }),
    study(4, { status: 'published', tags: ['cost'], outcome: 'succeeded' }),
  ];

  it('shows every status, featured and outcome value, at zero when no study has it', () => {
    const counts = facetCounts([study(1, { status: 'draft' })], {});
    expect(counts.status).toEqual({ draft: 1, published: 0 });
    expect(counts.featured).toEqual({ yes: 0, no: 1 });
    expect(counts.outcome.none).toBe(1);
    expect(counts.outcome.failed).toBe(0);
  });

  it('counts a study failing one filter only in that filter’s facet, and one failing two nowhere', () => {
    const counts = facetCounts(studies, { status: 'published', tag: 'kafka' });
    // s1 passes both; s3 fails only status; s4 only the tag; s2 fails both.
    expect(counts.status).toEqual({ draft: 1, published: 1 });
    expect(counts.tag).toEqual({ kafka: 1, cost: 1 });
    expect(counts.featured).toEqual({ yes: 1, no: 0 });
    expect(counts.outcome.failed).toBe(1);
    expect(counts.outcome.none).toBe(0);
    const byFeatured = facetCounts(studies, { featured: true });
    expect(byFeatured.featured).toEqual({ yes: 1, no: 3 });
    expect(byFeatured.tag).toEqual({ kafka: 1 });
    const byCategory = facetCounts([study(1, { categories: ['A'] }), study(2, { categories: ['B'] })], {
      category: 'A',
    });
    expect(byCategory.category).toEqual({ A: 1, B: 1 });
    expect(byCategory.status).toEqual({ draft: 1, published: 0 });
  });

  it('orders studies of the same date by last edit, and untitled ones (blank titles too) last', () => {
    const sameDay = [study(1, { date: '2025-05-01' }), study(2, { date: '2025-05-01' }), study(3, { date: null })];
    expect(sortStudies(sameDay, 'date').map((s) => s.id)).toEqual(['s2', 's1', 's3']);
    expect(sortStudies([...sameDay].reverse(), 'date').map((s) => s.id)).toEqual(['s2', 's1', 's3']);
    const titled = [
      study(1, { title: '   ' }),
      study(2, { title: 'Beta' }),
      study(3, { title: 'alpha' }),
      study(4, { title: ' ' }),
    ];
    expect(sortStudies(titled, 'title').map((s) => s.id)).toEqual(['s3', 's2', 's4', 's1']);
    expect(sortStudies([...titled].reverse(), 'title').map((s) => s.id)).toEqual(['s3', 's2', 's4', 's1']);
  });
});
