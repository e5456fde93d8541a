// One word's postings: which studies (by number) hold the word, and in which fields.
// Kept as sorted typed arrays rather than Maps: a 10,000-study library holds millions of
// (word, study) pairs, and typed arrays keep that to a few bytes each.

/** Field bits: a study may hold a word in several fields at once. */
export const FIELD_BITS = { title: 4, summary: 2, body: 1 } as const;

export class Postings {
  /** Given arrays (a bulk build's views of shared ones) are taken as they are: room for `length` and more. */
  constructor(
    public docs = new Int32Array(4),
    public fields = new Uint8Array(4),
    public length = 0,
  ) {}

  /** Position of `doc`, or -(insertion point) - 1 when absent. */
  private find(doc: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.docs[mid]!;
      if (value === doc) return mid;
      if (value < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }

  /** Records that `doc` holds the word in exactly these fields. */
  set(doc: number, fieldBits: number): void {
    const at = this.find(doc);
    if (at >= 0) {
      this.fields[at] = fieldBits;
      return;
    }
    const insert = -at - 1;
    if (this.length === this.docs.length) this.grow();
    this.docs.copyWithin(insert + 1, insert, this.length);
    this.fields.copyWithin(insert + 1, insert, this.length);
    this.docs[insert] = doc;
    this.fields[insert] = fieldBits;
    this.length++;
  }

  remove(doc: number): void {
    const at = this.find(doc);
    if (at < 0) return;
    this.docs.copyWithin(at, at + 1, this.length);
    this.fields.copyWithin(at, at + 1, this.length);
    this.length--;
  }

  private grow(): void {
    const docs = new Int32Array(this.docs.length * 2);
    docs.set(this.docs);
    const fields = new Uint8Array(this.fields.length * 2);
    fields.set(this.fields);
    this.docs = docs;
    this.fields = fields;
  }
}
