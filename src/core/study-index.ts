// The store's in-memory index of study summaries, and its copy on disk (summary-cache.ts:
// .casebook/summaries.json) so the next open need not parse every file.
import type { StudySummary } from './schemas/study';
import {
  MIN_STUDIES_FOR_CACHE,
  RACY_MS,
  readSummaryCache,
  writeSummaryCache,
  type CachedSummary,
} from './summary-cache';

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
      for (const [id, entry] of this.cacheOnDisk)
        if (!this.entries.has(id)) this.entries.set(id, { ...entry, verified: true, gen: 0 });
    })();
    return this.seeding;
  }

  /** Studies listed from their file's head whose full file has not been read yet. */
  unverifiedIds(): string[] {
    return [...this.entries].filter(([, entry]) => !entry.verified).map(([id]) => id);
  }

  /**
   * Writes the index to the summary cache when it differs from the cache on disk: only in
   * `changedIds` when given (what a list just read), else anywhere. Never throws; writes
   * nothing unless `mayWrite()` (a workspace seen in full and writable) or for a small
   * workspace (MIN_STUDIES_FOR_CACHE): the cache is derived data, and a failed write only
   * makes the next open slower.
   */
  saveCache(mayWrite: () => boolean, changedIds?: Set<string>): Promise<void> {
    const run = async (): Promise<void> => {
      if (!mayWrite() || this.entries.size < MIN_STUDIES_FOR_CACHE) return;
      const onDisk = this.cacheOnDisk;
      const now = Date.now();
      const differs = (id: string): boolean => {
        const entry = this.entries.get(id);
        const cached = onDisk.get(id);
        if (!entry?.verified) return cached !== undefined && changedIds === undefined;
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
