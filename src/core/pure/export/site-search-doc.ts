// What the site's search knows of one study, cut to size so the whole index of 1,000 long
// studies stays near 1 MB gzipped. Two parts: what its sections give (every distinct word,
// for finding; the start of each section's text, for snippets) — derived from the sections
// alone, so an incremental export keeps it in the snapshot for studies it does not read — and
// what its fields give (title, summary, tags, categories, path). The browser script
// (site-script-search.ts) cuts snippets from exactly these strings.
import { z } from 'zod';
import { docToPlainText } from '../schemas/rich-text';
import { sectionKeys, type SectionKey, type Study } from '../schemas/study';
import type { SiteStudy } from './site-model';
import { UNTITLED_STUDY, visible } from './site-layout';

/**
 * What separates words, at export and in the browser alike (the index ships its source):
 * white space, ASCII punctuation and the common punctuation blocks. Not a \p{P} (Unicode
 * property) split: that costs twice as much at 1,000 studies.
 */
export const SEARCH_WORD_SPLIT = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\ufe30-\ufe4f\uff00-\uff0f]+/;

export const SEARCH_LIMITS = {
  /** Distinct words of a study's sections that are indexed (a long study has ~600). */
  words: 3000,
  /** A longer "word" (a hash, a URL) is not one a reader types. */
  wordLength: 40,
  /** Characters of each section kept for snippets; a match further in is named, not quoted. */
  excerpt: 320,
  /** Characters of a title or summary kept (snippets and result titles). */
  field: 400,
  tags: 30,
} as const;

export const sectionSearchSchema = z.object({
  /** Distinct lower-cased words of the four sections, space-separated, at most SEARCH_LIMITS.words. */
  words: z.string().max(SEARCH_LIMITS.words * (SEARCH_LIMITS.wordLength + 1)),
  /** The start of each section's plain text, in section order ('' for an empty section). */
  excerpts: z.array(z.string().max(SEARCH_LIMITS.excerpt + 1)).length(sectionKeys.length),
});
export type SectionSearch = z.infer<typeof sectionSearchSchema>;

/** Text on one line, runs of white space as one space. */
const oneLine = (text: string) => visible(text.replace(/\s+/g, ' '));

/** `text` cut to at most `max` characters at a word boundary, with "…" when cut. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Distinct searchable words of `text`, lower-cased, in order of first appearance. */
export function distinctWords(
  text: string,
  into = new Set<string>(),
  limit: number = SEARCH_LIMITS.words,
): Set<string> {
  for (const word of text.toLowerCase().split(SEARCH_WORD_SPLIT)) {
    if (into.size >= limit) break;
    if (word && word.length <= SEARCH_LIMITS.wordLength) into.add(word);
  }
  return into;
}

/** What a study's sections give the search: a pure function of the sections. */
export function sectionSearch(study: Pick<Study, SectionKey>): SectionSearch {
  const texts = sectionKeys.map((key) => oneLine(docToPlainText(study[key])));
  // Each section's words in turn, so a long Problem cannot crowd Lessons out of the limit.
  const lists = texts.map((text) => [...distinctWords(text, new Set(), Infinity)]);
  const longest = Math.max(...lists.map((list) => list.length));
  const words = new Set<string>();
  for (let i = 0; i < longest && words.size < SEARCH_LIMITS.words; i++) {
    for (const list of lists) if (i < list.length && words.size < SEARCH_LIMITS.words) words.add(list[i]!);
  }
  return { words: [...words].join(' '), excerpts: texts.map((t) => cutAt(t, SEARCH_LIMITS.excerpt)) };
}

/** One study as the index holds it (the `docs` of search-index.js, by position). */
export interface SearchDoc {
  path: string;
  title: string;
  summary: string;
  tags: string[];
  categories: string[];
  words: string;
  excerpts: string[];
}

export function searchDoc(s: SiteStudy, sections: SectionSearch): SearchDoc {
  return {
    path: s.path,
    title: cutAt(oneLine(s.study.title), SEARCH_LIMITS.field) || UNTITLED_STUDY,
    summary: cutAt(oneLine(s.study.summary), SEARCH_LIMITS.field),
    tags: s.study.tags.slice(0, SEARCH_LIMITS.tags).map((t) => cutAt(oneLine(t), 60)),
    categories: s.categories.map((c) => c.name),
    words: sections.words,
    excerpts: sections.excerpts,
  };
}
