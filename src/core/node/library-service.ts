// The library's search index and publish-check badges for one open workspace. The index
// starts from the summaries (titles and summaries searchable at once) and reads full studies
// in the background; saves through the service keep it current, and lists re-sync it with
// files changed outside the app (git pull, the CLI). A search waits for the summaries only,
// never for the background reading: its page says how much of the full text is indexed.
import type { Finding } from '../pure/checks/finding';
import { StudyNames } from '../pure/checks/study-names';
import { queryLibrary, queryListed, type LibraryPage, type LibraryQuery } from '../pure/library/library-query';
import { SearchIndex } from '../pure/library/search-index';
import { indexChanges } from '../pure/library/search-index-sync';
import { restoreInBulk, type Pause, type RestoredStudy } from '../pure/library/search-index-restore';
import { indexTitlesInBulk } from '../pure/library/search-index-titles';
import type { Study, StudySummary } from '../pure/schemas/study';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { inPool } from '../pure/work-pool';
import { LibraryOnDisk } from './library-on-disk';
import { inTimeSlices, pauseEvery } from './time-slices';
import { byNewestEdit } from '../pure/study-order';
import { sameStamp, type FileStamp } from './study-files';
import { LibraryBadges, type CheckCounts } from './library-badges';
import type { LibrarySources } from './library-sources';
import { indexOnThreads } from './library-threads';

export type { CheckCounts };

// Few reads at a time, and a turn of the event loop after each study: a search that arrives
// meanwhile waits for one study's indexing at most, never for a batch.
const READ_BATCH = 4;

/** Studies taken from the index on disk per pass, in slices of SLICE_MS. */
const RESTORE_BATCH = 512;
const SLICE_MS = 8;
/** Written again after the background reading when at least this many studies changed (else on quit). */
const REWRITE_AFTER = 100;
/** From this many studies to read at once, they are read on worker threads (study-intake.ts). */
const INTAKE_FROM = 200;
/** A search re-lists the folder when its stamp changed, or (in the background) when the last list is older than this. */
const RELIST_AFTER_MS = 2_000;
/** From this many new titles at one list, they are indexed in slices after the list is answered. */
const TITLES_IN_SLICES_FROM = 200;

export class LibraryService {
  private index = new SearchIndex();
  private readonly badges: LibraryBadges;
  /** Titles and slugs for the duplicate checks; kept as the list until a check needs them (not before a first page). */
  private names: StudyNames | StudySummary[] = new StudyNames();
  private listing: Promise<void> | null = null;
  private listedAt = -Infinity;
  private listedStamp: number | null = null;
  /**
   * Studies to read in full, in the order the background reader takes them, each with the
   * number of the request: a study queued again while its read is in flight (changed on disk
   * meanwhile) is read again rather than given the older content.
   */
  private pending = new Map<string, number>();
  private requests = 0;
  private reading: Promise<void> | null = null;
  private writing: Promise<void> | null = null;
  private readonly onDisk: LibraryOnDisk | null;
  /**
   * A list whose titles are still going into the index (a large workspace just opened): pages
   * without search words are answered from it meanwhile. Studies saved or removed since are
   * left to the index (`touched`).
   */
  private takingIn: { byRecency: StudySummary[]; done: Promise<void>; touched: Set<string> } | null = null;
  /** While the index is built in bulk from the file: the studies changed meanwhile (kept as they are live). */
  private touched: Set<string> | null = null;
  /** The bulk build runs once, at the first read after opening: later passes take a few studies each. */
  private bulkTried = false;
  /** Aborted by close(): the background reading stops. */
  private readonly closing = new AbortController();

  constructor(private readonly sources: LibrarySources) {
    this.onDisk = sources.indexFiles ? new LibraryOnDisk(sources.indexFiles) : null;
    this.badges = new LibraryBadges({ site: sources.site, prompts: sources.prompts, names: () => this.namesNow() });
  }

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

  /**
   * Stops the background reading (another workspace was opened: its reading must not compete
   * with this one's) and writes what was indexed so far, so the next open reads only the rest.
   */
  async close(): Promise<void> {
    this.closing.abort();
    this.pending.clear();
    // A list, a bulk build or a reading under way stops at its next slice.
    while (this.listing || this.reading || this.takingIn)
      await (this.listing ?? this.reading ?? this.takingIn!.done).catch(() => undefined);
    await this.flush();
  }

  /** Ends quietly what close() stopped (its pauses throw the abort); anything else is thrown on. */
  private readonly unlessClosed = (err: unknown): void => {
    if (!this.closing.signal.aborted) throw err;
  };

