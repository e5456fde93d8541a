// The library's search index and publish-check badges for one open workspace. The index
// starts from the summaries (titles and summaries searchable at once) and reads full studies
// in the background; saves through the service keep it current, and lists re-sync it with
// files changed outside the app (git pull, the CLI). A search waits for the summaries only,
// never for the background reading: its page says how much of the full text is indexed.
import { checkStudy } from '../pure/checks/publish-checks';
import type { Finding } from '../pure/checks/finding';
import { StudyNames } from '../pure/checks/study-names';
import type { TemplatePrompts } from '../pure/checks/template-prompts';
import { queryLibrary, type LibraryPage, type LibraryQuery } from '../pure/library/library-query';
import { SearchIndex } from '../pure/library/search-index';
import { indexChanges } from '../pure/library/search-index-sync';
import { restoreInBulk, type Pause, type RestoredStudy } from '../pure/library/search-index-restore';
import type { SiteSettings } from '../pure/schemas/site';
import type { Study, StudySummary } from '../pure/schemas/study';
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { inPool } from '../pure/work-pool';
import { LibraryOnDisk, type IndexFiles } from './library-on-disk';
import type { FileStamp } from './study-files';

export interface CheckCounts {
  errors: number;
  warnings: number;
}

interface LibrarySources {
  listSummaries(): Promise<StudySummary[]>;
  readStudy(id: string): Promise<Study | null>;
  site(): SiteSettings;
  /** The workspace's template prompts, as last read. */
  prompts?(): TemplatePrompts | undefined;
  /** Resolves once the prompts have been read (the checks wait for it; a search does not). */
  promptsRead?(): Promise<unknown>;
  /**
   * Changes when a study file is added, removed or replaced by rename (every atomic save):
   * the studies folder's mtime. Lets a search skip re-listing the folder per keystroke.
   */
  folderStamp(): number | null;
  /** Every study has been read in full (e.g. to write the summary cache). */
  onIndexed?(): void;
  /** Studies listed from their file's head whose full file has not been read yet. */
  unverifiedIds(): string[];
  /** How many files are set aside in the workspace (see LibraryPage.quarantined). */
  quarantinedCount(): number;
  /** The study file's mtime and size now; null when it is gone. */
  statOf?(id: string): FileStamp | null;
  /** The stamp at which the store read the whole file and found it valid (or its signed cache says so). */
  verifiedStamp?(id: string): FileStamp | null;
  /** The full-text index kept on disk between runs (none: every open reads every study). */
  indexFiles?: IndexFiles;
}

// Few reads at a time, and a turn of the event loop after each study: a search that arrives
// meanwhile waits for one study's indexing at most, never for a batch.
const READ_BATCH = 4;
/** Studies taken from the index on disk per pass, in slices of SLICE_MS. */
const RESTORE_BATCH = 512;
const SLICE_MS = 8;
/** Written again after the background reading when at least this many studies changed (else on quit). */
const REWRITE_AFTER = 100;
/** A search re-lists the folder when its stamp changed, or when the last list is older than this. */
const RELIST_AFTER_MS = 2_000;

export class LibraryService {
  private index = new SearchIndex();
  private counts = new Map<string, CheckCounts & { updatedAt: string }>();
  private names = new StudyNames();
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
  /** While the index is built in bulk from the file: the studies changed meanwhile (kept as they are live). */
  private touched: Set<string> | null = null;

  constructor(private readonly sources: LibrarySources) {
    this.onDisk = sources.indexFiles ? new LibraryOnDisk(sources.indexFiles) : null;
  }

  /** Writes the full-text index to disk now if it changed (on quit: the next open reads nothing). */
  async flush(): Promise<void> {
    // One write at a time, and sync() waits for it: nothing writes into the workspace after a
    // caller was told the index is up to date (a test removing the folder, a quit).
    const write = (this.writing ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.onDisk?.save(this.index, this.counts, this.checkKey()));
    this.writing = write;
    try {
      await write;
    } finally {
      if (this.writing === write) this.writing = null;
    }
  }

