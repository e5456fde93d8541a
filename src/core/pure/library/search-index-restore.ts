// Builds a search index in bulk from a persisted one (search-index-file.ts): each study's words
// as numbers into one word table, grouped by study. Inverting that into per-word postings with
// typed arrays (count, allocate, fill) costs a few passes over the pairs, where upserting study
// by study hashes every word of every study again (seconds at 10,000 studies). A sound study's
// own words stay the persisted pairs (views, not copies), and the fill touches one place per
// pair where it can: at 50,000 studies memory, not arithmetic, is what the build waits on. The
// work is cut into slices by `pause` so searches keep being answered while it runs.
import type { StudySummary } from '../schemas/study';
import { FacetTable } from './facet-table';
import { Postings } from './postings';
import { SearchIndex, type IndexedStudy, type SectionTexts } from './search-index';

export interface PersistedPostings {
  table: readonly string[];
  /** Per (study, word) pair, grouped by study in file order: the word's place in `table`. */
  wordOf: Uint32Array;
  /** Per pair: the word's field bits in that study. */
  bitsOf: Uint8Array;
}

/** A study taken from the file: its summary now, its pairs `from`…`from + n`, how to read its texts. */
export interface RestoredStudy {
  summary: StudySummary;
  from: number;
  n: number;
  sections: () => SectionTexts;
}

/** Resolves when the caller should yield (its slice is over); undefined to go on. */
export type Pause = () => Promise<void> | undefined;

const WORDS_PER_CHECK = 1024;

/**
 * An index of the studies given, numbered as in the file (`studies[i]` is file study i; null:
 * not taken). Null when the persisted words are inconsistent (a word twice in the table, an id
 * twice): the caller indexes from the study files instead. Pairs naming no word are skipped.
 * `bodies`: whether the words include the sections (false: titles and summaries only).
 */
export async function restoreInBulk(
  persisted: PersistedPostings,
  studies: readonly (RestoredStudy | null)[],
  pause: Pause,
  bodies = true,
): Promise<SearchIndex | null> {
  const { table, wordOf } = persisted;
  const counts = new Int32Array(table.length);
  for (const study of studies) {
    if (!study) continue;
    for (let k = study.from; k < study.from + study.n; k++) {
      const w = wordOf[k]!;
      if (w < table.length) counts[w]!++;
    }
    const turn = pause();
    if (turn) await turn;
  }
  const wordIds = new Map<string, number>();
  // Stryker disable next-line ArrayDeclaration: sized ahead only; every slot is written below
  const wordText: (string | undefined)[] = new Array(table.length);
  const freeWords: number[] = [];
  // Every word's postings in two shared arrays, a view per word (and every study's words the
  // same way): tens of thousands of small typed arrays cost more to allocate than the pairs.
  const offsets = new Int32Array(table.length);
  let total = 0;
  for (let w = 0; w < table.length; w++) {
    offsets[w] = total;
    total += counts[w]!;
    if (counts[w] === 0) {
      freeWords.push(w);
    } else {
      const word = table[w]!;
      if (wordIds.has(word)) return null;
      wordIds.set(word, w);
      wordText[w] = word;
    }
    // Stryker disable next-line all: how often it yields changes when searches are answered, not the index
    if (w % WORDS_PER_CHECK === 0) await pause();
  }
  const postingDocs = new Int32Array(total);
  const postingFields = new Uint8Array(total);
  /** Per word: the next free place in the shared arrays. */
  const filled = offsets.slice();
  // Stryker disable next-line ArrayDeclaration: sized ahead only; a slot not taken is in freeDocs either way
  const docs: (IndexedStudy | undefined)[] = new Array(studies.length);
  const docOf = new Map<string, number>();
  // Each study's filter values, taken with its words (in the slices, not in one block after).
  const facets = new FacetTable();
  const freeDocs: number[] = [];
  const posted = { lastDoc: new Int32Array(table.length).fill(-1), filled, postingDocs, postingFields };
  for (let doc = 0; doc < studies.length; doc++) {
    const study = studies[doc];
    if (!study) {
      freeDocs.push(doc);
      continue;
    }
    if (docOf.has(study.summary.id)) return null;
    const end = study.from + study.n;
    const clean = postPairs(persisted, study.from, end, doc, posted);
    const summary = { ...study.summary };
    docs[doc] = {
      id: summary.id,
      summary,
      sections: study.sections,
      // A sound study's words are the file's own pairs (a view: no copy of millions of pairs).
      ...(clean ? viewOf(persisted, study.from, end) : mergedWords(persisted, study.from, end)),
      hasBody: bodies,
    };
    docOf.set(summary.id, doc);
    facets.set(doc, summary);
    const turn = pause();
    if (turn) await turn;
  }
  // Stryker disable next-line ArrayDeclaration: sized ahead only; every slot of a word in use is written below
  const postings: (Postings | undefined)[] = new Array(table.length);
  for (let w = 0; w < table.length; w++) {
    if (counts[w] === 0) continue;
    const from = offsets[w]!;
    const end = from + counts[w]!;
    postings[w] = new Postings(postingDocs.subarray(from, end), postingFields.subarray(from, end), filled[w]! - from);
  }
  return SearchIndex.fromParts({ docs, docOf, freeDocs, wordIds, wordText, postings, freeWords, facets });
}

