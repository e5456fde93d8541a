// What the search index keeps of one study read in full: its summary, its sections as plain
// text and its words with their field bits. Declared once for the index's own upsert and for
// the worker threads that read a large workspace's studies (node/study-intake-worker.ts), so a
// study indexed either way is indexed alike.
import { docToPlainText } from '../schemas/rich-text';
import { sectionKeys, toSummary, type Study, type StudySummary } from '../schemas/study';
import { FIELD_BITS } from './postings';
import { normalizeForSearch, wordsOf } from './search-text';
import type { IndexedWords, SectionTexts } from './search-index-types';

/** A study's words, each with the bits of the fields it appears in (title, summary, body). */
export function fieldBitsOf(title: string, summary: string, sections: SectionTexts): Map<string, number> {
  const bits = new Map<string, number>();
  const addWords = (text: string, bit: number): void => {
    for (const word of wordsOf(normalizeForSearch(text))) bits.set(word, (bits.get(word) ?? 0) | bit);
  };
  addWords(title, FIELD_BITS.title);
  addWords(summary, FIELD_BITS.summary);
  for (const key of sectionKeys) addWords(sections[key], FIELD_BITS.body);
  return bits;
}

/** The sections' plain text; empty for a summary (its sections are not read yet). */
export function sectionTextsOf(study: Study | StudySummary): SectionTexts {
  const hasBody = 'problem' in study;
  return Object.fromEntries(sectionKeys.map((key) => [key, hasBody ? docToPlainText(study[key]) : ''])) as SectionTexts;
}

/** A study read in full as the index takes it (plain data: it crosses from a worker thread). */
export interface StudyWords extends IndexedWords {
  summary: StudySummary;
  sections: SectionTexts;
}

export function studyWordsOf(study: Study): StudyWords {
  const sections = sectionTextsOf(study);
  const bits = fieldBitsOf(study.title, study.summary, sections);
  return { summary: toSummary(study), sections, words: [...bits.keys()], bits: Uint8Array.from(bits.values()) };
}
