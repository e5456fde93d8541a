// The titles and summaries of a large workspace just opened, indexed in bulk: each study's
// words numbered into one table, then inverted by restoreInBulk (typed arrays, a few passes).
// Upserting 10,000 summaries one by one costs several times more (a Map of words per study,
// a sorted insert per word), and every search with words waits for this intake to finish.
import { sectionKeys, type StudySummary } from '../schemas/study';
import { FIELD_BITS } from './postings';
import { restoreInBulk, type Pause, type RestoredStudy } from './search-index-restore';
import type { SearchIndex, SectionTexts } from './search-index';
import { normalizeForSearch, wordsOf } from './search-text';

const NO_TEXTS = Object.freeze(Object.fromEntries(sectionKeys.map((key) => [key, '']))) as SectionTexts;
const noTexts = (): SectionTexts => NO_TEXTS;

/** Grows a typed array to hold at least `length` items. */
function grown<T extends Uint32Array | Uint8Array>(array: T, length: number, make: (n: number) => T): T {
  if (length <= array.length) return array;
  const bigger = make(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * An index of `summaries` by title and summary (no study's sections indexed), as upserting
 * each would make it; null when two summaries share an id (the caller upserts them instead).
 */
export async function indexTitlesInBulk(summaries: readonly StudySummary[], pause: Pause): Promise<SearchIndex | null> {
  const table: string[] = [];
  const wordIds = new Map<string, number>();
  /** Per word: its pair in the study being numbered, to join a word's title and summary bits. */
  const pairOf: number[] = [];
  let wordOf = new Uint32Array(summaries.length * 24);
  let bitsOf = new Uint8Array(wordOf.length);
  let pairs = 0;
  const studies: RestoredStudy[] = [];
  for (const summary of summaries) {
    const from = pairs;
    for (const [text, bit] of [
      [summary.title, FIELD_BITS.title],
      [summary.summary, FIELD_BITS.summary],
    ] as const) {
      for (const word of wordsOf(normalizeForSearch(text))) {
        let w = wordIds.get(word);
        if (w === undefined) {
          w = table.push(word) - 1;
          wordIds.set(word, w);
        }
        const at = pairOf[w];
        if (at !== undefined && at >= from) {
          bitsOf[at]! |= bit;
          continue;
        }
        wordOf = grown(wordOf, pairs + 1, (n) => new Uint32Array(n));
        bitsOf = grown(bitsOf, pairs + 1, (n) => new Uint8Array(n));
        pairOf[w] = pairs;
        wordOf[pairs] = w;
        bitsOf[pairs++] = bit;
      }
    }
    studies.push({ summary, from, n: pairs - from, sections: noTexts });
    const turn = pause();
    if (turn) await turn;
  }
  return restoreInBulk({ table, wordOf, bitsOf }, studies, pause, false);
}
