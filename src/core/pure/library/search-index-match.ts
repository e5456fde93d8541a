// How the search index (search-index.ts) scores a query word against its postings, checks
// punctuation-bearing terms against the texts, and describes a match for the results list.
import { sectionKeys, type SectionKey } from '../schemas/study';
import { FIELD_BITS, type Postings } from './postings';
import { highlightIn, firstMatch, snippetAround, type HighlightedText } from './search-snippet';
import { holdsPhrase, normalizeForSearch, queryParts } from './search-text';
import { textsOf, type IndexedStudy, type RankedRows, type SearchMatch, type SearchResult } from './search-index-types';

export const KINDS = 3; // 0 inside a word, 1 word prefix, 2 whole word
// Recency ranks fit below this; a score is packed above it in one float64 sort key.
const RANK_SPAN = 2 ** 24;
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
 * The study numbers of `docs` matching the query, best first, with each one's score and best
 * field rank (by study number). `recency`: each study's place from the latest edit (`rank`) and
 * the study at each place (`order`), which break ties of score.
 */
export function rankRows(
  query: string,
  docs: readonly (IndexedStudy | undefined)[],
  wordIds: ReadonlyMap<string, number>,
  postings: readonly (Postings | undefined)[],
  recency: () => { rank: Int32Array; order: Int32Array },
): RankedRows {
  const { words: terms, phrases, marks } = queryParts(query);
  const total = new Int32Array(docs.length);
  const bestField = new Int8Array(docs.length);
  if (terms.length === 0) return { rows: new Int32Array(0), score: total, field: bestField };
  let candidates: number[] | null = null;
  for (const term of terms) {
    const scores = termScores(term, docs.length, wordIds, postings);
    const next: number[] = [];
    if (candidates === null) {
      for (let doc = 0; doc < scores.length; doc++) if (scores[doc]! > 0) next.push(doc);
    } else {
      for (const doc of candidates) if (scores[doc]! > 0) next.push(doc);
    }
    for (const doc of next) {
      const score = scores[doc]! - 1;
      total[doc] = total[doc]! + score;
      // A word inside "n+1" says little about where "n+1" is: the phrase check decides.
      if (marks.includes(term)) bestField[doc] = Math.max(bestField[doc]!, Math.floor(score / KINDS));
    }
    candidates = next;
    if (candidates.length === 0) break;
  }
  if (phrases.length > 0 && candidates) candidates = holdingPhrases(docs, candidates, phrases, bestField);
  // Sort numbers, not objects: one float per match packs (score, recency rank), and a
  // typed-array sort of 10,000 numbers takes well under a millisecond.
  const { rank, order } = recency();
  const found = candidates ?? [];
  const keys = new Float64Array(found.length);
  for (let i = 0; i < found.length; i++) {
    const doc = found[i]!;
    keys[i] = total[doc]! * RANK_SPAN + (RANK_SPAN - 1 - rank[doc]!);
  }
  keys.sort();
  const rows = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) rows[i] = order[RANK_SPAN - 1 - (keys[keys.length - 1 - i]! % RANK_SPAN)]!;
  return { rows, score: total, field: bestField };
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
