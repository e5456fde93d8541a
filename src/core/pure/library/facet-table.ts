// Each study's filter values (status, outcome, featured, categories, tags) as small numbers in
// typed arrays, one row per study: the library counts them over every search result on every
// keystroke, and at 10,000 studies reading five properties of 10,000 summary objects scattered
// over the heap cost ~16 ms a keystroke (two thirds of a search); counting numbers in a few
// arrays costs a fraction of that. Rows are the search index's study numbers.
import { outcomeSchema, statusSchema, type StudySummary } from '../schemas/study';
import { NO_OUTCOME, type FacetCounts, type LibraryFilters } from './filters';

const STATUSES: readonly string[] = statusSchema.options;
const OUTCOMES: readonly string[] = [...outcomeSchema.options, NO_OUTCOME];
const FEATURED: readonly string[] = ['yes', 'no'];

// Facet numbers, in the order their counts are made.
const STATUS = 0;
const OUTCOME = 1;
const FEATURE = 2;
const CATEGORY = 3;
const TAG = 4;

/** An active filter: the facet and the wanted value's number (-1: a value no study has). */
interface Wanted {
  facet: number;
  code: number;
}

/** Names of an open facet (categories, tags) numbered as first met; never renumbered. */
class Names {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.push(name) - 1;
      this.ids.set(name, id);
    }
    return id;
  }
  /**
   * Each distinct name's number once (a study listing a tag twice is one study of that tag),
   * in a scratch array shared by every call: valid until the next (a typed array per study
   * was most of filling the table for 50,000 studies).
   */
  distinctIds(names: readonly string[]): Int32Array {
    if (names.length === 0) return NONE;
    if (names.length > FEW) return Int32Array.from(new Set(names), (name) => this.idOf(name));
    // A few names (nearly every study): compared in place, no Set per study.
    const ids = this.distinct;
    let count = 0;
    for (const name of names) {
      const id = this.idOf(name);
      let seen = 0;
      while (seen < count && ids[seen] !== id) seen++;
      if (seen === count) ids[count++] = id;
    }
    return ids.subarray(0, count);
  }
  private readonly distinct = new Int32Array(FEW);

  /** Zeroed counts, one per name, for one count at a time (OpenCounts zeroes what it used). */
  scratch(): Int32Array {
    if (this.counts.length < this.names.length) this.counts = new Int32Array(this.names.length * 2);
    return this.counts;
  }
  private counts = new Int32Array(0);
}

const NONE = new Int32Array(0);
const FEW = 16;

/** Per row, the numbers of its names: up to INLINE side by side in one array, more on their own. */
const INLINE = 4;
const OVERFLOW = 255;
class IdLists {
  private ids = new Int32Array(64 * INLINE);
  private lengths = new Uint8Array(64);
  private overflow = new Map<number, Int32Array>();

  set(row: number, ids: Int32Array): void {
    if (row >= this.lengths.length) this.grow(row);
    if (ids.length > INLINE) {
      this.lengths[row] = OVERFLOW;
      this.overflow.set(row, ids.slice()); // its own: `ids` may be a scratch array
      return;
    }
    // Stryker disable next-line all: only frees memory (the row's length says it is inline now)
    this.overflow.delete(row);
    this.lengths[row] = ids.length;
    this.ids.set(ids, row * INLINE);
  }

  includes(row: number, id: number): boolean {
    const length = this.lengths[row]!;
    if (length === OVERFLOW) return this.overflow.get(row)!.includes(id);
    for (let at = row * INLINE, end = at + length; at < end; at++) if (this.ids[at] === id) return true;
    return false;
  }

  countInto(row: number, counts: OpenCounts): void {
    const length = this.lengths[row]!;
    if (length === OVERFLOW) for (const id of this.overflow.get(row)!) counts.add(id);
    else for (let at = row * INLINE, end = at + length; at < end; at++) counts.add(this.ids[at]!);
  }

  private grow(row: number): void {
    const size = Math.max(row + 1, this.lengths.length * 2);
    const lengths = new Uint8Array(size);
    lengths.set(this.lengths);
    const ids = new Int32Array(size * INLINE);
    ids.set(this.ids);
    [this.lengths, this.ids] = [lengths, ids];
  }
}

/**
 * Counts of an open facet in the order values were first counted (the summaries' order), in
 * the names' shared scratch array: a count costs what it touches, not every name ever seen.
 */
class OpenCounts {
  private readonly counts: Int32Array;
  private readonly order: number[] = [];
  constructor(private readonly names: Names) {
    this.counts = names.scratch();
  }
  add(id: number): void {
    if (this.counts[id]!++ === 0) this.order.push(id);
  }
  /** The counts by name; the scratch array is zeroed again for the next count. */
  record(): Record<string, number> {
    const record = Object.fromEntries(this.order.map((id) => [this.names.names[id]!, this.counts[id]!]));
    for (const id of this.order) this.counts[id] = 0;
    return record;
  }
}

