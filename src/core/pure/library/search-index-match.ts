// How the search index (search-index.ts) scores a query word against its postings, checks
// punctuation-bearing terms against the texts, ranks the matches and describes one for the
// results list. The ranking is shared with a search of the listed summaries alone
// (listed-search.ts): both score a word alike.
import { sectionKeys, type SectionKey, type StudySummary } from '../schemas/study';
import { FIELD_BITS, type Postings } from './postings';
import { highlightIn, firstMatch, snippetAround, type HighlightedText } from './search-snippet';
import { holdsPhrase, MIN_INFIX, normalizeForSearch, queryParts } from './search-text';
import {
  textsOf,
  type IndexedStudy,
  type RankedRows,
  type SearchMatch,
  type SearchField,
  type SearchResult,
  type SectionTexts,
} from './search-index-types';

export const KINDS = 3; // 0 inside a word, 1 word prefix, 2 whole word
// Field ranks 0..2 (body, summary, title); a title match of any kind outranks a summary match.
export const RANK_FIELD: readonly SearchField[] = ['body', 'summary', 'title'];

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
      // Stryker disable next-line EqualityOperator: an equal score written again is the same
      if (score > scores[doc]!) scores[doc] = score;
    }
  }
  return scores;
}

/**
 * The study numbers of `docs` matching the query, best first, with each one's score and best
 * field rank (by study number). `recency`: every study from the latest edit to the oldest,
 * which breaks ties of score.
 */
export function rankRows(
  query: string,
  docs: readonly (IndexedStudy | undefined)[],
  wordIds: ReadonlyMap<string, number>,
  postings: readonly (Postings | undefined)[],
  recency: () => Int32Array,
): RankedRows {
  return rankMatches(query, {
    docCount: docs.length,
    termScores: (term) => termScores(term, docs.length, wordIds, postings),
    fieldsOf: (doc) => {
      const entry = docs[doc]!;
      const sections = textsOf(entry);
      const body = sectionKeys.map((key) => sections[key]).join('\n');
      return [body, entry.summary.summary, entry.summary.title].map(normalizeForSearch);
    },
    recency,
  });
}

/** What a ranking needs to know of the studies it ranks, by study number. */
export interface Rankable {
  docCount: number;
  /** Per study number: 0 = no match, else 1 + (field rank × KINDS + kind) of the term's best match. */
  termScores: (term: string) => Int8Array;
  /** The study's normalized texts by field rank: body, summary, title (for terms with punctuation). */
  fieldsOf: (doc: number) => string[];
  /** Every study number from the latest edit to the oldest: breaks ties of score. */
  recency: () => ArrayLike<number>;
}

/** The study numbers holding every term of the query, best first, with their scores and best fields. */
export function rankMatches(query: string, { docCount, termScores, fieldsOf, recency }: Rankable): RankedRows {
  const { words: terms, phrases, marks } = queryParts(query);
  const total = new Int32Array(docCount);
  const bestField = new Int8Array(docCount);
  // Stryker disable next-line ConditionalExpression: with no term the loop below keeps nothing either
  if (terms.length === 0) return { rows: new Int32Array(0), score: total, field: bestField };
  // Study numbers holding every term so far (the first `count` entries), as plain loops over
  // typed arrays: a broad query at 50,000 studies keeps every one of them.
  let candidates: Int32Array | null = null;
  let count = 0;
  for (const term of terms) {
    const scores = termScores(term);
    // A word inside "n+1" says little about where "n+1" is: the phrase check decides.
    const marked = marks.includes(term);
    const next: Int32Array = candidates ?? new Int32Array(docCount);
    let kept = 0;
    const take = (doc: number): void => {
      const score = scores[doc]! - 1;
      if (score < 0) return;
      next[kept++] = doc;
      total[doc] = total[doc]! + score;
      if (marked) bestField[doc] = Math.max(bestField[doc]!, Math.floor(score / KINDS));
    };
    if (candidates === null) for (let doc = 0; doc < scores.length; doc++) take(doc);
    else for (let i = 0; i < count; i++) take(candidates[i]!);
    candidates = next;
    count = kept;
    // Stryker disable next-line ConditionalExpression: the terms after none is left keep none
    if (count === 0) break;
  }
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: candidates is null only with no term (returned above)
  let found: ArrayLike<number> = candidates?.subarray(0, count) ?? [];
  if (phrases.length > 0) found = holdingPhrases(Array.from(found), phrases, bestField, fieldsOf);
  // Best score first, latest edit first within a score, without sorting: scores are small
  // numbers, so each score's place in the result is counted first, then the matches are
  // dropped into place walking the studies from the latest edit (a sort of 50,000 took ~4 ms).
  const order = recency();
  let maxScore = 0;
  const matched = new Uint8Array(docCount);
  // Stryker disable next-line EqualityOperator: one read past the end is undefined: marks and raises nothing
  for (let i = 0; i < found.length; i++) {
    const doc = found[i]!;
    matched[doc] = 1;
    // Stryker disable next-line EqualityOperator: an equal maximum set again is the same
    if (total[doc]! > maxScore) maxScore = total[doc]!;
  }
  const placeOf = new Int32Array(maxScore + 1);
  // Stryker disable next-line EqualityOperator: one read past the end counts into no score
  for (let i = 0; i < found.length; i++) placeOf[total[found[i]!]!]!++;
  for (let score = maxScore, at = 0; score >= 0; score--) {
    const n = placeOf[score]!;
    placeOf[score] = at;
    at += n;
  }
  const rows = new Int32Array(found.length);
  // Stryker disable next-line EqualityOperator: one read past the end is no study
  for (let i = 0; i < order.length; i++) {
    const doc = order[i]!;
    if (matched[doc]) rows[placeOf[total[doc]!]!++] = doc;
  }
  return { rows, score: total, field: bestField };
}

/**
 * The candidates holding every punctuation-bearing term as written (the index only knows
 * words: "n+1" is looked up as "n" and "1"), raising each one's best field to where they are.
 */
export function holdingPhrases(
  candidates: number[],
  phrases: string[],
  bestField: Int8Array,
  fieldsOf: Rankable['fieldsOf'],
): number[] {
  return candidates.filter((doc) => {
    // Ranks as in termScores: body 0, summary 1, title 2.
    const fields = fieldsOf(doc);
    for (const phrase of phrases) {
      const rank = fields.findLastIndex((text) => holdsPhrase(text, phrase));
      if (rank < 0) return false;
      bestField[doc] = Math.max(bestField[doc]!, rank);
    }
    return true;
  });
}

/**
 * Adds the summary, snippet and highlights to a match (for a page of results); `sectionsOf`
 * is asked only when the match is in the body.
 */
export function describeMatch(
  summary: StudySummary,
  sectionsOf: () => SectionTexts,
  match: SearchMatch,
  query: string,
): SearchResult {
  const terms = queryParts(query).marks;
  const titleHighlights = highlightIn(summary.title, terms).highlights;
  let section: SectionKey | null = null;
  let snippet: HighlightedText;
  if (match.field === 'title') snippet = { text: summary.title, highlights: titleHighlights };
  else if (match.field === 'summary') snippet = snippetAround(summary.summary, terms);
  else {
    const sections = sectionsOf();
    section = sectionKeys.find((key) => firstMatch(sections[key], terms) >= 0) ?? null;
    snippet = snippetAround(section ? sections[section] : '', terms);
  }
  return { ...match, study: summary, section, snippet, titleHighlights };
}
