// The library list as a query: search words, filters, sort and how many entries to show.
// Asks the core (searchLibrary) ~100 ms after the last change, and again whenever
// `refreshKey` changes (the App's list changes on every save, create and delete). While the
// core is still reading the full text of a workspace just opened, asks again every
// INDEXING_POLL_MS so results and progress fill in.
import { useEffect, useState } from 'react';
import type { CasebookApi } from '../../../core/pure/contract';
import type { LibraryFilters } from '../../../core/pure/library/filters';
import type { LibraryPage } from '../../../core/pure/library/library-page-schema';
import type { LibrarySort } from '../../../core/pure/library/sort';
import { errorMessage } from '../api/api-error';

export const PAGE_SIZE = 50;
const DEBOUNCE_MS = 100;
const INDEXING_POLL_MS = 600;

/** True when the words would search (the core ignores queries without a letter or digit). */
export function isSearching(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

export function useLibraryPage(api: CasebookApi, refreshKey: unknown) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>({});
  /** null: the default order (relevance while searching, last edited otherwise). */
  const [sortChoice, setSortChoice] = useState<LibrarySort | null>(null);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [page, setPage] = useState<LibraryPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [poll, setPoll] = useState(0);
  /** Pages in a row that reported indexing: the progress line waits for the second (no flash). */
  const [indexingPages, setIndexingPages] = useState(0);

  const searching = isSearching(query);
  // Relevance means nothing without search words: fall back to the default order.
  const sort: LibrarySort =
    sortChoice === 'relevance' && !searching ? 'updated' : (sortChoice ?? (searching ? 'relevance' : 'updated'));

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.searchLibrary({ query, filters, sort, limit }).then(
        (result) => {
          if (!current) return;
          setPage(result);
          setProblem(null);
          setIndexingPages((n) => (result.indexing ? n + 1 : 0));
        },
        (err: unknown) => {
          if (current) setProblem(`Could not search the library: ${errorMessage(err)}`);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query, filters, sort, limit, refreshKey, poll]);

  const indexing = page?.indexing ?? null;
  useEffect(() => {
    if (!indexing) return;
    const timer = setTimeout(() => setPoll((n) => n + 1), INDEXING_POLL_MS);
    return () => clearTimeout(timer);
  }, [indexing]);

  return {
    query,
    setQuery: (next: string) => {
      setQuery(next);
      setLimit(PAGE_SIZE);
    },
    filters,
    setFilters: (next: LibraryFilters) => {
      setFilters(next);
      setLimit(PAGE_SIZE);
    },
    sort,
    setSort: setSortChoice,
    searching,
    page,
    problem,
    /** Full-text indexing progress worth showing (it has lasted more than one page), or null. */
    indexing: indexingPages > 1 ? indexing : null,
    showMore: () => setLimit((n) => n + PAGE_SIZE),
  };
}
