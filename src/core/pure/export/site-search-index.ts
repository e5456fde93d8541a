// The site's search index, built at export and written as a classic script
// (assets/search-index.js) so the search works from file://: no fetch, no modules, no workers.
// It holds MiniSearch's serialized index (MiniSearch.loadJS reads it back in the browser) and,
// by position, the little each result shows: path, title, summary, tags, categories and the
// start of each section, from which the browser cuts snippets.
import MiniSearch from 'minisearch';
import { sectionKeys, sectionLabels } from '../schemas/study';
import { SEARCH_WORD_SPLIT, type SearchDoc } from './site-search-doc';

/** Bump when the shape of CASEBOOK_SEARCH changes (site-script-search.ts reads it). */
export const SEARCH_INDEX_VERSION = 1;

/** The indexed fields, as the browser must name them when it loads the index. */
export const SEARCH_FIELDS = ['title', 'summary', 'tags', 'categories', 'body'] as const;

/** The index's data: what `window.CASEBOOK_SEARCH` is set to. */
export function searchIndexData(docs: SearchDoc[]): Record<string, unknown> {
  const mini = new MiniSearch<{ id: number } & Record<(typeof SEARCH_FIELDS)[number], string>>({
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    tokenize: (text) => text.split(SEARCH_WORD_SPLIT),
  });
  mini.addAll(
    docs.map((d, id) => ({
      id,
      title: d.title,
      summary: d.summary,
      tags: d.tags.join(' '),
      categories: d.categories.join(' '),
      body: d.words,
    })),
  );
  return {
    version: SEARCH_INDEX_VERSION,
    fields: SEARCH_FIELDS,
    split: SEARCH_WORD_SPLIT.source,
    sections: sectionKeys.map((k) => sectionLabels[k]),
    docs: docs.map((d) => [d.path, d.title, d.summary, d.tags, d.categories, d.excerpts]),
    index: mini.toJSON(),
  };
}

/**
 * assets/search-index.js. JSON is valid JavaScript (U+2028/2029 included since ES2019) and
 * the file is never inlined in a page, so no text in it can end a script element.
 */
export function searchIndexScript(docs: SearchDoc[]): string {
  return `/* Casebook search index (generated at export) */\nwindow.CASEBOOK_SEARCH = ${JSON.stringify(searchIndexData(docs))};\n`;
}
