// One library query as the list shows it: search words, filters, sort and a page, with the
// counts per filter value. Counts are taken over the search results, so they answer
// "how many of these would I get if I picked this filter".
import { z } from 'zod';
import { sectionKeys, studySummarySchema, type StudySummary } from '../schemas/study';
import { applyFilters, facetCounts, facetCountsSchema, libraryFiltersSchema } from './filters';
import type { SearchIndex, SearchMatch } from './search-index';
import { librarySortSchema, sortStudies } from './sort';

export const libraryQuerySchema = z
  .object({
    query: z.string().max(200).default(''),
    filters: libraryFiltersSchema.default({}),
    /** Default: relevance while searching, last edited otherwise. */
    sort: librarySortSchema.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(10_000).default(50),
  })
  .strict();
export type LibraryQuery = z.input<typeof libraryQuerySchema>;

const highlightsSchema = z.array(z.tuple([z.number().int(), z.number().int()]));

export const libraryEntrySchema = z.object({
  study: studySummarySchema,
  /** Where the search words were found; null when there is no search. */
  match: z
    .object({
      field: z.enum(['title', 'summary', 'body']),
      section: z.enum(sectionKeys).nullable(),
      snippet: z.object({ text: z.string(), highlights: highlightsSchema }),
      titleHighlights: highlightsSchema,
    })
    .nullable(),
});
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

export const libraryPageSchema = z.object({
  /** Studies matching the search and filters (all pages). */
  total: z.number().int(),
  entries: z.array(libraryEntrySchema),
  counts: facetCountsSchema,
  /**
   * While the full text is still being read (a large workspace just opened): how many studies
   * are searchable in full so far; the rest match by title and summary only. Null when all are.
   */
  indexing: z.object({ indexed: z.number().int(), total: z.number().int() }).nullable(),
  /**
   * Files set aside (quarantined) in the workspace so far. Reading the full text may find a
   * damaged file after the app listed it: a change here tells the app to refresh its report.
   */
  quarantined: z.number().int(),
});
export type LibraryPage = z.infer<typeof libraryPageSchema>;

export function queryLibrary(index: SearchIndex, input: LibraryQuery): Omit<LibraryPage, 'quarantined'> {
  const q = libraryQuerySchema.parse(input);
  const searching = searchesText(q.query);
  const matches = searching ? index.match(q.query) : [];
  const base = searching ? matches.map((m) => index.summary(m.id)!) : index.summariesByRecency();
  const indexing = index.bodiesIndexed < index.size ? { indexed: index.bodiesIndexed, total: index.size } : null;
  return pageOf(q, base, searching ? { index, matches } : null, indexing);
}

/**
 * The page of a query without search words, from summaries already newest edit first (the
 * store's list): what the library answers while its index is still taking that list in, so a
 * large workspace shows its first page without waiting for it (library-service.ts). Null when
 * the query searches: that needs the index. `indexed` studies of the list are searchable in full.
 */
export function queryListed(
  byRecency: StudySummary[],
  input: LibraryQuery,
  indexed: number,
): Omit<LibraryPage, 'quarantined'> | null {
  const q = libraryQuerySchema.parse(input);
  if (searchesText(q.query)) return null;
  const indexing = indexed < byRecency.length ? { indexed, total: byRecency.length } : null;
  return pageOf(q, byRecency, null, indexing);
}

const searchesText = (query: string): boolean => query.trim() !== '' && /[\p{L}\p{N}]/u.test(query);

/** Filters, counts, sorts and pages `base` (search results in relevance order, or newest edit first). */
function pageOf(
  q: z.output<typeof libraryQuerySchema>,
  base: StudySummary[],
  search: { index: SearchIndex; matches: SearchMatch[] } | null,
  indexing: LibraryPage['indexing'],
): Omit<LibraryPage, 'quarantined'> {
  const searching = search !== null;
  const counts = facetCounts(base, q.filters);
  const filtered = applyFilters(base, q.filters);
  const sort = q.sort ?? (searching ? 'relevance' : 'updated');
  // Both bases are already in order: relevance (recency breaking ties), or last edited.
  const inOrder = sort === 'relevance' || (sort === 'updated' && !searching);
  const ordered = inOrder ? filtered : sortStudies(filtered, sort);
  const page = ordered.slice(q.offset, q.offset + q.limit);
  // Look up matches for this page only: a broad query matches every study, the page holds 50.
  const onPage = new Set(page.map((s) => s.id));
  const matchOf = new Map<string, SearchMatch>();
  if (search) for (const m of search.matches) if (onPage.has(m.id)) matchOf.set(m.id, m);
  const entries = page.map((study): LibraryEntry => {
    const match = matchOf.get(study.id);
    if (!match || !search) return { study, match: null };
    const { field, section, snippet, titleHighlights } = search.index.describe(match, q.query);
    return { study, match: { field, section, snippet, titleHighlights } };
  });
  return { total: filtered.length, entries, counts, indexing };
}
