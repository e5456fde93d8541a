// Full-text search over the library: an in-memory word index of every study's title,
// summary and four sections, updated one study at a time as studies are saved or deleted.
// A query matches studies holding every query word (as a whole word, a word prefix, or —
// for words of 3+ letters — inside a word). Ranking: the field (title > summary > body),
// then the kind of match (exact word > prefix > inside a word), then the latest edit.
import { toSummary, type Study, type StudySummary } from '../schemas/study';
import { newestEditOrder } from '../study-order';
import { FacetTable } from './facet-table';
import { Postings } from './postings';
import { fieldBitsOf, sectionTextsOf, wordBitsOf, type StudyWords } from './study-words';
import { describeMatch, RANK_FIELD, rankRows } from './search-index-match';
import {
  textsOf,
  type IndexedStudy,
  type IndexedWords,
  type IndexParts,
  type RankedRows,
  type SearchMatch,
  type SearchOptions,
  type SearchResult,
  type SectionTexts,
} from './search-index-types';

export type * from './search-index-types';

export class SearchIndex {
  private docs: (IndexedStudy | undefined)[] = [];
  private docOf = new Map<string, number>();
  private freeDocs: number[] = [];
  private wordIds = new Map<string, number>();
  private wordText: (string | undefined)[] = [];
  private postings: (Postings | undefined)[] = [];
  private freeWords: number[] = [];
  private recencyOrder: Int32Array | null = null;
  private withBody = 0;
  /** Each study's filter values, by study number. */
  facets = new FacetTable();

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
    index.facets = parts.facets;
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
    // A study read in full after its title went in keeps its place in the recency order: the
    // searches typed during a background reading would otherwise each sort every study again.
    // Stryker disable next-line ConditionalExpression: re-sorting always only costs time
    const reordered = previous === undefined || this.docs[doc]!.summary.updatedAt !== summary.updatedAt;
    this.docs[doc] = { id: summary.id, summary, sections, words, bits: fieldBits, hasBody };
    this.facets.set(doc, summary);
    if (hasBody) this.withBody++;
    this.docOf.set(summary.id, doc);
    if (reordered) this.recencyOrder = null;
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
    this.recencyOrder = null;
  }

  /** Every study matching the query, best first. An empty query matches nothing. */
  match(query: string): SearchMatch[] {
    const ranked = this.rank(query);
    return Array.from(ranked.rows, (row) => this.matchAt(row, ranked));
  }

  /** The match of study number `row` in `ranked`. */
  matchAt(row: number, { score, field }: RankedRows): SearchMatch {
    return { id: this.docs[row]!.id, score: score[row]!, field: RANK_FIELD[field[row]!]! };
  }

  /**
   * The study numbers matching the query, best first, with each one's score and best field
   * (indexed by study number): a broad query matches every study, and only a page of them is
   * ever turned into objects.
   */
  rank(query: string): RankedRows {
    return rankRows(query, this.docs, this.wordIds, this.postings, () => this.recencyRows());
  }

  /**
   * Study numbers from the latest edit to the oldest (id breaks ties): the library's default
   * order, and the tie-break of relevance. Recomputed on the first query after a change that
   * moved a study in it, not on every keystroke.
   */
  recencyRows(): Int32Array {
    this.recencyOrder ??= Int32Array.from(newestEditOrder([...this.docOf.values()], (doc) => this.docs[doc]!.summary));
    return this.recencyOrder;
  }

  /** The summary of study number `row` (from rank() or recencyRows()). */
  summaryAt(row: number): StudySummary {
    return this.docs[row]!.summary;
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
    const entry = this.docs[this.docOf.get(match.id)!]!;
    return describeMatch(entry.summary, () => textsOf(entry), match, query);
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
