// Full-text search over the library: an in-memory word index of every study's title,
// summary and four sections, updated one study at a time as studies are saved or deleted.
// A query matches studies holding every query word (as a whole word, a word prefix, or —
// for words of 3+ letters — inside a word). Ranking: the field (title > summary > body),
// then the kind of match (exact word > prefix > inside a word), then the latest edit.
import { toSummary, type Study, type StudySummary } from '../schemas/study';
import { newestEditOrder } from '../study-order';
import { Postings } from './postings';
import { queryParts } from './search-text';
import { fieldBitsOf, sectionTextsOf, wordBitsOf, type StudyWords } from './study-words';
import { describeMatch, holdingPhrases, KINDS, termScores } from './search-index-match';
import {
  textsOf,
  type IndexedStudy,
  type IndexedWords,
  type IndexParts,
  type SearchField,
  type SearchMatch,
  type SearchOptions,
  type SearchResult,
  type SectionTexts,
} from './search-index-types';

export type * from './search-index-types';

// Field ranks 0..2 (body, summary, title); a title match of any kind outranks a summary match.
// Recency ranks fit below this; a score is packed above it in one float64 sort key.
const RANK_SPAN = 2 ** 24;
const RANK_FIELD: SearchField[] = ['body', 'summary', 'title'];

export class SearchIndex {
  private docs: (IndexedStudy | undefined)[] = [];
  private docOf = new Map<string, number>();
  private freeDocs: number[] = [];
  private wordIds = new Map<string, number>();
  private wordText: (string | undefined)[] = [];
  private postings: (Postings | undefined)[] = [];
  private freeWords: number[] = [];
  private recencyOrder: Int32Array | null = null;
  private recencyRank: Int32Array | null = null;
  private withBody = 0;

  static fromStudies(studies: Iterable<Study | StudySummary>): SearchIndex {
    const index = new SearchIndex();
    for (const study of studies) index.upsert(study);
    return index;
  }

  static fromParts(parts: IndexParts): SearchIndex {
    const index = new SearchIndex();
    index.docs = parts.docs;
    index.docOf = parts.docOf;
    index.freeDocs = parts.freeDocs;
    index.wordIds = parts.wordIds;
    index.wordText = parts.wordText;
    index.postings = parts.postings;
    index.freeWords = parts.freeWords;
    index.withBody = parts.docs.reduce((sum, doc) => sum + (doc?.hasBody ? 1 : 0), 0);
    return index;
  }

  /** Takes `id` as `from` holds it (its words and texts, or its absence), replacing what this index knew. */
  adopt(from: SearchIndex, id: string): void {
    const entry = from.entryOf(id);
    if (!entry) return this.remove(id);
    const bits = new Map<string, number>();
    entry.words.forEach((wordId, i) => bits.set(from.wordText[wordId]!, entry.bits[i]!));
    this.place({ ...entry.summary }, entry.hasBody, entry.sections, bits);
  }

  get size(): number {
    return this.docOf.size;
  }