interface Posted {
  /** Per word: the study it was last posted to (-1: none yet). */
  lastDoc: Int32Array;
  /** Per word: the next free place in the shared arrays. */
  filled: Int32Array;
  postingDocs: Int32Array;
  postingFields: Uint8Array;
}

/**
 * Posts study `doc`'s pairs `from`…`end` to their words. False when they name a word outside
 * the table or one word twice (then its words are merged: `mergedWords`).
 */
function postPairs(persisted: PersistedPostings, from: number, end: number, doc: number, out: Posted): boolean {
  const { wordOf, bitsOf, table } = persisted;
  const { lastDoc, filled, postingDocs, postingFields } = out;
  let clean = true;
  for (let k = from; k < end; k++) {
    const w = wordOf[k]!;
    if (w >= table.length) {
      clean = false; // out of the table
      continue;
    }
    // Studies are filled in order, so each word's postings stay sorted; a word listed twice
    // for one study joins its bits rather than posting the study twice. (Which study a word
    // last went to is kept by word: reading it back from the postings missed the cache per pair.)
    if (lastDoc[w] === doc) {
      postingFields[filled[w]! - 1]! |= bitsOf[k]!;
      clean = false;
    } else {
      lastDoc[w] = doc;
      postingDocs[filled[w]!] = doc;
      postingFields[filled[w]!++] = bitsOf[k]!;
    }
  }
  return clean;
}

/** The pairs `from`…`end` as a study's words, viewed where they lie. */
function viewOf(persisted: PersistedPostings, from: number, end: number): { words: Int32Array; bits: Uint8Array } {
  const { wordOf, bitsOf } = persisted;
  return {
    words: new Int32Array(wordOf.buffer, wordOf.byteOffset + from * 4, end - from),
    bits: bitsOf.subarray(from, end),
  };
}

/** The pairs `from`…`end` as a study's words, each word once with its bits joined, none outside the table. */
function mergedWords(persisted: PersistedPostings, from: number, end: number): { words: Int32Array; bits: Uint8Array } {
  const { wordOf, bitsOf, table } = persisted;
  const merged = new Map<number, number>();
  for (let k = from; k < end; k++) {
    const w = wordOf[k]!;
    if (w < table.length) merged.set(w, (merged.get(w) ?? 0) | bitsOf[k]!);
  }
  return { words: Int32Array.from(merged.keys()), bits: Uint8Array.from(merged.values()) };
}
