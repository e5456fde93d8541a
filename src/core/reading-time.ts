// Reading time of a case study, shown as "N min read" on the site: words in the four
// sections at ~230 words a minute, never less than one minute.
import { docToPlainText } from './schemas/rich-text';
import { sectionKeys, type Study } from './schemas/study';

export const WORDS_PER_MINUTE = 230;

/** Whitespace-separated runs that hold at least one letter or digit (so "—" is not a word). */
export function countWords(text: string): number {
  let count = 0;
  for (const run of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(run)) count++;
  return count;
}

export function readingMinutes(study: Pick<Study, (typeof sectionKeys)[number]>): number {
  const words = sectionKeys.reduce((sum, key) => sum + countWords(docToPlainText(study[key])), 0);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