const named = (values: readonly string[], counts: Int32Array): Record<string, number> =>
  Object.fromEntries(values.map((value, i) => [value, counts[i]!]));

export class FacetTable {
  private status = new Uint8Array(64);
  private outcome = new Uint8Array(64);
  private featured = new Uint8Array(64);
  private categories = new IdLists();
  private tags = new IdLists();
  private readonly categoryNames = new Names();
  private readonly tagNames = new Names();

  /** A table of `studies`, row i holding studies[i]. */
  static of(studies: readonly StudySummary[]): FacetTable {
    const table = new FacetTable();
    studies.forEach((study, row) => table.set(row, study));
    return table;
  }

  /** Row `row` now holds `study`'s values. */
  set(row: number, study: StudySummary): void {
    if (row >= this.status.length) this.grow(row);
    // A value the schema does not allow (none reaches here) gets a number no count has.
    this.status[row] = codeOf(STATUSES, study.status);
    this.outcome[row] = codeOf(OUTCOMES, study.outcome ?? NO_OUTCOME);
    this.featured[row] = study.featured ? 0 : 1;
    this.categories.set(row, this.categoryNames.distinctIds(study.categories));
    this.tags.set(row, this.tagNames.distinctIds(study.tags));
  }

  /** The rows of `rows` passing every filter, in their order. */
  filter(rows: Int32Array, filters: LibraryFilters): Int32Array {
    const wanted = this.wanted(filters);
    if (wanted.length === 0) return rows;
    return rows.filter((row) => wanted.every((w) => this.holds(row, w)));
  }

  /**
   * Count per value of each facet over `rows`, each facet's counts taken with every other
   * facet's filter applied: "Failed (3)" still shows while "Succeeded" is picked, as picking
   * it would give 3 studies.
   */
  counts(rows: Int32Array, filters: LibraryFilters): FacetCounts {
    const wanted = this.wanted(filters);
    const status = new Int32Array(STATUSES.length);
    const outcome = new Int32Array(OUTCOMES.length);
    const featured = new Int32Array(FEATURED.length);
    const category = new OpenCounts(this.categoryNames);
    const tag = new OpenCounts(this.tagNames);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      // Which active filters this row fails: none → it counts everywhere; exactly one → it
      // counts only in that filter's own facet (picking another value there would keep it).
      let failed = -1;
      let failures = 0;
      for (const w of wanted) {
        if (this.holds(row, w)) continue;
        failed = w.facet;
        if (++failures > 1) break;
      }
      if (failures > 1) continue;
      const all = failures === 0;
      if (all || failed === STATUS) status[this.status[row]!]!++;
      if (all || failed === OUTCOME) outcome[this.outcome[row]!]!++;
      if (all || failed === FEATURE) featured[this.featured[row]!]!++;
      if (all || failed === CATEGORY) this.categories.countInto(row, category);
      if (all || failed === TAG) this.tags.countInto(row, tag);
    }
    return {
      status: named(STATUSES, status),
      category: category.record(),
      outcome: named(OUTCOMES, outcome),
      featured: named(FEATURED, featured),
      tag: tag.record(),
    };
  }

  private holds(row: number, { facet, code }: Wanted): boolean {
    switch (facet) {
      case STATUS:
        return this.status[row] === code;
      case OUTCOME:
        return this.outcome[row] === code;
      case FEATURE:
        return this.featured[row] === code;
      case CATEGORY:
        return this.categories.includes(row, code);
      default:
        return this.tags.includes(row, code);
    }
  }

  /** The active filters, in facet order, as numbers. */
  private wanted(filters: LibraryFilters): Wanted[] {
    const wanted: Wanted[] = [];
    const add = (facet: number, code: number) => wanted.push({ facet, code });
    if (filters.status !== undefined) add(STATUS, STATUSES.indexOf(filters.status));
    if (filters.outcome !== undefined) add(OUTCOME, OUTCOMES.indexOf(filters.outcome));
    if (filters.featured !== undefined) add(FEATURE, filters.featured ? 0 : 1);
    // Looked up, not added: a filter naming a category no study has matches none.
    if (filters.category !== undefined) add(CATEGORY, this.categoryNames.ids.get(filters.category) ?? -1);
    if (filters.tag !== undefined) add(TAG, this.tagNames.ids.get(filters.tag) ?? -1);
    return wanted;
  }

  private grow(row: number): void {
    const size = Math.max(row + 1, this.status.length * 2);
    for (const key of ['status', 'outcome', 'featured'] as const) {
      const grown = new Uint8Array(size);
      grown.set(this[key]);
      this[key] = grown;
    }
  }
}

function codeOf(values: readonly string[], value: string): number {
  const code = values.indexOf(value);
  return code < 0 ? 255 : code;
}
