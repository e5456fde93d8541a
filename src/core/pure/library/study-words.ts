// What the search index keeps of one study read in full: its summary, its sections as plain
// text and its words with their field bits. Declared once for the index's own upsert and for
// the worker threads that read a large workspace's studies (node/study-intake-worker.ts), so a
// study indexed either way is indexed alike.
import { docToPlainText } from '../schemas/rich-text';
import { sectionKeys, toSummary, type Study, type StudySummary } from '../schemas/study';
import { FIELD_BITS } from './postings';
import { normalizeForSearch, splitWords } from './search-text';
import type { SectionTexts } from './search-index-types';

/** A study's words, each with the bits of the fields it appears in (title, summary, body). */
export function fieldBitsOf(title: string, summary: string, sections: SectionTexts): Map<string, number> {
  const bits = new Map<string, number>();
  const addWords = (text: string, bit: number): void => {
    // Each word as it comes, repeats included: a set of the distinct words first cost more.
    for (const word of splitWords(normalizeForSearch(text))) {
      if (word === '') continue;
      const had = bits.get(word) ?? 0;
      // Stryker disable next-line ConditionalExpression: setting bits a word already has changes nothing
      if ((had & bit) === 0) bits.set(word, had | bit);
    }
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
export interface StudyWords {
  summary: StudySummary;
  sections: SectionTexts;
  /** The words, separated by spaces (no word holds one): one string crosses threads far faster than hundreds. */
  words: string;
  /** Each word's field bits, in the same order. */
  bits: Uint8Array;
}

export function studyWordsOf(study: Study): StudyWords {
  const sections = sectionTextsOf(study);
  const bits = fieldBitsOf(study.title, study.summary, sections);
  return {
    summary: toSummary(study),
    sections,
    words: [...bits.keys()].join(' '),
    bits: Uint8Array.from(bits.values()),
  };
}

/** The words of a StudyWords with their bits, as the index takes them. */
export function wordBitsOf(read: Pick<StudyWords, 'words' | 'bits'>): Map<string, number> {
  const bits = new Map<string, number>();
  if (read.words === '') return bits;
  read.words.split(' ').forEach((word, i) => bits.set(word, read.bits[i]!));
  return bits;
}
