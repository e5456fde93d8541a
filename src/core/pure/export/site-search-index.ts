// The site's search index, built at export and written as a classic script
// (assets/search-index.js, setting window.CASEBOOK_SEARCH) so the search works from file://:
// no fetch, no modules, no workers. Compact by design, because the browser must read it
// before the first query: every distinct word of the site once, sorted (prefix search is a
// binary search, typo search a scan of the words alone), and for each word the studies that
// hold it and in which fields, as one short string that is decoded only when that word
// matches. By position, the little each result shows: path, title, summary, tags,
// categories and the start of each section, from which the browser cuts snippets.
//
// A posting is the study's distance from the previous one in base 36 (lower-case digits),
// then one character outside that alphabet naming its fields (FIELD_CHARS, by bit); a word's
// postings are separated from the next word's by a space.
import { sectionKeys, sectionLabels } from '../schemas/study';
import { distinctWords, SEARCH_WORD_SPLIT, type SearchDoc } from './site-search-doc';

/** Bump when the shape of CASEBOOK_SEARCH changes (site-script-search.ts reads it). */
export const SEARCH_INDEX_VERSION = 2;

/** Fields by bit; their weight in ranking is in site-script-search.ts. */
export const SEARCH_FIELDS = ['title', 'summary', 'tags', 'categories', 'body'] as const;
/** The character after a posting's number, by its field bits (1…31); none of them is a base-36 digit. */
export const FIELD_CHARS = '_ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*';

// Words as numbers, so gathering 1,000 studies' postings indexes arrays instead of hashing
// half a million strings, and each study's section words are looked up once (by their
// string, which V8 hashes once). Never in the output: only the words are. Bounded: both are
// dropped together, before an export, when either has grown past its limit.
const MAX_REMEMBERED_WORD_LISTS = 5000;
const MAX_WORD_IDS = 2_000_000;
let wordIds = new Map<string, number>();
let wordsById: string[] = [];
let sectionWordIds = new Map<string, Int32Array>();

function idOf(word: string): number {
  let id = wordIds.get(word);
  if (id === undefined) {
    id = wordsById.length;
    wordIds.set(word, id);
    wordsById.push(word);
  }
  return id;
}

function idsOfSectionWords(words: string): Int32Array {
  let ids = sectionWordIds.get(words);
  if (!ids) {
    // Already distinct and lower-case (site-search-doc.ts).
    ids = Int32Array.from(words ? words.split(' ') : [], idOf);
    sectionWordIds.set(words, ids);
  }
  return ids;
}

/** By word id: flat [doc, field bits, doc, field bits, …] in doc order. */
function postingsOf(docs: SearchDoc[]): number[][] {
  // Between exports only: within one, every id must mean the same word.
  if (sectionWordIds.size >= MAX_REMEMBERED_WORD_LISTS || wordsById.length >= MAX_WORD_IDS) {
    wordIds = new Map();
    wordsById = [];
    sectionWordIds = new Map();
  }
  const postings: number[][] = [];
  const add = (wordId: number, doc: number, bits: number) => {
    const list = postings[wordId];
    if (list) list.push(doc, bits);
    else postings[wordId] = [doc, bits];
  };
  docs.forEach((d, doc) => {
    const body = idsOfSectionWords(d.words);
    const small = new Map<number, number>();
    const fields: Array<[string, number]> = [
      [d.title, 1],
      [d.summary, 2],
      [d.tags.join(' '), 4],
      [d.categories.join(' '), 8],
    ];
    for (const [text, bit] of fields) {
      for (const word of distinctWords(text, new Set(), Infinity)) {
        const id = idOf(word);
        small.set(id, (small.get(id) ?? 0) | bit);
      }
    }
    for (const id of body) {
      add(id, doc, 16 | (small.get(id) ?? 0));
      small.delete(id);
    }
    for (const [id, bits] of small) add(id, doc, bits);
  });
  return postings;
}

function encode(list: number[]): string {
  let out = '';
  let previous = 0;
  for (let i = 0; i < list.length; i += 2) {
    out += (list[i]! - previous).toString(36) + FIELD_CHARS[list[i + 1]!]!;
    previous = list[i]!;
  }
  return out;
}

/** The index's data: what `window.CASEBOOK_SEARCH` is set to. */
export function searchIndexData(docs: SearchDoc[]): Record<string, unknown> {
  const postings = postingsOf(docs);
  const used: number[] = [];
  postings.forEach((_, id) => used.push(id));
  // Code-unit order, as the browser's binary search compares.
  const ids = used.sort((a, b) => (wordsById[a]! < wordsById[b]! ? -1 : wordsById[a]! > wordsById[b]! ? 1 : 0));
  return {
    version: SEARCH_INDEX_VERSION,
    split: SEARCH_WORD_SPLIT.source,
    sections: sectionKeys.map((k) => sectionLabels[k]),
    docs: docs.map((d) => [d.path, d.title, d.summary, d.tags, d.categories, d.excerpts]),
    terms: ids.map((id) => wordsById[id]).join(' '),
    postings: ids.map((id) => encode(postings[id]!)).join(' '),
  };
}

/**
 * assets/search-index.js. JSON is valid JavaScript (U+2028/2029 included since ES2019) and
 * the file is never inlined in a page, so no text in it can end a script element.
 */
export function searchIndexScript(docs: SearchDoc[]): string {
  return `/* Casebook search index (generated at export) */\nwindow.CASEBOOK_SEARCH = ${JSON.stringify(searchIndexData(docs))};\n`;
}
