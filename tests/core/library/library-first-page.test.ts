// A large workspace's first library page comes from the list before its titles are indexed
// (library-service.ts takeIn): the same page the index gives once it has them, a search with
// words waits for the titles, and a study saved meanwhile is never hidden by the older list.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListedTexts } from '../../../src/core/pure/library/listed-search';
import { LibraryService } from '../../../src/core/node/library-service';
import type { LibrarySources } from '../../../src/core/node/library-sources';
import { libraryQuerySchema, type LibraryQuery } from '../../../src/core/pure/library/library-page-schema';
import { queryLibrary, queryListed } from '../../../src/core/pure/library/library-query';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { toSummary, type Study } from '../../../src/core/pure/schemas/study';
import { byNewestEdit } from '../../../src/core/pure/study-order';
import { sampleStudy, withLessons } from '../../helpers/study-files';

afterEach(() => vi.restoreAllMocks());

const COUNT = 1_500; // well above the size whose titles go in slices
const studies = Array.from({ length: COUNT }, (_, n) =>
  sampleStudy(n, {
    status: n % 3 === 0 ? 'published' : 'draft',
    categories: n % 4 === 0 ? ['Reliability'] : ['Cost'],
    tags: n % 5 === 0 ? ['kafka'] : [],
    // Edits out of id order, some at the same moment: the id breaks ties.
    updatedAt: new Date(Date.UTC(2025, 0, 1) + ((n * 7919) % 997) * 60_000).toISOString(),
  }),
);
const summaries = studies.map(toSummary);

const queries: LibraryQuery[] = [
  {},
  { offset: 50, limit: 25 },
  { filters: { status: 'published' } },
  { filters: { category: 'Reliability', tag: 'kafka' } },
  { sort: 'title' },
  { sort: 'date', offset: 10, limit: 5 },
  { sort: 'relevance' },
  { query: '  ' },
];

/** A library over studies held in memory; `folder.stamp` changes as a folder's would. */
function library(list: Study[], more: Partial<LibrarySources> = {}) {
  const disk = new Map(list.map((s) => [s.id, s]));
  const folder = { stamp: 1 };
  const service = new LibraryService({
    listSummaries: async () => {
      return [...disk.values()].map(toSummary);
    },
    readStudy: async (id) => disk.get(id) ?? null,
    site: () => defaultSiteSettings(),
    folderStamp: () => folder.stamp,
    quarantinedCount: () => 0,
    unverifiedIds: () => [],
    ...more,
  });
  return { service, disk, folder };
}

const search = (service: LibraryService, query: string) => service.search(libraryQuerySchema.parse({ query }));
const found = async (service: LibraryService, query: string) =>
  (await search(service, query)).entries.map((e) => e.study.id);

