// Builds a search index in bulk from a persisted one (search-index-file.ts): each study's words
// as numbers into one word table, grouped by study. Inverting that into per-word postings with
// typed arrays (count, allocate, fill) costs a few passes over the pairs, where upserting study
// by study hashes every word of every study again (seconds at 10,000 studies). The work is cut
// into slices by `pause` so searches keep being answered while it runs.
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
  const { table, wordOf, bitsOf } = persisted;
  const counts = new Int32Array(table.length);
  for (const study of studies) {
    if (!study) continue;
    for (let k = study.from; k < study.from + study.n; k++) {
      const w = wordOf[k]!;
      if (w < table.length) counts[w]!++;
    }
    await pause();
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
  const allWords = new Int32Array(total);
  const allBits = new Uint8Array(total);
  let at = 0;
  for (let doc = 0; doc < studies.length; doc++) {
    const study = studies[doc];
    if (!study) {
      freeDocs.push(doc);
      continue;
    }
    if (docOf.has(study.summary.id)) return null;
    let kept = 0;
    for (let k = study.from; k < study.from + study.n; k++) {
      const w = wordOf[k]!;
      if (w >= table.length) continue; // out of the table
      const last = filled[w]! - 1;
      const bits = bitsOf[k]!;
      // Studies are filled in order, so each word's postings stay sorted; a word listed twice
      // for one study joins its bits rather than posting the study twice.
      if (last >= offsets[w]! && postingDocs[last] === doc) {
        postingFields[last]! |= bits;
        allBits[allWords.subarray(at, at + kept).indexOf(w) + at]! |= bits;
      } else {
        postingDocs[last + 1] = doc;
        postingFields[last + 1] = bits;
        filled[w]!++;
        allWords[at + kept] = w;
        allBits[at + kept++] = bits;
      }
    }
    const summary = { ...study.summary };
    docs[doc] = {
      id: summary.id,
      summary,
      sections: study.sections,
      words: allWords.subarray(at, at + kept),
      bits: allBits.subarray(at, at + kept),
      hasBody: bodies,
    };
    docOf.set(summary.id, doc);
    facets.set(doc, summary);
    at += kept;
    await pause();
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
