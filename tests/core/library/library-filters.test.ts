import { describe, expect, it } from 'vitest';
import { queryLibrary } from '../../../src/core/pure/library/library-query';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { sortStudies } from '../../../src/core/pure/library/sort';
import { toSummary, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

import { FacetTable } from '../../../src/core/pure/library/facet-table';
import type { LibraryFilters } from '../../../src/core/pure/library/filters';
import type { StudySummary } from '../../../src/core/pure/schemas/study';

// The facet table over a list, row i holding studies[i] (as the library counts and filters it).
const everyRow = (count: number): Int32Array => Int32Array.from({ length: count }, (_, row) => row);
const facetCounts = (studies: StudySummary[], filters: LibraryFilters) =>
  FacetTable.of(studies).counts(everyRow(studies.length), filters);
const applyFilters = <T extends StudySummary>(studies: T[], filters: LibraryFilters): T[] =>
  Array.from(FacetTable.of(studies).filter(everyRow(studies.length), filters), (row) => studies[row]!);

const ARCH = 'Architecture & Design';
const FAIL = 'Failure Analysis';

const studies: Study[] = [
  sampleStudy(1, {
    title: 'Queue outage',
    status: 'published',
    outcome: 'failed',
    categories: [FAIL],
    tags: ['kafka'],
    featured: true,
    date: '2025-03-01',
  }),
  sampleStudy(2, {
    title: 'Kafka migration',
    status: 'published',
    outcome: 'succeeded',
    categories: [ARCH],
    tags: ['kafka', 'cost'],
    date: '2025-05-01',
  }),
  sampleStudy(3, {
    title: 'Cache design',
    status: 'draft',
    outcome: null,
    categories: [ARCH, FAIL],
    tags: [],
    date: null,
  }),
  sampleStudy(4, {
    title: 'DNS failure',
    status: 'published',
    outcome: 'failed',
    categories: [FAIL],
    tags: ['dns'],
    date: '2024-11-20',
  }),
];
const summaries = studies.map(toSummary);
const ids = (list: { id: string }[]): string[] => list.map((s) => s.id);

describe('library filters', () => {
  it('combines filters with AND', () => {
    expect(ids(applyFilters(summaries, { status: 'published', category: FAIL }))).toEqual(['study-1', 'study-4']);
    expect(ids(applyFilters(summaries, { status: 'published', category: FAIL, tag: 'kafka' }))).toEqual(['study-1']);
    expect(ids(applyFilters(summaries, { featured: true }))).toEqual(['study-1']);
    expect(ids(applyFilters(summaries, { featured: false, outcome: 'none' }))).toEqual(['study-3']);
    expect(applyFilters(summaries, { category: 'Nonexistent' })).toEqual([]);
  });

  it('counts each filter value over the studies the other filters leave', () => {
    const counts = facetCounts(summaries, { outcome: 'failed' });
    // Outcome ignores its own filter: the user sees what picking another outcome would give.
    expect(counts.outcome).toEqual({ succeeded: 1, failed: 2, mixed: 0, ongoing: 0, none: 1 });
    // Every other facet counts only the two failed studies.
    expect(counts.status).toEqual({ draft: 0, published: 2 });
    expect(counts.category).toEqual({ [FAIL]: 2 });
    expect(counts.tag).toEqual({ kafka: 1, dns: 1 });
    expect(counts.featured).toEqual({ yes: 1, no: 1 });
  });

  it('counts a study under each of its categories once', () => {
    const counts = facetCounts(summaries, {});
    expect(counts.category).toEqual({ [FAIL]: 3, [ARCH]: 2 });
    expect(counts.tag).toEqual({ kafka: 2, cost: 1, dns: 1 });
  });
});

describe('library sort', () => {
  it('sorts by date newest first, undated last', () => {
    expect(ids(sortStudies(summaries, 'date'))).toEqual(['study-2', 'study-1', 'study-4', 'study-3']);
  });

  it('sorts by last edit, newest first', () => {
    const edited = summaries.map((s, i) => ({ ...s, updatedAt: `2025-0${[3, 1, 9, 5][i]}-01T00:00:00.000Z` }));
    expect(ids(sortStudies(edited, 'updated'))).toEqual(['study-3', 'study-4', 'study-1', 'study-2']);
  });

  it('sorts titles alphabetically in the reader’s language, numbers in number order, untitled last', () => {
    const titles = ['Émile’s outage', 'zebra', 'Apple', '', 'Step 10', 'Step 9'];
    const list = titles.map((title, i) => toSummary(sampleStudy(i, { title })));
    expect(sortStudies(list, 'title', 'en').map((s) => s.title)).toEqual([
      'Apple',
      'Émile’s outage',
      'Step 9',
      'Step 10',
      'zebra',
      '',
    ]);
  });
});

describe('library query', () => {
  const index = SearchIndex.fromStudies(studies);

  it('searches, filters and counts over the search results', () => {
    const page = queryLibrary(index, { query: 'kafka', filters: { status: 'published' } });
    // "kafka" is in study 2's title; study 1 has it only as a tag, which is not searched.
    expect(page.total).toBe(1);
    expect(page.entries.map((e) => e.study.id)).toEqual(['study-2']);
    expect(page.entries[0]!.match?.field).toBe('title');
    expect(page.counts.status).toEqual({ draft: 0, published: 1 });
  });

  it('lists everything, last edited first, without a search', () => {
    const page = queryLibrary(index, {});
    expect(page.total).toBe(4);
    expect(page.entries.every((e) => e.match === null)).toBe(true);
    expect(page.entries.map((e) => e.study.id)).toEqual(['study-4', 'study-3', 'study-2', 'study-1']);
  });

  it('pages through results and sorts search results by date when asked', () => {
    const page = queryLibrary(index, { query: 'study', sort: 'date', offset: 1, limit: 2 });
    expect(page.total).toBe(4); // every sample study's body says "Study n body text."
    expect(page.entries.map((e) => e.study.id)).toEqual(['study-1', 'study-4']);
  });
});
