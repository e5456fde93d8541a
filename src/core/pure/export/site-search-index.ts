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

/** Each distinct word of the site with, flat, [doc, field bits, doc, field bits, …] in doc order. */
function postingsOf(docs: SearchDoc[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  docs.forEach((d, id) => {
    const bits = new Map<string, number>();
    const add = (text: string, bit: number) => {
      for (const word of distinctWords(text, new Set(), Infinity)) bits.set(word, (bits.get(word) ?? 0) | bit);
    };
    add(d.title, 1);
    add(d.summary, 2);
    add(d.tags.join(' '), 4);
    add(d.categories.join(' '), 8);
    // Already distinct and lower-case (site-search-doc.ts).
    for (const word of d.words.split(' ')) if (word) bits.set(word, (bits.get(word) ?? 0) | 16);
    for (const [word, b] of bits) {
      const list = postings.get(word);
      if (list) list.push(id, b);
      else postings.set(word, [id, b]);
    }
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
  // Code-unit order, as the browser's binary search compares.
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    version: SEARCH_INDEX_VERSION,
    split: SEARCH_WORD_SPLIT.source,
    sections: sectionKeys.map((k) => sectionLabels[k]),
    docs: docs.map((d) => [d.path, d.title, d.summary, d.tags, d.categories, d.excerpts]),
    terms: terms.join(' '),
    postings: terms.map((t) => encode(postings.get(t)!)).join(' '),
  };
}

/**
 * assets/search-index.js. JSON is valid JavaScript (U+2028/2029 included since ES2019) and
 * the file is never inlined in a page, so no text in it can end a script element.
 */
export function searchIndexScript(docs: SearchDoc[]): string {
  return `/* Casebook search index (generated at export) */\nwindow.CASEBOOK_SEARCH = ${JSON.stringify(searchIndexData(docs))};\n`;
}