  /** A pause between slices of work that ends the work once the workspace is closed. */
  private pause(): Pause {
    return pauseEvery(SLICE_MS, this.closing.signal);
  }

  /** Brings the index fully up to date with the workspace, full text included. */
  async sync(): Promise<void> {
    await this.refreshSummaries();
    while (this.reading) await this.reading;
    while (this.writing) await this.writing.catch(() => undefined);
  }

  /** Answers from the summaries now; the full text fills in as the background reading goes. */
  async search(query: LibraryQuery): Promise<LibraryPage> {
    await this.refreshSummaries({ unlessRecent: true });
    // From the list while its titles go in, unless a save or removal made it stale meanwhile.
    const listed = this.takingIn?.touched.size === 0 ? this.takingIn.byRecency : null;
    const early = listed && queryListed(listed, query, this.index.bodiesIndexed);
    if (early) return { ...early, quarantined: this.sources.quarantinedCount() };
    await this.takingIn?.done;
    return { ...queryLibrary(this.index, query), quarantined: this.sources.quarantinedCount() };
  }

  /** Error and warning counts per study (for the library's badges): needs every study read. */
  async checkCounts(): Promise<Record<string, CheckCounts>> {
    await this.sync();
    // Taken from the index on disk under other settings, or counted before the settings changed:
    // read now; only then are the checks loaded (a reopen that found every count on disk needs none).
    const { counts } = this.badges.now();
    const missing = this.index.summaries().filter((s) => !counts.has(s.id));
    if (missing.length > 0)
      await Promise.all([this.badges.load(), this.sources.promptsRead?.().catch(() => undefined)]);
    await inPool(missing, READ_BATCH, async ({ id }) => {
      const study = await this.sources.readStudy(id).catch(() => null);
      if (study) this.badges.record(study);
    });
    return this.badges.all();
  }

  /** The publish findings of one study; duplicate titles and slugs are checked against the list. */
  async findingsOf(study: Study): Promise<Finding[]> {
    // The checks' code loads while the list is refreshed, as before the badges had their own object.
    await Promise.all([this.refreshSummaries({ unlessRecent: true }), this.badges.load()]);
    return this.badges.findingsOf(study);
  }

  /** A study was created or saved through the service. */
  saved(study: Study): void {
    this.takingIn?.touched.add(study.id);
    this.touched?.add(study.id);
    this.pending.delete(study.id);
    this.index.upsert(study);
    this.onDisk?.indexed(study.id, this.sources.statOf?.(study.id) ?? null);
    this.namesNow().set(study);
    this.badges.record(study);
  }

  removed(id: string): void {
    this.takingIn?.touched.add(id);
    this.touched?.add(id);
    this.pending.delete(id);
    this.index.remove(id);
    this.onDisk?.removed(id);
    this.badges.forget(id);
    this.namesNow().delete(id);
  }

  private namesNow(): StudyNames {
    if (Array.isArray(this.names)) this.names = StudyNames.of(this.names);
    return this.names;
  }

  /**
   * Lists the workspace and queues what changed for reading. Concurrent callers share one list.
   * `unlessRecent` (a search): when no file was added, removed or replaced since the last list
   * (the folder's stamp), the search is answered at once; a file written in place (by an
   * editor, not Casebook) changes no stamp, so the folder is listed again in the background
   * every RELIST_AFTER_MS (after the background reading) and the keystrokes after find it.
   * Listing 50,000 files took a search ~0.5 s when it waited.
   */
  private refreshSummaries(options: { unlessRecent?: boolean } = {}): Promise<void> {
    if (this.closing.signal.aborted) return Promise.resolve(); // answered from what the index holds
    if (options.unlessRecent && this.listedStamp !== null && this.sources.folderStamp() === this.listedStamp) {
      // Not while studies are read: their lists would take the readers' cores; the first
      // search after the reading lists again.
      if (!this.listing && !this.reading && this.listedAt + RELIST_AFTER_MS <= performance.now())
        void this.refreshSummaries().catch(() => undefined);
      return Promise.resolve();
    }
    this.listing ??= this.listSummaries().finally(() => {
      this.listing = null;
    });
    return this.listing;
  }

