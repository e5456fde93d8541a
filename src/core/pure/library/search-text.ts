// Text as search sees it: lower case, accents removed ("Café" finds "cafe"), split into words.
// Normalization works one character at a time so an offset in the normalized text can be
// mapped back to the original (for highlights), and index and snippets always agree.

const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex -- "every character is ASCII" includes control characters
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Words shorter than this match only at the start of a word: "a" inside every word is noise. */
export const MIN_INFIX = 3;
const NON_WORD = /[^\p{L}\p{N}]+/u;

// Each character outside ASCII is normalized once and remembered (NFD and a Unicode test cost
// ~0.5 µs a character): a text in Japanese, or with many accents, repeats the characters seen.
const normalizedChars = new Map<string, string>();
const REMEMBERED_CHARS = 8192;

function normalizeChar(char: string): string {
  let normalized = normalizedChars.get(char);
  // Stryker disable next-line ConditionalExpression: normalizing again gives the same (the memo only saves time)
  if (normalized === undefined) {
    const lower = char.normalize('NFD').replace(MARKS, '').toLowerCase();
    // Greek final sigma lower-cases differently at the end of a word; search treats both alike.
    normalized = lower === 'ς' ? 'σ' : lower;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: bounds memory, not what is found
    if (normalizedChars.size >= REMEMBERED_CHARS) normalizedChars.clear();
    normalizedChars.set(char, normalized);
  }
  return normalized;
}

// What normalization changes: ASCII capitals, and every character outside ASCII.
// eslint-disable-next-line no-control-regex -- "outside ASCII" starts after the control characters
const TO_NORMALIZE = /[A-Z]+|[^\x00-\x7f]+/gu;

/**
 * Lower-case, accent-free text, as normalizeWithOffsets gives it one character at a time:
 * ASCII text (the common case) takes the native fast path, and in other text only the runs
 * that change are rebuilt.
 */
export function normalizeForSearch(text: string): string {
  // Stryker disable next-line ConditionalExpression: run by run, ASCII text is lower-cased alike, only slower
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  // Stryker disable next-line ConditionalExpression: a run of capitals taken one by one is lower-cased alike, only slower
  return text.replace(TO_NORMALIZE, (run) => (run.charCodeAt(0) < 128 ? run.toLowerCase() : normalizeRun(run)));
}

function normalizeRun(run: string): string {
  let out = '';
  for (const char of run) out += normalizeChar(char);
  return out;
}

export interface NormalizedText {
  text: string;
  /** Original offset of each normalized code unit, plus one entry for the end; null = identity. */
  toOriginal: number[] | null;
}

/** Like normalizeForSearch, with a map from normalized offsets back to the original text. */
export function normalizeWithOffsets(text: string): NormalizedText {
  // Stryker disable next-line ConditionalExpression: offsets one for one are the same map as none
  if (ASCII_ONLY.test(text)) return { text: text.toLowerCase(), toOriginal: null };
  let out = '';
  const toOriginal: number[] = [];
  let offset = 0;
  for (const char of text) {
    // Stryker disable next-line EqualityOperator,ConditionalExpression: U+0080 is a control character both branches leave as it is; an ASCII character taken the long way is lower-cased alike
    const norm = char.charCodeAt(0) < 128 ? char.toLowerCase() : normalizeChar(char);
    for (let i = 0; i < norm.length; i++) toOriginal.push(offset);
    out += norm;
    offset += char.length;
  }
  toOriginal.push(offset);
  return { text: out, toOriginal };
}

export function originalOffset(normalized: NormalizedText, offset: number): number {
  return normalized.toOriginal ? normalized.toOriginal[offset]! : offset;
}

const ASCII_NON_WORD = /[^A-Za-z0-9]+/;

/**
 * The words of a normalized text, in order, with repeats (and an empty string at either end
 * when it starts or ends between words). In ASCII text the letters and digits are A-Z, a-z
 * and 0-9: a plain class splits it ~25 % faster than the Unicode one.
 */
export function splitWords(normalized: string): string[] {
  // Stryker disable next-line ConditionalExpression: the Unicode class splits ASCII alike, only slower
  return normalized.split(ASCII_ONLY.test(normalized) ? ASCII_NON_WORD : NON_WORD);
}

/** The distinct words of a normalized text. */
export function wordsOf(normalized: string): Set<string> {
  const words = new Set<string>();
  for (const word of splitWords(normalized)) if (word) words.add(word);
  return words;
}

// Punctuation around a typed term that is sentence punctuation, not part of the term.
const EDGE_PUNCTUATION = /^["'“”‘’([{<]+|["'“”‘’)\]}>,;:!?.]+$/gu;
// Hyphens and apostrophes join words ("write-ahead", "don't") the way the word index already
// treats them; any other punctuation inside a term ("n+1", "c++", "99.9%", "node.js") is meant.
const JOINERS = /^[\p{L}\p{N}'’-]*$/u;

export interface QueryParts {
  /** Words the index looks up (a study must hold each). */
  words: string[];
  /** Terms with meaningful punctuation, normalized: a study must hold each as written. */
  phrases: string[];
  /** What to mark in titles and snippets: the phrases, and the words not inside one. */
  marks: string[];
}

/** A query split into index words and punctuation-bearing terms ("N+1" is not "n" and "1"). */
export function queryParts(query: string): QueryParts {
  const words = new Set<string>();
  const phrases = new Set<string>();
  const marks = new Set<string>();
  // Stryker disable next-line Regex: splitting at each space gives empty chunks, skipped below
  for (const chunk of normalizeForSearch(query).split(/\s+/u)) {
    const term = chunk.replace(EDGE_PUNCTUATION, '');
    const inner = wordsOf(term);
    if (inner.size === 0) continue;
    for (const word of inner) words.add(word);
    if (JOINERS.test(term)) for (const word of inner) marks.add(word);
    else {
      phrases.add(term);
      marks.add(term);
    }
  }
  return { words: [...words], phrases: [...phrases], marks: [...marks] };
}

/** Whether normalized text holds a phrase starting at a word boundary (as words match). */
export function holdsPhrase(normalized: string, phrase: string): boolean {
  const startsWord = isWordChar(phrase[0]);
  for (let at = normalized.indexOf(phrase); at >= 0; at = normalized.indexOf(phrase, at + 1)) {
    if (!startsWord || !isWordChar(normalized[at - 1])) return true;
  }
  return false;
}

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}