describe('the first library page of a large workspace', () => {
  it('from the list is the page the index gives, for filters, sorts and pages', () => {
    const index = SearchIndex.fromStudies(summaries);
    const byRecency = [...summaries].sort(byNewestEdit);
    for (const query of queries) {
      const parsed = libraryQuerySchema.parse(query);
      expect(queryListed(byRecency, parsed, 0)).toEqual(queryLibrary(index, parsed));
    }
    // A search: the titles and summaries, as the index holding only them finds them.
    for (const query of ['Study', 'study 149', 'tudy 7']) {
      const parsed = libraryQuerySchema.parse({ query });
      expect(queryListed(byRecency, parsed, 0)).toEqual(queryLibrary(index, parsed));
    }
  });

  it('is answered before the titles are in the index, and equals the page after', async () => {
    const { service } = library(studies);
    const first = await service.search(libraryQuerySchema.parse({}));
    expect(first.total).toBe(COUNT);
    expect(first.indexing).toEqual({ indexed: 0, total: COUNT });
    // A search with words meanwhile is answered from the list: no title is missed.
    const byTitle = await service.search(libraryQuerySchema.parse({ query: 'Study 1499' }));
    expect(byTitle.entries[0]?.study.id).toBe('study-1499');
    await service.sync();
    const after = await service.search(libraryQuerySchema.parse({}));
    expect(after.entries).toEqual(first.entries);
    expect(after.counts).toEqual(first.counts);
    expect(after.indexing).toBeNull();
  });

  it('answers a search by titles and summaries while the index is made, by the full text once read', async () => {
    const list = studies.map((s, n) =>
      n === 42 ? { ...s, lessons: withLessons(42, 'A quokka, in the lessons.').lessons } : s,
    );
    // The index file (a reopen) is still being read: the index holds nothing yet.
    let release!: () => void;
    const held = new Promise<null>((resolve) => (release = () => resolve(null)));
    const { service } = library(list, {
      indexFiles: { load: () => held, save: async () => new Map(), mayWrite: () => false },
    });
    expect((await service.search(libraryQuerySchema.parse({}))).total).toBe(COUNT);
    const byTitle = await search(service, 'study 1499');
    expect(byTitle.entries[0]?.study.id).toBe('study-1499');
    expect(byTitle.entries[0]?.match?.titleHighlights).toEqual([
      [0, 5],
      [6, 10],
    ]);
    expect(byTitle.indexing).toEqual({ indexed: 0, total: COUNT }); // the page says the bodies are not searched yet
    expect(await found(service, 'quokka')).toEqual([]);
    release();
    await service.sync();
    expect(await found(service, 'quokka')).toEqual(['study-42']);
    expect((await search(service, 'quokka')).indexing).toBeNull();
  });

  it('makes the texts a search of the list reads in slices while the index is made, before any search', async () => {
    const fill = vi.spyOn(ListedTexts.prototype, 'fill');
    let release!: () => void;
    const held = new Promise<null>((resolve) => (release = () => resolve(null)));
    const { service } = library(studies, {
      indexFiles: { load: () => held, save: async () => new Map(), mayWrite: () => false },
    });
    await service.search(libraryQuerySchema.parse({}));
    await vi.waitFor(() => expect(fill.mock.results.at(-1)?.value).toBe(true), { timeout: 10_000, interval: 5 });
    expect(fill.mock.calls.length).toBeGreaterThan(10); // a slice at a time, never all at once
    expect(fill.mock.calls.every(([count]) => count !== undefined && count < COUNT)).toBe(true);
    release();
    await service.sync();
  });

  it('searches the full text of the studies it has while the titles of a later list go in', async () => {
    const list = studies
      .slice(0, 10)
      .map((s, n) => (n === 3 ? { ...s, lessons: withLessons(3, 'A quokka.').lessons } : s));
    const { service, disk, folder } = library(list);
    await service.sync();
    // A git pull brings many new studies: their titles go in slices after the next list.
    for (let n = 2_000; n < 5_000; n++) disk.set(`study-${n}`, sampleStudy(n));
    folder.stamp = 2;
    expect(await found(service, 'quokka')).toEqual(['study-3']);
    expect((await search(service, '')).total).toBe(3_010);
  });

  it('shows a study saved while the titles go in', async () => {
    const { service, disk } = library(studies);
    await service.search(libraryQuerySchema.parse({}));
    const saved = sampleStudy(COUNT, { title: 'Saved just now', updatedAt: '2030-01-01T00:00:00.000Z' });
    disk.set(saved.id, saved);
    service.saved(saved);
    const page = await service.search(libraryQuerySchema.parse({}));
    expect(page.entries[0]?.study.title).toBe('Saved just now');
    expect(page.total).toBe(COUNT + 1);
    await service.sync();
    expect((await service.search(libraryQuerySchema.parse({ query: 'Saved just now' }))).total).toBe(1);
    // The older list did not overwrite the saved study's entry.
    expect((await service.search(libraryQuerySchema.parse({ query: 'Study 7' }))).entries.length).toBeGreaterThan(0);
  });

  it('keeps what was saved or removed while the titles go in over what the list said', async () => {
    const { service, disk } = library(studies);
    await service.search(libraryQuerySchema.parse({})); // the list is taken; its titles go in now
    const renamed = { ...studies[7]!, title: 'Wombat migration', updatedAt: '2030-01-01T00:00:00.000Z' };
    disk.set(renamed.id, renamed);
    service.saved(renamed);
    disk.delete('study-8');
    service.removed('study-8');
    const ids = async (query: string) =>
      (await service.search(libraryQuerySchema.parse({ query }))).entries.map((e) => e.study.id);
    expect(await ids('wombat')).toEqual(['study-7']);
    expect(await ids('"Study 7"')).not.toContain('study-7');
    expect(await ids('"Study 8"')).not.toContain('study-8');
    await service.sync();
    expect(await ids('wombat')).toEqual(['study-7']);
    expect((await service.search(libraryQuerySchema.parse({}))).total).toBe(COUNT - 1);
  });
});
