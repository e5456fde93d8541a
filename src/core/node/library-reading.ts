// The library's background reading (LibraryService builds on it): studies queued for reading in
// full, taken from the index file when their files are as it recorded them (in bulk at a
// reopen), else read from their files (on worker threads when many), and the index written
// back to disk. Searches are answered between its slices; close() stops it at the next one.
import type { Study, StudySummary } from '../pure/schemas/study';
import { SearchIndex } from '../pure/library/search-index';
import { restoreInBulk, type Pause, type RestoredStudy } from '../pure/library/search-index-restore';
import { indexTitlesInBulk } from '../pure/library/search-index-titles';
import type { StudyNames } from '../pure/checks/study-names';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LibraryOnDisk } from './library-on-disk';
import { inTimeSlices, pauseEvery } from './time-slices';
import type { FileStamp } from './study-files';
import { LibraryBadges, type CheckCounts } from './library-badges';
import type { LibrarySources } from './library-sources';
import { indexOnThreads } from './library-threads';

// Few reads at a time, and a turn of the event loop after each study: a search that arrives
// meanwhile waits for one study's indexing at most, never for a batch.
export const READ_BATCH = 4;

/** Studies taken from the index on disk per pass, in slices of SLICE_MS. */
const RESTORE_BATCH = 512;
export const SLICE_MS = 8;
/** Written again after the background reading when at least this many studies changed (else on quit). */
const REWRITE_AFTER = 100;
/** From this many studies to read at once, they are read on worker threads (study-intake.ts). */
const INTAKE_FROM = 200;

export abstract class LibraryReading {
  protected index = new SearchIndex();
  protected readonly badges: LibraryBadges;
  /**
   * Studies to read in full, in the order the background reader takes them, each with the
   * number of the request: a study queued again while its read is in flight (changed on disk
   * meanwhile) is read again rather than given the older content.
   */
  protected pending = new Map<string, number>();
  protected requests = 0;
  protected reading: Promise<void> | null = null;
  protected writing: Promise<void> | null = null;
  protected readonly onDisk: LibraryOnDisk | null;
  /** While the index is built in bulk from the file: the studies changed meanwhile (kept as they are live). */
  protected touched: Set<string> | null = null;
  /** The bulk build runs once, at the first read after opening: later passes take a few studies each. */
  private bulkTried = false;
  /** Aborted by close(): the background reading stops. */
  protected readonly closing = new AbortController();

  constructor(protected readonly sources: LibrarySources) {
    this.onDisk = sources.indexFiles ? new LibraryOnDisk(sources.indexFiles) : null;
    this.badges = new LibraryBadges({ site: sources.site, prompts: sources.prompts, names: () => this.namesNow() });
  }

  /** A study is gone (deleted, or its damaged file set aside). */
  abstract removed(id: string): void;

  /** The titles and slugs the duplicate checks compare against. */
  protected abstract namesNow(): StudyNames;