  /** What the publish-check counts depend on beyond the study: its settings (counts on disk count while they match). */
  private checkKey(): string {
    return createHash('sha256').update(JSON.stringify(this.sources.site())).digest('base64url');
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
    return { ...queryLibrary(this.index, query), quarantined: this.sources.quarantinedCount() };
  }

  /** Error and warning counts per study (for the library's badges): needs every study read. */
  async checkCounts(): Promise<Record<string, CheckCounts>> {
    await this.sync();
    // Taken from the index on disk under other settings: read now, as they were not before.
    const missing = this.index.summaries().filter((s) => !this.counts.has(s.id));
    await inPool(missing, READ_BATCH, async ({ id }) => {
      const study = await this.sources.readStudy(id).catch(() => null);
      if (study) this.record(study);
    });
    const out: Record<string, CheckCounts> = {};
    for (const [id, { errors, warnings }] of this.counts) out[id] = { errors, warnings };
    return out;
  }

  /** The publish findings of one study; duplicate titles and slugs are checked against the list. */
  async findingsOf(study: Study): Promise<Finding[]> {
    await this.refreshSummaries({ unlessRecent: true });
    return this.findings(study);
  }

  private findings(study: Study): Finding[] {
    return checkStudy(study, { site: this.sources.site(), names: this.names, prompts: this.sources.prompts?.() });
  }

  /** A study was created or saved through the service. */
  saved(study: Study): void {
    this.touched?.add(study.id);
    this.pending.delete(study.id);
    this.index.upsert(study);
    this.onDisk?.indexed(study.id, this.sources.statOf?.(study.id) ?? null);
    this.names.set(study);
    this.record(study);
  }

  removed(id: string): void {
    this.touched?.add(id);
    this.pending.delete(id);
    this.index.remove(id);
    this.onDisk?.removed(id);
    this.counts.delete(id);
    this.names.delete(id);
  }

  private record(study: Study): void {
    if (this.sources.prompts && this.sources.prompts() === undefined) {
      this.counts.delete(study.id); // templates not read yet: checkCounts reads it again after them
      return;
    }
    const findings = this.findings(study);
    const errors = findings.filter((f) => f.severity === 'error').length;
    this.counts.set(study.id, { updatedAt: study.updatedAt, errors, warnings: findings.length - errors });
  }

  /** Lists the workspace and queues what changed for reading. Concurrent callers share one list. */
  private refreshSummaries(options: { unlessRecent?: boolean } = {}): Promise<void> {
    if (this.listing) return this.listing;
    if (options.unlessRecent && this.listedAt + RELIST_AFTER_MS > performance.now()) {
      const stamp = this.sources.folderStamp();
      if (stamp !== null && stamp === this.listedStamp) return Promise.resolve();
    }
    this.listing = this.listSummaries().finally(() => {
      this.listing = null;
    });
    return this.listing;
  }

  private async listSummaries(): Promise<void> {
    // The stamp is taken first: a change during the list makes the next search list again.
    const stamp = this.sources.folderStamp();
    const summaries = await this.sources.listSummaries();
    this.listedStamp = stamp;
    this.listedAt = performance.now();
    this.names = StudyNames.of(summaries);
    const { toRead, toRemove } = indexChanges(this.index, summaries);
    for (const id of toRemove) this.removed(id);
    const byId = new Map(summaries.map((s) => [s.id, s]));
    for (const id of toRead) {
      // Titles and summaries at once (new, or changed outside the app); sections when read.
      const changed = this.index.summary(id)?.updatedAt !== byId.get(id)!.updatedAt;
      if (changed) {
        this.touched?.add(id);
        this.index.upsert(byId.get(id)!);
      }
      // A study already queued for this version keeps its place (and its read in flight).
      if (changed || !this.pending.has(id)) this.pending.set(id, ++this.requests);
    }
    // Listed from their file's head only (see StudyStore): indexed or not, their files must be
    // read in full so damage in the sections is found and the summary cache can vouch for them.
    for (const id of this.sources.unverifiedIds()) if (!this.pending.has(id)) this.pending.set(id, ++this.requests);
    this.reading ??= this.readPending().finally(() => {
      this.reading = null;
    });
  }

