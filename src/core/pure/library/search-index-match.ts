// How the search index (search-index.ts) scores a query word against its postings, checks
// punctuation-bearing terms against the texts, and describes a match for the results list.
import { sectionKeys, type SectionKey } from '../schemas/study';
import { FIELD_BITS, type Postings } from './postings';
import { highlightIn, firstMatch, snippetAround, type HighlightedText } from './search-snippet';
import { holdsPhrase, normalizeForSearch, queryParts } from './search-text';
import { textsOf, type IndexedStudy, type SearchMatch, type SearchResult } from './search-index-types';

export const KINDS = 3; // 0 inside a word, 1 word prefix, 2 whole word
// Words shorter than this match only at the start of a word: "a" inside every word is noise.
const MIN_INFIX = 3;

/**
 * Per study number (of `docCount`): 0 = no match, else 1 + (field rank × KINDS + kind) of its
 * best match. Field ranks: body 0, summary 1, title 2.
 */
export function termScores(
  term: string,
  docCount: number,
  wordIds: ReadonlyMap<string, number>,
  postings: readonly (Postings | undefined)[],
): Int8Array {
  const scores = new Int8Array(docCount);
  for (const [word, wordId] of wordIds) {
    const kind =
      word === term ? 2 : word.startsWith(term) ? 1 : term.length >= MIN_INFIX && word.includes(term) ? 0 : -1;
    if (kind < 0) continue;
    const { docs, fields, length } = postings[wordId]!;
    for (let i = 0; i < length; i++) {
      const bits = fields[i]!;
      const rank = bits & FIELD_BITS.title ? 2 : bits & FIELD_BITS.summary ? 1 : 0;
      const score = rank * KINDS + kind + 1;
      const doc = docs[i]!;
      if (score > scores[doc]!) scores[doc] = score;
    }
  }
  return scores;
}

/**
 * The candidates holding every punctuation-bearing term as written (the index only knows
 * words: "n+1" is looked up as "n" and "1"), raising each one's best field to where they are.
 */
export function holdingPhrases(
  docs: readonly (IndexedStudy | undefined)[],
  candidates: number[],
  phrases: string[],
  bestField: Int8Array,
): number[] {
  return candidates.filter((doc) => {
    const entry = docs[doc]!;
    const sections = textsOf(entry);
    const body = sectionKeys.map((key) => sections[key]).join('\n');
    // Ranks as in termScores: body 0, summary 1, title 2.
    const fields = [body, entry.summary.summary, entry.summary.title].map(normalizeForSearch);
    for (const phrase of phrases) {
      const rank = fields.findLastIndex((text) => holdsPhrase(text, phrase));
      if (rank < 0) return false;
      bestField[doc] = Math.max(bestField[doc]!, rank);
    }
    return true;
  });
}

/** Adds the summary, snippet and highlights to a match of `entry` (for a page of results). */
export function describeMatch(entry: IndexedStudy, match: SearchMatch, query: string): SearchResult {
  const terms = queryParts(query).marks;
  const { summary } = entry;
  const titleHighlights = highlightIn(summary.title, terms).highlights;
  let section: SectionKey | null = null;
  let snippet: HighlightedText;
  if (match.field === 'title') snippet = { text: summary.title, highlights: titleHighlights };
  else if (match.field === 'summary') snippet = snippetAround(summary.summary, terms);
  else {
    const sections = textsOf(entry);
    section = sectionKeys.find((key) => firstMatch(sections[key], terms) >= 0) ?? null;
    snippet = snippetAround(section ? sections[section] : '', terms);
  }
  return { ...match, study: summary, section, snippet, titleHighlights };
}