  private async listSummaries(): Promise<void> {
    await this.takingIn?.done; // one list goes into the index at a time
    // The stamp is taken first: a change during the list makes the next search list again.
    const stamp = this.sources.folderStamp();
    const summaries = await this.sources.listSummaries();
    if (this.closing.signal.aborted) return;
    this.listedStamp = stamp;
    this.listedAt = performance.now();
    const { toRead, toRemove } = indexChanges(this.index, summaries, (id) => this.changedSinceIndexed(id));
    for (const id of toRemove) this.removed(id);
    this.names = summaries;
    const taking = this.takeIn(summaries, toRead);
    // Listed from their file's head only (see StudyStore): indexed or not, their files must be
    // read in full so damage in the sections is found and the summary cache can vouch for them.
    const queueUnverified = (): void => {
      for (const id of this.sources.unverifiedIds()) if (!this.pending.has(id)) this.pending.set(id, ++this.requests);
    };
    if (!taking) queueUnverified();
    this.reading ??= (async () => {
      await taking; // the background reading starts from the titles in the index
      if (taking) queueUnverified();
      await this.readPending();
    })().finally(() => {
      this.reading = null;
    });
  }

  /**
   * Whether the store has read `id`'s file (valid) at another stamp than its indexed body was
   * read at, or its body was read while the file changed: the body may be stale even where the
   * updatedAt the list compares is the same. Also when its texts in the index file were damaged.
   */
  private changedSinceIndexed(id: string): boolean {
    if (!this.onDisk || !this.index.hasBody(id)) return false;
    if (this.onDisk.textsDamaged(id)) return true; // its texts were lost with the file's damage
    const now = this.sources.verifiedStamp?.(id);
    if (!now) return false;
    const then = this.onDisk.stampOf(id);
    return !then || !sameStamp(then, now);
  }

  /**
   * Puts the listed titles and summaries that changed into the index and queues their studies
   * for reading. Many (a large workspace just opened) go in slices after this list is answered,
   * a page without search words being served from the list meanwhile: the first page of 10,000
   * studies does not wait for 10,000 titles to be indexed. Returns the slices' end, if any.
   */
  private takeIn(summaries: StudySummary[], toRead: string[]): Promise<void> | null {
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const touched = new Set<string>();
    const take = (id: string): void => {
      if (touched.has(id)) return; // saved or removed through the service since the list: the index knows better
      // Titles and summaries at once (new, or changed outside the app); sections when read.
      const changed = this.index.summary(id)?.updatedAt !== byId.get(id)!.updatedAt;
      if (changed) {
        this.touched?.add(id);
        this.index.upsert(byId.get(id)!);
      }
      // A study already queued for this version keeps its place (and its read in flight).
      if (changed || !this.pending.has(id)) this.pending.set(id, ++this.requests);
    };
    if (toRead.length < TITLES_IN_SLICES_FROM) {
      toRead.forEach(take);
      return null;
    }
    const inOrder = summaries.every((s, i) => i === 0 || byNewestEdit(summaries[i - 1]!, s) <= 0);
    const byRecency = inOrder ? summaries : [...summaries].sort(byNewestEdit);
    const done = (
      this.index.size === 0
        ? this.takeInBulk(summaries, toRead, take, touched)
        : inTimeSlices(toRead, take, SLICE_MS, this.closing.signal)
    ).catch(this.unlessClosed);
    const taking = { byRecency, touched, done };
    this.takingIn = taking;
    taking.done = taking.done.finally(() => {
      if (this.takingIn === taking) this.takingIn = null;
    });
    return taking.done;
  }

  /**
   * takeIn for an empty index (a workspace just opened): from the index file when it holds most
   * studies as their files are now (a reopen: full text at once), else titles and summaries
   * in bulk; then swapped in for the live index, which holds only what was saved or removed
   * through the service meanwhile (`touched`: taken over as it holds them).
   */
  private async takeInBulk(
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
        await pause();
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
      await pause();
    }
    if (taken.length === 0 || taken.length < listed.length / 2) return null;
    const index = await restoreInBulk(file.postings, chosen, pause);
    return index && { index, taken, key: checkKey };
  }

  /**
   * Reads queued studies in full, a few at a time, until none is left; a study whose file is
   * as the index on disk recorded it is taken from there instead (no file read).
   */
  private async readPending(): Promise<void> {
    // The prompts (for the checks of studies read) are read, with the Markdown parser they
    // load, once a study is to be read: a reopen that takes every study from the index file
    // evaluates neither while its first searches are answered.
    let promptsRead: Promise<unknown> | undefined;
    await this.onDisk?.load();
    await this.restoreFromDisk().catch(this.unlessClosed);
    const checkKey = this.badges.key();
    let read = 0;
    while (this.pending.size > 0 && !this.closing.signal.aborted) {
      // With workers, every queued study at once: they read while this thread takes the rest from disk.
      const batch = firstOf(this.pending, this.sources.intake ? this.pending.size : RESTORE_BATCH);
      const toRead: typeof batch = [];
      let sliceStart = performance.now();
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
        if (performance.now() - sliceStart > SLICE_MS) {
          await nextTurn();
          sliceStart = performance.now();
        }
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
