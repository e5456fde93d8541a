// The library's search index and publish-check badges for one open workspace. The index
// starts from the summaries (titles and summaries searchable at once) and reads full studies
// in the background; saves through the service keep it current, and lists re-sync it with
// files changed outside the app (git pull, the CLI). A search waits for the list only, never
// for the index to take it in nor for the background reading: its page says how much of the
// full text is indexed.
import type { Finding } from '../pure/checks/finding';
import { StudyNames } from '../pure/checks/study-names';
import type { LibraryPage, LibraryQuery } from '../pure/library/library-page-schema';
import { queryLibrary, forgetListed, listedTextsOf, queryListed, searchesText } from '../pure/library/library-query';
import { indexChanges } from '../pure/library/search-index-sync';
import type { Study, StudySummary } from '../pure/schemas/study';
import { inPool } from '../pure/work-pool';
import { inTimeSlices, pauseEvery } from './time-slices';
import { byNewestEdit } from '../pure/study-order';
import { sameStamp } from './study-files';
import type { CheckCounts } from './library-badges';
import { LibraryReading, READ_BATCH, SLICE_MS } from './library-reading';

export type { CheckCounts };

/** A search re-lists the folder when its stamp changed, or (in the background) when the last list is older than this. */
const RELIST_AFTER_MS = 2_000;
/** Listed studies whose texts are made between two checks of the time (prepareListedSearch). */
const LISTED_TEXTS_AT_ONCE = 32;
/** From this many new titles at one list, they are indexed in slices after the list is answered. */
const TITLES_IN_SLICES_FROM = 200;

export class LibraryService extends LibraryReading {
  /** Titles and slugs for the duplicate checks; kept as the list until a check needs them (not before a first page). */
  private names: StudyNames | StudySummary[] = new StudyNames();
  private listing: Promise<void> | null = null;
  private listedAt = -Infinity;
  private listedStamp: number | null = null;
  /**
   * A list whose titles are still going into the index (a large workspace just opened): pages
   * are answered from it meanwhile, a search by its titles and summaries while the index holds
   * nothing else (listed-search.ts). Studies saved or removed since are left to the index
   * (`touched`).
   */
  private takingIn: {
    byRecency: StudySummary[];
    done: Promise<void>;
    touched: Set<string>;
  } | null = null;

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

  /** Brings the index fully up to date with the workspace, full text included. */
  async sync(): Promise<void> {
    await this.refreshSummaries();
    while (this.reading) await this.reading;
    while (this.writing) await this.writing.catch(() => undefined);
  }

  /** Answers from the summaries now; the full text fills in as the background reading goes. */
  async search(query: LibraryQuery): Promise<LibraryPage> {
    await this.refreshSummaries({ unlessRecent: true });
    // From the list while its titles go in, unless a save or removal made it stale meanwhile; a
    // search by words only while the index holds nothing else (a workspace just opened): a
    // later list goes in within a few slices, and the index has the full text of the rest.
    const taking = this.takingIn?.touched.size === 0 ? this.takingIn : null;
    if (taking && (!searchesText(query.query ?? '') || this.index.size === 0))
      return {
        ...queryListed(taking.byRecency, query, this.index.bodiesIndexed),
        quarantined: this.sources.quarantinedCount(),
      };
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

  protected namesNow(): StudyNames {
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
   * Makes the texts a search of the list reads, in slices while the index is made, so the first
   * keystroke does not wait for them (~60 ms at 50,000 studies); stops once the index is in.
   */
  private async prepareListedSearch(taking: NonNullable<LibraryService['takingIn']>): Promise<void> {
    const texts = listedTextsOf(taking.byRecency);
    const pause = pauseEvery(SLICE_MS, this.closing.signal);
    try {
      while (this.takingIn === taking && !texts.fill(LISTED_TEXTS_AT_ONCE)) {
        const turn = pause();
        if (turn) await turn;
      }
    } catch {
      // closed: the texts are no longer wanted
    }
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
    const bulk = this.index.size === 0;
    const done = (
      bulk
        ? this.takeInBulk(summaries, toRead, take, touched)
        : inTimeSlices(toRead, take, SLICE_MS, this.closing.signal)
    ).catch(this.unlessClosed);
    const taking = { byRecency, touched, done };
    this.takingIn = taking;
    if (bulk) void this.prepareListedSearch(taking);
    taking.done = taking.done.finally(() => {
      if (this.takingIn === taking) this.takingIn = null;
      forgetListed(byRecency); // its texts and filter table: tens of MB at 50,000 studies
    });
    return taking.done;
  }
}