  /**
   * Reads queued studies in full, a few at a time, until none is left; a study whose file is
   * as the index on disk recorded it is taken from there instead (no file read).
   */
  private async readPending(): Promise<void> {
    // The prompts (for the checks of studies read) load while the index file is read.
    const promptsRead = this.sources.promptsRead?.().catch(() => undefined);
    await this.onDisk?.load();
    const checkKey = this.checkKey();
    await this.restoreFromDisk(checkKey);
    let read = 0;
    while (this.pending.size > 0) {
      const batch = firstOf(this.pending, RESTORE_BATCH);
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
        if (counts) this.counts.set(id, { ...counts, updatedAt: summary.updatedAt });
        if (performance.now() - sliceStart > SLICE_MS) {
          await nextTurn();
          sliceStart = performance.now();
        }
      }
      await promptsRead;
      for (let from = 0; from < toRead.length; from += READ_BATCH)
        await this.readSome(toRead.slice(from, from + READ_BATCH));
      read += toRead.length;
      await nextTurn();
    }
    if (read > 0) this.sources.onIndexed?.();
    if ((this.onDisk?.pendingChanges ?? 0) >= REWRITE_AFTER) void this.flush().catch(() => undefined);
  }

  /**
   * Takes every queued study whose file is as the index file recorded it, in bulk (see
   * search-index-restore.ts), then swaps the index built for the one searched so far; what
   * changed meanwhile (saved, removed, re-listed) stays as the live index holds it.
   */
  private async restoreFromDisk(checkKey: string): Promise<void> {
    const file = this.onDisk?.file;
    if (!file?.postings) return;
    this.touched = new Set();
    try {
      const chosen: (RestoredStudy | null)[] = new Array<RestoredStudy | null>(file.studies.size).fill(null);
      const taken: Array<[string, { errors: number; warnings: number } | undefined]> = [];
      const pause = slices(SLICE_MS);
      for (const id of [...this.pending.keys()]) {
        const summary = this.index.summary(id);
        const found = summary && this.onDisk!.take(summary, this.sources.verifiedStamp?.(id) ?? null);
        if (found) {
          chosen[found.at] = { summary, from: found.from, n: found.n, sections: found.sections };
          taken.push([id, this.onDisk!.countsFrom(found, checkKey)]);
        }
        await pause();
      }
      if (taken.length === 0) return;
      const built = await restoreInBulk(file.postings, chosen, pause);
      if (!built) return; // the study-by-study path below takes what it can
      // From here to the swap nothing awaits: the live index cannot change under it.
      for (const { id } of this.index.summaries())
        if (!built.has(id) || this.touched.has(id)) built.adopt(this.index, id);
      for (const [id] of taken) if (!this.index.has(id)) built.remove(id);
      this.index = built;
      for (const [id, counts] of taken) {
        if (this.touched.has(id)) continue;
        this.pending.delete(id);
        if (counts) this.counts.set(id, { ...counts, updatedAt: built.summary(id)!.updatedAt });
      }
    } finally {
      this.touched = null;
    }
  }

  /** Reads a few queued studies in full (at once) and indexes them one turn of the event loop apart. */
  private async readSome(batch: Array<[string, number]>): Promise<void> {
    // A file that cannot be read now (locked, I/O error) keeps its title-only entry and
    // is tried again at the next list (indexChanges queues studies without a body).
    const studies = await Promise.all(batch.map(([id]) => this.readStamped(id)));
    for (const [i, [id, request]] of batch.entries()) {
      // Saved or removed through the service meanwhile, or queued again: this read is stale.
      if (this.pending.get(id) !== request) continue;
      this.pending.delete(id);
      const { study, stamp } = studies[i]!;
      if (study) {
        this.index.upsert(study);
        this.record(study);
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

/** A Pause that yields a turn of the event loop every `ms` of work. */
function slices(ms: number): Pause {
  let start = performance.now();
  return () => {
    if (performance.now() - start < ms) return undefined;
    return nextTurn().then(() => {
      start = performance.now();
    });
  };
}

function firstOf<K, V>(items: Map<K, V>, count: number): Array<[K, V]> {
  const out: Array<[K, V]> = [];
  for (const item of items) {
    if (out.length === count) break;
    out.push(item);
  }
  return out;
}
