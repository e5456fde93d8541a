// Snippets for search results: a short excerpt of the matched text around the first match,
// with [start, end) ranges (in the excerpt) of every matched word, so the UI can mark them.
import { isWordChar, MIN_INFIX, normalizeWithOffsets, originalOffset } from './search-text';

export interface HighlightedText {
  text: string;
  highlights: [number, number][];
}

export const SNIPPET_LENGTH = 160;
const CONTEXT_BEFORE = 50;
/** Between two blocks' texts (paragraphs, list items, cells) in a snippet. */
export const BLOCK_SEPARATOR = ' · ';

/** Ranges of the query words in `text` (original offsets), merged and in order. */
function matchRanges(text: string, terms: string[]): [number, number][] {
  const normalized = normalizeWithOffsets(text);
  const hay = normalized.text;
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = hay.indexOf(term); at >= 0; at = hay.indexOf(term, at + 1)) {
      // Short words count only at the start of a word, as in the index.
      if (term.length < MIN_INFIX && isWordChar(hay[at - 1])) continue;
      ranges.push([originalOffset(normalized, at), originalOffset(normalized, at + term.length)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The whole text with its matches marked (titles, or to test whether a text matches). */
export function highlightIn(text: string, terms: string[]): HighlightedText {
  return { text, highlights: matchRanges(text, terms) };
}

/** Offset of the first place a query word matches in `text`, or -1. */
export function firstMatch(text: string, terms: string[]): number {
  const normalized = normalizeWithOffsets(text);
  const hay = normalized.text;
  let best = -1;
  for (const term of terms) {
    for (let at = hay.indexOf(term); at >= 0 && (best < 0 || at < best); at = hay.indexOf(term, at + 1)) {
      if (term.length < MIN_INFIX && isWordChar(hay[at - 1])) continue;
      best = at;
      break;
    }
  }
  return best < 0 ? -1 : originalOffset(normalized, best);
}

/** At most ~SNIPPET_LENGTH characters around the first match, "…" where text was cut. */
export function snippetAround(text: string, terms: string[], length = SNIPPET_LENGTH): HighlightedText {
  // Blocks and list items are lines: keep them apart in the one-line excerpt.
  const flat = text.replace(/\s*\n\s*/g, BLOCK_SEPARATOR).replace(/\s/g, ' ');
  if (flat.length <= length) return { text: flat, highlights: matchRanges(flat, terms) };
  const first = Math.max(0, firstMatch(flat, terms));
  let start = Math.max(0, Math.min(first - CONTEXT_BEFORE, flat.length - length));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1; // begin on a whole word
  }
  let end = Math.min(flat.length, start + length);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > first) end = space; // end on a whole word, after the first match
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  // Only the excerpt is searched for highlights: a long section costs no more than a short one.
  const highlights = matchRanges(flat.slice(start, end), terms).map(([a, b]): [number, number] => [
    a + prefix.length,
    b + prefix.length,
  ]);
  return { text: prefix + flat.slice(start, end) + suffix, highlights };
}
