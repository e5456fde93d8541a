// The search index's data shapes (search-index.ts holds the index, search-index-match.ts the
// ranking and the snippets), declared once for the index, its bulk build and its file.
import type { SectionKey, StudySummary } from '../schemas/study';
import type { FacetTable } from './facet-table';
import type { Postings } from './postings';
import type { HighlightedText } from './search-snippet';

export type SearchField = 'title' | 'summary' | 'body';

export interface SearchMatch {
  id: string;
  score: number;
  field: SearchField;
}

/** A query's matches: study numbers best first; scores and best fields (RANK_FIELD) by study number. */
export interface RankedRows {
  rows: Int32Array;
  score: Int32Array;
  field: Int8Array;
}

export interface SearchResult extends SearchMatch {
  study: StudySummary;
  /** The section the snippet comes from, when the best match is in the body. */
  section: SectionKey | null;
  /** A short excerpt of the best-matching field with the matched words marked. */
  snippet: HighlightedText;
  /** The matched words in the title, so the list can mark them even for body matches. */
  titleHighlights: [number, number][];
}

export interface SearchOptions {
  /** How many results get snippets (the rest of the ranking is still returned by match()). */
  limit?: number;
}

export type SectionTexts = Record<SectionKey, string>;

/** A study's words with their field bits (FIELD_BITS), as a persisted index keeps them. */
export interface IndexedWords {
  words: string[];
  bits: Uint8Array;
}

export interface IndexedStudy {
  id: string;
  summary: StudySummary;
  /** The texts, or how to read them when a snippet needs them (a persisted index keeps them on disk). */
  sections: SectionTexts | (() => SectionTexts);
  words: Int32Array;
  bits: Uint8Array;
  hasBody: boolean;
}

/** The parts of an index built in bulk (search-index-restore.ts), taken over as they are. */
export interface IndexParts {
  docs: (IndexedStudy | undefined)[];
  docOf: Map<string, number>;
  freeDocs: number[];
  wordIds: Map<string, number>;
  wordText: (string | undefined)[];
  postings: (Postings | undefined)[];
  freeWords: number[];
  /** Each study's filter values by study number. */
  facets: FacetTable;
}

export function textsOf(entry: IndexedStudy): SectionTexts {
  return typeof entry.sections === 'function' ? entry.sections() : entry.sections;
}