  /** Writes the full-text index to disk now if it changed (on quit: the next open reads nothing). */
  async flush(): Promise<void> {
    // One write at a time, and sync() waits for it: nothing writes into the workspace after a
    // caller was told the index is up to date (a test removing the folder, a quit).
    const write = (this.writing ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        const { counts, key } = this.badges.now();
        return this.onDisk?.save(this.index, counts, key);
      });
    this.writing = write;
    try {
      await write;
    } finally {
      if (this.writing === write) this.writing = null;
    }
  }

  /** Ends quietly what close() stopped (its pauses throw the abort); anything else is thrown on. */
  protected readonly unlessClosed = (err: unknown): void => {
    if (!this.closing.signal.aborted) throw err;
  };

  /** A pause between slices of work that ends the work once the workspace is closed. */
  private pause(): Pause {
    return pauseEvery(SLICE_MS, this.closing.signal);
  }

  /**
   * takeIn for an empty index (a workspace just opened): from the index file when it holds most
   * studies as their files are now (a reopen: full text at once), else titles and summaries
   * in bulk; then swapped in for the live index, which holds only what was saved or removed
   * through the service meanwhile (`touched`: taken over as it holds them).
   */
  protected async takeInBulk(
    summaries: StudySummary[],
    toRead: string[],
    take: (id: string) => void,
    touched: Set<string>,
  ): Promise<void> {
    const wanted = new Set(toRead);
    const listed = summaries.filter((s) => wanted.has(s.id));
    const pause = this.pause();
    const restored = await this.restoredFromFile(listed, pause);
    const built = restored?.index ?? (await indexTitlesInBulk(listed, pause));
    if (!built) return inTimeSlices(toRead, take, SLICE_MS, this.closing.signal); // two summaries with one id: one by one
    if (restored)
      for (const summary of listed) {
        if (!built.has(summary.id)) built.upsert(summary); // not in the file, or changed since
        const turn = pause();
        if (turn) await turn;
      }
    // From here to the swap nothing awaits: the live index cannot change under it.
    for (const id of touched) built.adopt(this.index, id);
    this.index = built;
    for (const [id, counts] of restored?.taken ?? [])
      if (counts && !touched.has(id)) this.badges.restored(id, counts, built.summary(id)!.updatedAt, restored!.key);
    for (const id of toRead) if (!touched.has(id) && !built.hasBody(id)) this.pending.set(id, ++this.requests);
  }

  /**
   * An index of the `listed` studies whose files are as the index file recorded them, built in
   * bulk (search-index-restore.ts) with their counts; null when the file holds less than half
   * of them (the study-by-study way is cheaper then). Tried once per open.
   */
  private async restoredFromFile(
    listed: StudySummary[],
    pause: Pause,
  ): Promise<{ index: SearchIndex; taken: Array<[string, CheckCounts | undefined]>; key: string } | null> {
    if (!this.onDisk || this.bulkTried) return null;
    await this.onDisk.load();
    const file = this.onDisk.file;
    if (!file?.postings) return null;
    this.bulkTried = true;
    const checkKey = this.badges.key();
    const chosen: (RestoredStudy | null)[] = new Array<RestoredStudy | null>(file.studies.size).fill(null);
    const taken: Array<[string, CheckCounts | undefined]> = [];
    for (const summary of listed) {
      const found = this.onDisk.take(summary, this.sources.verifiedStamp?.(summary.id) ?? null);
      if (found) {
        chosen[found.at] = { summary, from: found.from, n: found.n, sections: found.sections };
        taken.push([summary.id, this.onDisk.countsFrom(found, checkKey)]);
      }
      const turn = pause();
      if (turn) await turn;
    }
    if (taken.length === 0 || taken.length < listed.length / 2) return null;
    const index = await restoreInBulk(file.postings, chosen, pause);
    return index && { index, taken, key: checkKey };
  }

  /**
   * Reads queued studies in full, a few at a time, until none is left; a study whose file is
   * as the index on disk recorded it is taken from there instead (no file read).
   */
  protected async readPending(): Promise<void> {
    // The prompts (for the checks of studies read) are read, with the Markdown parser they
    // load, once a study is to be read: a reopen that takes every study from the index file
    // evaluates neither while its first searches are answered.
    let promptsRead: Promise<unknown> | undefined;
    await this.onDisk?.load();
    await this.restoreFromDisk().catch(this.unlessClosed);
    const checkKey = this.badges.key();
    let read = 0;
    while (this.pending.size > 0 && !this.closing.signal.aborted) {
      await this.throughGate();
      if (this.closing.signal.aborted) break; // close() empties the queue too; not relied on here
      // With workers, every queued study at once: they read while this thread takes the rest from disk.
      const batch = firstOf(this.pending, this.sources.intake ? this.pending.size : RESTORE_BATCH);
      const toRead: typeof batch = [];
      // Not this.pause(): the loop ends at the batch after a close (checked above), not mid-batch.
      const pause = pauseEvery(SLICE_MS);
      for (const [id, request] of batch) {
        const summary = this.index.summary(id);
        const found = summary && this.onDisk?.take(summary, this.sources.verifiedStamp?.(id) ?? null);
        if (!summary || !found) {
          toRead.push([id, request]);
          continue;
        }
        this.pending.delete(id);
        this.index.restore(summary, found.indexed(), found.sections);
        const counts = this.onDisk!.countsFrom(found, checkKey);
        if (counts) this.badges.restored(id, counts, summary.updatedAt, checkKey);
        const turn = pause();
        if (turn) await turn;
      }
      if (toRead.length > 0) await (promptsRead ??= this.sources.promptsRead?.().catch(() => undefined));
      read += toRead.length;
      // What the workers could not read (damaged files, to be set aside by the store) is read here.
      const left = toRead.length >= INTAKE_FROM ? await this.readOnThreads(toRead) : toRead;
      for (let from = 0; from < left.length; from += READ_BATCH)
        await this.readSome(left.slice(from, from + READ_BATCH));
      await nextTurn();
    }
    if (read > 0) this.sources.onIndexed?.();
    if ((this.onDisk?.pendingChanges ?? 0) >= REWRITE_AFTER) void this.flush().catch(() => undefined);
  }

  /**
   * Takes every queued study whose file is as the index file recorded it, in bulk, then swaps
   * the index built for the one searched so far (a workspace whose titles went in one by one);
   * what changed meanwhile (saved, removed, re-listed) stays as the live index holds it.
   */
  private async restoreFromDisk(): Promise<void> {
    this.touched = new Set();
    try {
      const listed = [...this.pending.keys()].flatMap((id) => this.index.summary(id) ?? []);
      const restored = await this.restoredFromFile(listed, this.pause());
      // Adopting the rest of the live index (synchronously) pays only when the file holds most of it.
      if (!restored || restored.taken.length < this.index.size / 2) return;
      const { index: built, taken } = restored;
      // From here to the swap nothing awaits: the live index cannot change under it.
      for (const { id } of this.index.summaries())
        if (!built.has(id) || this.touched.has(id)) built.adopt(this.index, id);
      for (const [id] of taken) if (!this.index.has(id)) built.remove(id);
      this.index = built;
      for (const [id, counts] of taken) {
        if (this.touched.has(id)) continue;
        this.pending.delete(id);
        if (counts) this.badges.restored(id, counts, built.summary(id)!.updatedAt, restored.key);
      }
    } finally {
      this.touched = null;
    }
  }

  /** Waits at the sources' reading gate, if any, until it opens or the workspace is closed. */
  private async throughGate(): Promise<void> {
    const { signal } = this.closing;
    if (!this.sources.readingGate || signal.aborted) return;
    let closed!: () => void;
    const onClose = new Promise<void>((resolve) => signal.addEventListener('abort', (closed = () => resolve())));
    try {
      await Promise.race([this.sources.readingGate(signal), onClose]);
    } finally {
      signal.removeEventListener('abort', closed);
    }
  }

  /** Reads queued studies on worker threads; returns those still to read here (library-threads.ts). */
  private readOnThreads(toRead: Array<[string, number]>): Promise<Array<[string, number]>> {
    const intake = this.sources.intake;
    if (!intake) return Promise.resolve(toRead);
    return indexOnThreads(toRead, {
      index: () => this.index,
      pending: this.pending,
      badges: this.badges,
      onDisk: this.onDisk,
      intake,
      site: this.sources.site(),
      signal: this.closing.signal,
    });
  }

  /** Reads a few queued studies in full (at once) and indexes them one turn of the event loop apart. */
  private async readSome(batch: Array<[string, number]>): Promise<void> {
    if (this.closing.signal.aborted) return;
    // A file that cannot be read now (locked, I/O error) keeps its title-only entry and
    // is tried again at the next list (indexChanges queues studies without a body).
    // The checks load while the first studies are read; a study is checked once both are in.
    const [studies] = await Promise.all([
      Promise.all(batch.map(([id]) => this.readStamped(id))),
      this.badges.load().catch(() => undefined),
    ]);
    for (const [i, [id, request]] of batch.entries()) {
      // Saved or removed through the service meanwhile, or queued again: this read is stale.
      if (this.pending.get(id) !== request) continue;
      this.pending.delete(id);
      const { study, stamp } = studies[i]!;
      if (study) {
        this.index.upsert(study);
        this.badges.record(study);
        this.onDisk?.indexed(id, stamp);
      } else if (study === null) {
        this.removed(id); // damaged (now quarantined) or deleted
      }
      await nextTurn();
    }
  }

  /** A study read in full, with its file's stamp when the file did not change during the read. */
  private async readStamped(id: string): Promise<{ study: Study | null | undefined; stamp: FileStamp | null }> {
    const before = this.sources.statOf?.(id) ?? null;
    const study = await this.sources.readStudy(id).catch(() => undefined);
    const after = this.sources.statOf?.(id) ?? null;
    const same = before && after && before.mtimeMs === after.mtimeMs && before.size === after.size;
    return { study, stamp: same ? after : null };
  }
}

function firstOf<K, V>(items: Map<K, V>, count: number): Array<[K, V]> {
  const out: Array<[K, V]> = [];
  for (const item of items) {
    if (out.length === count) break;
    out.push(item);
  }
  return out;
}
