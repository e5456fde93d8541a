// The store's in-memory index of study summaries, kept in step with studies/ by file mtime
// and size (unchanged files are not parsed again), and its copy on disk (summary-cache.ts:
// .casebook/summaries.json) so the next open need not parse them either.
// When many files are new to the index (a large workspace opened for the first time, a big
// git pull) a refresh takes each summary from the file's head (study-head.ts) and marks the
// entry unverified: the sections are validated, and a damaged file quarantined, by the next
// full read of that file (the store's get(), which the library's background indexing does
// for every study, or verifyAll()). Only verified entries go into the summary cache.
// Entries are judged by lstat: a link, folder, FIFO or device named x.json is skipped with a
// reason (never followed, never opened); a file over MAX_STUDY_FILE_BYTES is read "in full"
// (refused by the reader) so that it is set aside.
import path from 'node:path';
import { lstatOrNull, MAX_STUDY_FILE_BYTES, refusal } from './regular-file';
import { toSummary, type StudySummary } from '../pure/schemas/study';
import { readStudyHeadSync } from './study-head';
import type { StudyFileReader } from './study-file-reader';
import { idOf, inPool, jsonFilesIn, sameStamp, stampOf, STUDIES_DIR, type FileStamp } from './study-files';
import { RACY_MS, readSummaryCache, writeSummaryCache, type CachedSummary } from './summary-cache';
import { inTimeSlices } from './time-slices';

/**
 * From this many files to read at one list, summaries come from file heads and the full reads
 * follow in the background. Below it, reading them all takes well under a quarter second.
 */
export const HEAD_READ_FROM = 500;
const LIST_CONCURRENCY = 64;

export interface RefreshOptions {
  /** The studies folder. */
  dir: string;
  reader: StudyFileReader;
  /** The store's write generation now (entries set by a refresh carry it). */
  gen: () => number;
  headReadFrom: number;
}

export interface IndexEntry {
  mtimeMs: number;
  size: number;
  summary: StudySummary;
  /** The whole file passed the schema (false: only its head was read so far). */
  verified: boolean;
  /** The store's write generation when the entry was set (a list keeps newer entries). */
  gen: number;
}

export class StudyIndex {
  readonly entries = new Map<string, IndexEntry>();
  /** The summary cache as on disk (loaded at the first list, then as last written). */
  private cacheOnDisk = new Map<string, CachedSummary>();
  private seeding: Promise<void> | null = null;
  private cacheWrites: Promise<void> = Promise.resolve();

  constructor(private readonly workspace: string) {}

  /**
   * Starts the index from the summary cache, once. Its entries count only while their file's
   * mtime and size still match (the list checks): the cache spares reads but vouches for nothing.
   */
  seed(): Promise<void> {
    this.seeding ??= (async () => {
      this.cacheOnDisk = await readSummaryCache(this.workspace);
      // Named fields, not a spread of the entry: spreading cost ~3 times as much (~50 ms at
      // 10,000 studies, on the way to the first library page).
      for (const [id, { mtimeMs, size, summary }] of this.cacheOnDisk)
        if (!this.entries.has(id)) this.entries.set(id, { mtimeMs, size, summary, verified: true, gen: 0 });
    })();
    return this.seeding;
  }

  /**
   * Brings the index in step with the folder; returns the ids read in full. Entries written
   * by the store since the refresh began (a newer gen) are kept even if the folder listing
   * missed them.
   */
  async refresh({ dir, reader, gen, headReadFrom }: RefreshOptions): Promise<Set<string>> {
    // Before any await: a study saved while the folder is read must not be dropped below.
    const startGen = gen();
    // Every refresh (the first ones may run at once) starts after the cache is in the index.
    const [names] = await Promise.all([jsonFilesIn(dir), this.seed()]);
    const fileFor = (id: string): string => path.join(dir, `${id}.json`);
    const seen = new Set<string>();
    let stale: Array<{ id: string; stat: FileStamp }> = [];
    await inTimeSlices(names, (name) => {
      const id = idOf(name);
      const file = fileFor(id);
      // lstat: a link is judged as a link, never followed (to a folder, /dev/zero, a FIFO).
      const stat = lstatOrNull(file);
      if (!stat) return; // deleted between readdir and stat
      const refused = refusal(file, stat, MAX_STUDY_FILE_BYTES);
      if (refused && !refused.setAside) return reader.skip(file, refused.reason);
      const entry = this.entries.get(id);
      if (entry && sameStamp(entry, stat)) seen.add(id);
      else stale.push({ id, stat });
    });
    if (stale.length >= headReadFrom) {
      const whole: typeof stale = [];
      await inTimeSlices(stale, (file) => {
        const head = readStudyHeadSync(fileFor(file.id));
        if (head && head.summary.id === file.id) {
          const { mtimeMs, size, summary } = head;
          this.entries.set(file.id, { mtimeMs, size, summary, verified: false, gen: gen() });
          seen.add(file.id);
        } else whole.push(file);
      });
      stale = whole;
    }
    const read = new Set<string>();
    // Full reads are independent: many at a time.
    await inPool(stale, LIST_CONCURRENCY, async ({ id, stat }) => {
      const study = await reader.read(fileFor(id), id);
      if (!study) return;
      this.entries.set(id, { ...stampOf(stat), summary: toSummary(study), verified: true, gen: gen() });
      read.add(id);
      seen.add(id);
    });
    // Gone from the folder, unless written by the store since the refresh began.
    for (const [id, entry] of [...this.entries]) if (!seen.has(id) && entry.gen <= startGen) this.entries.delete(id);
    reader.forgetGone(STUDIES_DIR, new Set(names));
    return read;
  }

  /** Studies listed from their file's head whose full file has not been read yet. */
  unverifiedIds(): string[] {
    return [...this.entries].filter(([, entry]) => !entry.verified).map(([id]) => id);
  }

  /**
   * Writes the index to the summary cache when it differs from the cache on disk: only in
   * `changedIds` when given (what a list just read), else anywhere. Never throws; writes
   * nothing unless `mayWrite()` (a workspace seen in full and writable), nor for an empty
   * workspace: the cache is derived data, and a failed write only makes the next open slower.
   */
  saveCache(mayWrite: () => boolean, changedIds?: Set<string>): Promise<void> {
    const run = async (): Promise<void> => {
      if (!mayWrite() || this.entries.size === 0) return;
      const onDisk = this.cacheOnDisk;
      const now = Date.now();
      const differs = (id: string): boolean => {
        const entry = this.entries.get(id);
        const cached = onDisk.get(id);
        // Gone, or listed from its head only (left out of the cache): differs if the cache holds it.
        if (!entry?.verified) return cached !== undefined;
        if (now - entry.mtimeMs < RACY_MS) return false; // would be left out anyway
        return !cached || cached.mtimeMs !== entry.mtimeMs || cached.size !== entry.size;
      };
      const ids = changedIds ?? new Set([...this.entries.keys(), ...onDisk.keys()]);
      if (![...ids].some(differs)) return;
      try {
        const verified = [...this.entries].filter(([, entry]) => entry.verified);
        this.cacheOnDisk = await writeSummaryCache(this.workspace, verified, now);
      } catch {
        // Derived data: the next open reads the files this write would have spared.
      }
    };
    this.cacheWrites = this.cacheWrites.then(run);
    return this.cacheWrites;
  }
}
