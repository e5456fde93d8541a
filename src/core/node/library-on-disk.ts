// The library's full-text index kept on disk between runs (search-index-file.ts): which studies
// it may take from the file (the stamp the file recorded is the stamp the store vouches for
// now), what changed since it was written, and writing it again. The texts of the studies
// written are then read from the file when needed, not kept in memory.
import type { SearchIndex } from '../pure/library/search-index';
import type { StudySummary } from '../pure/schemas/study';
import type { LoadedIndex, LoadedStudy, PersistedStudy } from './search-index-file';
import type { FileStamp } from './study-files';
import { RACY_MS } from './summary-cache';
import { inTimeSlices } from './time-slices';

/**
 * Below this many studies the search index opens fast without its file, so none is written.
 * The summary cache (summary-cache.ts) has no such floor: a `casebook list` of 10 studies
 * would otherwise read and validate every file at each run (most of its time; the CLI's
 * start-up target is 2 × a bare `node`), and its folder carries its own .gitignore.
 */
export const MIN_STUDIES_FOR_CACHE = 100;

/** `damaged` is told of a study whose texts the file holds damaged (found when they are read). */
export interface IndexFiles {
  load(damaged: (id: string) => void): Promise<LoadedIndex | null>;
  save(
    studies: PersistedStudy[],
    checkKey: string,
    damaged: (id: string) => void,
  ): Promise<Map<string, () => PersistedStudy['sections']>>;
  /** False for a workspace Casebook must not write (read-only, newer files seen). */
  mayWrite(): boolean;
}

export type Counts = { errors: number; warnings: number; updatedAt: string };

export class LibraryOnDisk {
  private loading: Promise<LoadedIndex | null> | null = null;
  private loaded: LoadedIndex | null = null;
  /** The stamp of each study's file when its indexed content was read (unknown: not written). */
  private stamps = new Map<string, FileStamp>();
  /** Studies indexed or removed since the file was read or written. */
  private changed = 0;
  private writes: Promise<void> = Promise.resolve();
  /** Studies whose texts in the file did not match their digest: to be read from their own files. */
  private damaged = new Set<string>();
  private readonly onDamaged = (id: string): void => void this.damaged.add(id);

  constructor(private readonly files: IndexFiles) {}

  /** Reads the file once (in the background reading, never before a first page). */
  async load(): Promise<void> {
    this.loading ??= this.files.load(this.onDamaged).catch(() => null);
    this.loaded = await this.loading;
  }

  /** The index file as read (after load()), null when there is none usable. */
  get file(): LoadedIndex | null {
    return this.loaded;
  }

  /** The entry for a study whose file is exactly as the file recorded it and as the store verified it. */
  take(summary: StudySummary, verified: FileStamp | null): LoadedStudy | undefined {
    const found = this.damaged.has(summary.id) ? undefined : this.loaded?.studies.get(summary.id);
    if (!found || !verified || found.mtimeMs !== verified.mtimeMs || found.size !== verified.size) return undefined;
    this.stamps.set(summary.id, verified);
    return found;
  }

  /** The counts the file holds, when they were computed against the same settings as now. */
  countsFrom(found: LoadedStudy, checkKey: string): { errors: number; warnings: number } | undefined {
    return this.loaded?.checkKey === checkKey ? found.counts : undefined;
  }

  /** The stamp of `id`'s file when its indexed content was read; undefined when unknown (it changed during the read). */
  stampOf(id: string): FileStamp | undefined {
    return this.stamps.get(id);
  }

  /** Whether the texts of `id` the file holds were found damaged (its indexed body lacks them). */
  textsDamaged(id: string): boolean {
    return this.damaged.has(id);
  }

  /** A study was indexed from its file (`stamp`: as it was read; null when it changed meanwhile). */
  indexed(id: string, stamp: FileStamp | null): void {
    this.damaged.delete(id);
    if (stamp) this.stamps.set(id, stamp);
    else this.stamps.delete(id);
    this.changed++;
  }

  removed(id: string): void {
    this.damaged.delete(id);
    this.stamps.delete(id);
    this.changed++;
  }

  /** How many studies changed since the file was last read or written. */
  get pendingChanges(): number {
    return this.changed;
  }

  /**
   * Writes the index when anything changed; never throws (derived data: a failed write only
   * makes the next open read more files). Not for a small workspace, as the summary cache.
   */
  save(index: SearchIndex, counts: ReadonlyMap<string, Counts>, checkKey: string): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.changed === 0 || !this.files.mayWrite() || index.size < MIN_STUDIES_FOR_CACHE) return;
      const changedBefore = this.changed;
      const now = Date.now();
      const studies: PersistedStudy[] = [];
      const versions = new Map<string, object>();
      await inTimeSlices([...this.stamps], ([id, stamp]) => {
        const body = index.indexedBody(id);
        // Texts found damaged (or the file replaced by another Casebook since they were taken
        // from it): left out, to be read from the study's own file, never written back empty.
        if (this.damaged.has(id)) return;
        const count = counts.get(id);
        // A file modified this recently could change again unseen (summary-cache.ts).
        if (!body || !count || count.updatedAt !== index.summary(id)?.updatedAt || now - stamp.mtimeMs < RACY_MS)
          return;
        const { version, ...words } = body;
        versions.set(id, version);
        studies.push({ id, ...stamp, ...words, counts: { errors: count.errors, warnings: count.warnings } });
      });
      try {
        const readers = await this.files.save(studies, checkKey, this.onDamaged);
        for (const [id, read] of readers) index.keepTextsIn(id, versions.get(id)!, read);
        this.changed -= changedBefore;
      } catch {
        // Derived data: the next open reads the files this write would have spared.
      }
    };
    this.writes = this.writes.then(run);
    return this.writes;
  }
}
