// One library query as the list shows it: search words, filters, sort and a page, with the
// counts per filter value. Counts are taken over the search results, so they answer
// "how many of these would I get if I picked this filter".
import type { z } from 'zod';
import { sectionKeys, type StudySummary } from '../schemas/study';
import { libraryQuerySchema, type LibraryEntry, type LibraryPage, type LibraryQuery } from './library-page-schema';
import { FacetTable } from './facet-table';
import { ListedTexts, rankListed } from './listed-search';
import type { SearchIndex } from './search-index';
import { describeMatch, RANK_FIELD } from './search-index-match';
import type { SectionTexts } from './search-index-types';
import { sortStudies, type ListSort } from './sort';

export function queryLibrary(index: SearchIndex, input: LibraryQuery): Omit<LibraryPage, 'quarantined'> {
  const q = libraryQuerySchema.parse(input);
  const ranked = searchesText(q.query) ? index.rank(q.query) : null;
  const indexing = index.bodiesIndexed < index.size ? { indexed: index.bodiesIndexed, total: index.size } : null;
  const listing: Listing = {
    rows: ranked ? ranked.rows : index.recencyRows(),
    facets: index.facets,
    summaryAt: (row) => index.summaryAt(row),
    matchAt:
      ranked &&
      ((row) => {
        const { field, section, snippet, titleHighlights } = index.describe(index.matchAt(row, ranked), q.query);
        return { field, section, snippet, titleHighlights };
      }),
  };
  return pageOf(q, listing, indexing);
}

// The facet tables, rows and texts of lists the library answered from while its index was
// being made: the same list answers every keystroke of that time.
// The texts are made at the first search: a first page without one does not wait for them.
const listedTables = new WeakMap<StudySummary[], { facets: FacetTable; rows: Int32Array; texts?: ListedTexts }>();
const NO_SECTIONS = (): SectionTexts => Object.fromEntries(sectionKeys.map((key) => [key, ''])) as SectionTexts;

function listedTable(byRecency: StudySummary[]) {
  let table = listedTables.get(byRecency);
  // Stryker disable next-line ConditionalExpression: made again, the table is the same (the memo only saves time)
  if (!table) {
    table = { facets: FacetTable.of(byRecency), rows: Int32Array.from(byRecency, (_, row) => row) };
    listedTables.set(byRecency, table);
  }
  return table;
}

/** Lets go of what answering from `byRecency` made (its index has taken it in). */
// Stryker disable next-line BlockStatement: frees memory; what a page holds is the same
export function forgetListed(byRecency: StudySummary[]): void {
  listedTables.delete(byRecency);
}

/** The texts a search of the list finds words in (made as they are needed: ListedTexts.fill). */
export function listedTextsOf(byRecency: StudySummary[]): ListedTexts {
  const table = listedTable(byRecency);
  return (table.texts ??= new ListedTexts(byRecency, table.rows));
}

/**
 * The page of a query from summaries already newest edit first (the store's list): what the
 * library answers while its index is still taking that list in, so a large workspace shows its
 * first page, and answers a search, without waiting for it (library-service.ts). A search
 * finds words in titles and summaries only (listed-search.ts); `indexed` studies of the list
 * are searchable in full, so the page says how far the full text is.
 */
export function queryListed(
  byRecency: StudySummary[],
  input: LibraryQuery,
  indexed: number,
): Omit<LibraryPage, 'quarantined'> {
  const q = libraryQuerySchema.parse(input);
  const indexing = indexed < byRecency.length ? { indexed, total: byRecency.length } : null;
  const table = listedTable(byRecency);
  const ranked = searchesText(q.query) ? rankListed(q.query, listedTextsOf(byRecency)) : null;
  const listing: Listing = {
    rows: ranked ? ranked.rows : table.rows,
    facets: table.facets,
    summaryAt: (row) => byRecency[row]!,
    matchAt:
      ranked &&
      ((row) => {
        const match = { id: byRecency[row]!.id, score: ranked.score[row]!, field: RANK_FIELD[ranked.field[row]!]! };
        const { field, section, snippet, titleHighlights } = describeMatch(
          byRecency[row]!,
          NO_SECTIONS,
          match,
          q.query,
        );
        return { field, section, snippet, titleHighlights };
      }),
  };
  return pageOf(q, listing, indexing);
}

/** Whether a query holds words to search for (not only spaces and punctuation). */
export const searchesText = (query: string): boolean => /[\p{L}\p{N}]/u.test(query);

/** The studies a page is taken from, as rows of a facet table. */
interface Listing {
  /** Search results in relevance order, or every study newest edit first. */
  rows: Int32Array;
  facets: FacetTable;
  summaryAt: (row: number) => StudySummary;
  /** Where a row matched the search; null when there is no search. */
  matchAt: ((row: number) => NonNullable<LibraryEntry['match']>) | null;
}

/** Filters, counts, sorts and pages `listing`. */
function pageOf(
  q: z.output<typeof libraryQuerySchema>,
  { rows, facets, summaryAt, matchAt }: Listing,
  indexing: LibraryPage['indexing'],
): Omit<LibraryPage, 'quarantined'> {
  const counts = facets.counts(rows, q.filters);
  const filtered = facets.filter(rows, q.filters);
  const sort = q.sort ?? (matchAt ? 'relevance' : 'updated');
  // Both listings are already in order: relevance (recency breaking ties), or last edited.
  // Stryker disable next-line ConditionalExpression,StringLiteral: the list in last-edit order, sorted again by last edit, is the same list
  const inOrder = sort === 'relevance' || (sort === 'updated' && !matchAt);
  const page = inOrder
    ? Array.from(filtered.subarray(q.offset, q.offset + q.limit))
    : sortedRows(filtered, sort as ListSort, summaryAt).slice(q.offset, q.offset + q.limit);
  // Snippets for this page only: a broad query matches every study, the page holds 50.
  const entries = page.map((row): LibraryEntry => ({ study: summaryAt(row), match: matchAt?.(row) ?? null }));
  return { total: filtered.length, entries, counts, indexing };
}

function sortedRows(rows: Int32Array, sort: ListSort, summaryAt: (row: number) => StudySummary): number[] {
  const rowOf = new Map<StudySummary, number>();
  for (const row of rows) rowOf.set(summaryAt(row), row);
  return sortStudies([...rowOf.keys()], sort).map((study) => rowOf.get(study)!);
}
