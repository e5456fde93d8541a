// A search of the listed summaries alone: titles and summaries, scored and ranked as the index
// scores them (search-index-match.ts), found by scanning the texts rather than through word
// postings. The library answers with it while its index is still taking a large workspace in
// (a reopen of 50,000 studies builds its index for seconds): a keystroke then never waits for
// the index, and the page says the full text is not searched yet.
import type { StudySummary } from '../schemas/study';
import { KINDS, RANK_FIELD, rankMatches } from './search-index-match';
import type { RankedRows } from './search-index-types';
import { isWordChar, MIN_INFIX, normalizeForSearch } from './search-text';

const SUMMARY = RANK_FIELD.indexOf('summary');
const TITLE = RANK_FIELD.indexOf('title');

/**
 * The listed studies' texts as search sees them, by row of the list. Made a slice at a time
 * (fill) while the list waits for its first search, or all at once by that search: normalizing
 * 100,000 texts takes ~60 ms, which one keystroke should not wait for.
 */
export class ListedTexts {
  readonly titles: string[] = [];
  readonly summaries: string[] = [];

  constructor(
    private readonly listed: readonly StudySummary[],
    /** Every row in the list's order. */
    readonly rows: Int32Array = Int32Array.from(listed, (_, row) => row),
  ) {}

  /** Makes the texts of up to `count` more rows; true once every row has them. */
  fill(count = Infinity): boolean {
    const end = Math.min(this.listed.length, this.titles.length + count);
    for (let row = this.titles.length; row < end; row++) {
      this.titles.push(normalizeForSearch(this.listed[row]!.title));
      this.summaries.push(normalizeForSearch(this.listed[row]!.summary));
    }
    return end === this.listed.length;
  }
}

/**
 * The listed rows holding every word of the query in their title or summary, best first;
 * the list's own order (newest edit first) breaks ties, as recency does in the index.
 */
export function rankListed(query: string, texts: ListedTexts): RankedRows {
  texts.fill();
  const { titles, summaries, rows } = texts;
  const docCount = rows.length;
  return rankMatches(query, {
    docCount,
    termScores: (term) => {
      const scores = new Int8Array(docCount);
      for (let row = 0; row < docCount; row++) {
        // A title match outranks any summary match, whatever its kind (rank × KINDS + kind).
        const inTitle = kindOf(term, titles[row]!);
        const kind = inTitle >= 0 ? TITLE * KINDS + inTitle : SUMMARY * KINDS + kindOf(term, summaries[row]!);
        if (kind >= SUMMARY * KINDS) scores[row] = kind + 1;
      }
      return scores;
    },
    // Stryker disable next-line StringLiteral: the list has no body; a text without the phrase is the same
    fieldsOf: (row) => ['', summaries[row]!, titles[row]!],
    recency: () => rows,
  });
}

/**
 * How `term` (word characters only) best matches a word of normalized `text`: 2 a whole word,
 * 1 a word's start, 0 inside a word (terms of MIN_INFIX characters or more), -1 not at all.
 */
export function kindOf(term: string, text: string): number {
  let best = -1;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const startsWord = !wordCharBefore(text, at);
    if (!startsWord) {
      if (term.length >= MIN_INFIX) best = Math.max(best, 0);
      continue;
    }
    if (!wordCharAt(text, at + term.length)) return 2;
    best = 1;
  }
  return best;
}

// Word characters by code point: a letter outside the Basic Multilingual Plane is two code
// units, and the index's words are split by code point. ASCII (most text) is decided without
// the Unicode test: a one-letter search meets a place to test in most titles. (The ASCII
// shortcuts only save time: the Unicode test answers the same, hence the Stryker comments.)
function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const unit = text.charCodeAt(at - 1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: see above
  if (unit < 0x80) return isAsciiWordChar(unit);
  // Stryker disable next-line ConditionalExpression: codePointAt(-1) is undefined, no pair either
  const pair = at >= 2 ? text.codePointAt(at - 2)! : 0;
  // Stryker disable next-line EqualityOperator: U+FFFF is no letter, taken whole or as its unit
  return isWordChar(String.fromCodePoint(pair > 0xffff ? pair : unit));
}

function wordCharAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  if (code === undefined) return false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: see above
  return code < 0x80 ? isAsciiWordChar(code) : isWordChar(String.fromCodePoint(code));
}

/** A digit or a lower-case letter: the texts searched are normalized (no capitals). */
const isAsciiWordChar = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