  /** How many studies have their sections indexed (the rest by title and summary only). */
  get bodiesIndexed(): number {
    return this.withBody;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  summary(id: string): StudySummary | undefined {
    const doc = this.docOf.get(id);
    return doc === undefined ? undefined : this.docs[doc]!.summary;
  }

  summaries(): StudySummary[] {
    return [...this.docOf.values()].map((doc) => this.docs[doc]!.summary);
  }

  /** True when the study's sections are indexed, not just its title and summary. */
  hasBody(id: string): boolean {
    const doc = this.docOf.get(id);
    return doc !== undefined && this.docs[doc]!.hasBody;
  }

  /**
   * Adds a study or replaces what the index knew of it (call after every save). Given only a
   * summary, indexes the title and summary: a large workspace is searchable by title at once,
   * while the full studies are read in the background and upserted as they arrive.
   */
  upsert(study: Study | StudySummary): void {
    const hasBody = 'problem' in study;
    const sections = sectionTextsOf(study);
    const bits = fieldBitsOf(study.title, study.summary, sections);
    this.place(hasBody ? toSummary(study) : { ...study }, hasBody, sections, bits);
  }

  /** Indexes a study read in full elsewhere (a worker thread): as upsert() would have. */
  put(read: StudyWords): void {
    this.place({ ...read.summary }, true, read.sections, wordBitsOf(read));
  }

  /**
   * Indexes a study in full from words indexed before (a persisted index): no text is read or
   * split again, and the sections are read only when a snippet or a phrase needs them.
   */
  restore(summary: StudySummary, indexed: IndexedWords, sections: () => SectionTexts): void {
    const bits = new Map<string, number>();
    indexed.words.forEach((word, i) => bits.set(word, indexed.bits[i]!));
    this.place({ ...summary }, true, sections, bits);
  }

  /** A study indexed in full: its words and texts (to persist the index); undefined otherwise. */
  indexedBody(id: string): (IndexedWords & { sections: SectionTexts; version: object }) | undefined {
    const entry = this.entryOf(id);
    if (!entry?.hasBody) return undefined;
    const words = Array.from(entry.words, (w) => this.wordText[w]!);
    return { words, bits: entry.bits, sections: textsOf(entry), version: entry };
  }

  /** The texts of `version` (from indexedBody) are now kept elsewhere: memory holds how to read them. */
  keepTextsIn(id: string, version: object, read: () => SectionTexts): void {
    const entry = this.entryOf(id);
    if (entry === version) entry.sections = read; // unchanged since: the texts read are its own
  }

  private entryOf(id: string): IndexedStudy | undefined {
    const doc = this.docOf.get(id);
    return doc === undefined ? undefined : this.docs[doc];
  }

  private place(
    summary: StudySummary,
    hasBody: boolean,
    sections: IndexedStudy['sections'],
    bits: Map<string, number>,
  ): void {
    const previous = this.docOf.get(summary.id);
    const doc = previous ?? this.freeDocs.pop() ?? this.docs.length;
    if (previous !== undefined) {
      // A save changes a few words of a study: leave the rest of its postings where they
      // are (moving a common word's postings costs in proportion to the whole workspace).
      const old = this.docs[doc]!;
      for (const wordId of old.words) {
        if (bits.has(this.wordText[wordId]!)) continue;
        const postings = this.postings[wordId]!;
        postings.remove(doc);
        if (postings.length === 0) this.dropWord(wordId);
      }
      if (old.hasBody) this.withBody--;
    }
    const words = new Int32Array(bits.size);
    const fieldBits = new Uint8Array(bits.size);
    let i = 0;
    for (const [word, wordBits] of bits) {
      const wordId = this.wordId(word);
      this.postings[wordId]!.set(doc, wordBits);
      fieldBits[i] = wordBits;
      words[i++] = wordId;
    }
    this.docs[doc] = { id: summary.id, summary, sections, words, bits: fieldBits, hasBody };
    if (hasBody) this.withBody++;
    this.docOf.set(summary.id, doc);
    this.recencyOrder = this.recencyRank = null;
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    for (const wordId of this.docs[doc]!.words) {
      const postings = this.postings[wordId]!;
      postings.remove(doc);
      if (postings.length === 0) this.dropWord(wordId);
    }
    if (this.docs[doc]!.hasBody) this.withBody--;
    this.docs[doc] = undefined;
    this.docOf.delete(id);
    this.freeDocs.push(doc);
    this.recencyOrder = this.recencyRank = null;
  }

  /** Every study matching the query, best first. An empty query matches nothing. */
  match(query: string): SearchMatch[] {
    const { words: terms, phrases, marks } = queryParts(query);
    if (terms.length === 0) return [];
    let candidates: number[] | null = null;
    const total = new Int32Array(this.docs.length);
    const bestField = new Int8Array(this.docs.length);
    for (const term of terms) {
      const scores = termScores(term, this.docs.length, this.wordIds, this.postings);
      const next: number[] = [];
      if (candidates === null) {
        for (let doc = 0; doc < scores.length; doc++) if (scores[doc]! > 0) next.push(doc);
      } else {
        for (const doc of candidates) if (scores[doc]! > 0) next.push(doc);
      }
      for (const doc of next) {
        const score = scores[doc]! - 1;
        total[doc] = total[doc]! + score;
        // A word inside "n+1" says little about where "n+1" is: the phrase check decides.
        if (marks.includes(term)) bestField[doc] = Math.max(bestField[doc]!, Math.floor(score / KINDS));
      }
      candidates = next;
      if (candidates.length === 0) break;
    }
    if (phrases.length > 0 && candidates) candidates = holdingPhrases(this.docs, candidates, phrases, bestField);
    // Sort numbers, not objects: one float per match packs (score, recency rank), and a
    // typed-array sort of 10,000 numbers takes well under a millisecond.
    const rankOf = this.recencyRanks();
    const found = candidates ?? [];
    const keys = new Float64Array(found.length);
    for (let i = 0; i < found.length; i++) {
      const doc = found[i]!;
      keys[i] = total[doc]! * RANK_SPAN + (RANK_SPAN - 1 - rankOf[doc]!);
    }
    keys.sort();
    const order = this.recencyOrder!;
    // Stryker disable next-line ArrayDeclaration: sized ahead only; every slot is written below
    const matches: SearchMatch[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[keys.length - 1 - i]!;
      const doc = order[RANK_SPAN - 1 - (key % RANK_SPAN)]!;
      matches[i] = { id: this.docs[doc]!.id, score: Math.floor(key / RANK_SPAN), field: RANK_FIELD[bestField[doc]!]! };
    }
    return matches;
  }

  /**
   * Study numbers from the latest edit to the oldest (id breaks ties), and each study's place
   * in that order. Recomputed on the first query after a change, not on every keystroke.
   */
  private recencyRanks(): Int32Array {
    if (this.recencyRank && this.recencyOrder) return this.recencyRank;
    const order = newestEditOrder([...this.docOf.values()], (doc) => this.docs[doc]!.summary);
    const rank = new Int32Array(this.docs.length);
    order.forEach((doc, i) => (rank[doc] = i));
    this.recencyOrder = Int32Array.from(order);
    this.recencyRank = rank;
    return rank;
  }

  /** Summaries from the latest edit to the oldest (the library's default order). */
  summariesByRecency(): StudySummary[] {
    this.recencyRanks();
    return Array.from(this.recencyOrder!, (doc) => this.docs[doc]!.summary);
  }

  /** The best matches with snippets, ready to show while the user types. */
  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = options.limit ?? 50;
    return this.match(query)
      .slice(0, limit)
      .map((match) => this.describe(match, query));
  }

  /** Adds the summary, snippet and highlights to a match (for a page of results). */
  describe(match: SearchMatch, query: string): SearchResult {
    return describeMatch(this.docs[this.docOf.get(match.id)!]!, match, query);
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.freeWords.pop() ?? this.postings.length;
      this.wordIds.set(word, id);
      this.wordText[id] = word;
      this.postings[id] = new Postings();
    }
    return id;
  }

  private dropWord(wordId: number): void {
    this.wordIds.delete(this.wordText[wordId]!);
    this.wordText[wordId] = undefined;
    this.postings[wordId] = undefined;
    this.freeWords.push(wordId);
  }
}
