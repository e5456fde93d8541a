// Text as search sees it: lower case, accents removed ("Café" finds "cafe"), split into words.
// Normalization works one character at a time so an offset in the normalized text can be
// mapped back to the original (for highlights), and index and snippets always agree.

const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex -- "every character is ASCII" includes control characters
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_WORD = /[^\p{L}\p{N}]+/u;

function normalizeChar(char: string): string {
  const lower = char.normalize('NFD').replace(MARKS, '').toLowerCase();
  // Greek final sigma lower-cases differently at the end of a word; search treats both alike.
  return lower === 'ς' ? 'σ' : lower;
}

/** Lower-case, accent-free text; ASCII text (the common case) takes the native fast path. */
export function normalizeForSearch(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) out += char.charCodeAt(0) < 128 ? char.toLowerCase() : normalizeChar(char);
  return out;
}

export interface NormalizedText {
  text: string;
  /** Original offset of each normalized code unit, plus one entry for the end; null = identity. */
  toOriginal: number[] | null;
}

/** Like normalizeForSearch, with a map from normalized offsets back to the original text. */
export function normalizeWithOffsets(text: string): NormalizedText {
  if (ASCII_ONLY.test(text)) return { text: text.toLowerCase(), toOriginal: null };
  let out = '';
  const toOriginal: number[] = [];
  let offset = 0;
  for (const char of text) {
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

/** The distinct words of a normalized text. */
export function wordsOf(normalized: string): Set<string> {
  const words = new Set<string>();
  for (const word of normalized.split(NON_WORD)) if (word) words.add(word);
  return words;
}

/** The words of a query, in order, normalized; duplicates dropped. */
export function queryTerms(query: string): string[] {
  return [...wordsOf(normalizeForSearch(query))];
}

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}
