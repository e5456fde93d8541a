// The studies of a workspace: one lowdb-backed JSON file per study in studies/<id>.json.
// A save reads and writes that one file; the list keeps an index of summaries in step with
// the folder (study-index.ts: unchanged files are not parsed again, a large workspace is
// listed from file heads and verified later). Each file is read by StudyFileReader: any
// failure of one file sets it aside or skips it with a reason, and the rest always opens.
// A file from a newer Casebook is left untouched and makes the store read-only (nor is the
// cache written then); a save that fails says why and what to do. Deleted studies go to
// .trash/, which keeps every version (study-trash.ts).
// Slugs are unique on disk, not only in this process: each is chosen under a workspace lock
// from what the folder holds at that moment (the app and the CLI may create at once).
import { statOrNull } from './file-exists';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { removeStaleWriteFiles, withFileLock, writeFailure } from './atomic-write';
import { CasebookError } from '../pure/errors';
import { KeyedQueue } from '../pure/keyed-queue';
import type { QuarantineEntry } from './quarantine';
import { lstatOrNull } from './regular-file';
import { studyFromDraft, type StudyDraft } from '../pure/new-study';
import { studySchema, toSummary, type Study, type StudyPatch, type StudySummary } from '../pure/schemas/study';
import { slugFollowsTitle, slugFromTitle, uniqueSlug } from '../pure/slug';
import { idOf, inPool, newStudyId, sameStamp, stampOf, STUDIES_DIR, TRASH_DIR } from './study-files';
import { StudyFileReader, type SkippedFile } from './study-file-reader';
import { HEAD_READ_FROM, StudyIndex } from './study-index';
import { StudyTrash } from './study-trash';
import { CACHE_DIR } from './summary-cache';
import { ensureWorkspaceFolder } from './workspace-folders';

export { STUDIES_DIR, TRASH_DIR } from './study-files';
export type { SkippedFile } from './study-file-reader';
/** The lock (in studies/) under which a slug is chosen and written, by any process. */
const SLUG_LOCK_TARGET = 'slugs';
export { HEAD_READ_FROM } from './study-index';

export interface StudyStoreOptions {
  /** See HEAD_READ_FROM. */
  headReadFrom?: number;
}

export type { StudyDraft } from '../pure/new-study';

export class StudyStore {
  private readonly summaries: StudyIndex;
  private readonly index;
  private indexLoaded = false;
  private queue = new KeyedQueue();
  private readonly files: StudyFileReader;
  private readonly trash: StudyTrash;
  /** Files quarantined since this store opened, reported through the API. */
  readonly onQuarantine: Array<(entry: QuarantineEntry) => void>;
  /** Set by open(), which the service skips for a workspace it must not write. */
  private mayWriteCache = false;
  /** Counts this store's writes and deletes: a list started before one is not shared after it. */
  private gen = 0;
  private listing: { gen: number; result: Promise<StudySummary[]> } | null = null;
  private readonly headReadFrom: number;

  constructor(
    readonly workspace: string,
    options: StudyStoreOptions = {},
  ) {
    this.headReadFrom = options.headReadFrom ?? HEAD_READ_FROM;
    this.summaries = new StudyIndex(workspace);
    this.index = this.summaries.entries;
    this.files = new StudyFileReader(workspace, (file) => {
      if (path.dirname(file) === this.studiesDir) this.index.delete(idOf(path.basename(file)));
    });
    this.onQuarantine = this.files.onQuarantine;
    this.trash = new StudyTrash(this.trashDir, this.files);
  }

  get studiesDir(): string {
    return path.join(this.workspace, STUDIES_DIR);
  }
  get trashDir(): string {
    return path.join(this.workspace, TRASH_DIR);
  }
  private fileFor(id: string, dir = this.studiesDir): string {
    return path.join(dir, `${id}.json`);
  }
  /** Creates the folders and cleans what a crashed writer left in them (stale temp and lock files). */
  async open(): Promise<void> {
    await fsp.mkdir(this.workspace, { recursive: true });
    await ensureWorkspaceFolder(this.workspace, STUDIES_DIR);
    await ensureWorkspaceFolder(this.workspace, TRASH_DIR);
    for (const dir of [this.studiesDir, this.trashDir, path.join(this.workspace, CACHE_DIR)])
      await removeStaleWriteFiles(dir);
    this.mayWriteCache = true;
  }

  /** Files in studies/ and .trash/ left where they are, and why (reported with the quarantine). */
  skippedFiles(): SkippedFile[] {
    return this.files.skippedFiles();
  }

  /**
   * Why this workspace must not be written, or null. Set once a study file from a newer
   * Casebook has been seen: saving beside it could mix formats, so nothing is written.
   */
  get readOnlyReason(): string | null {
    return this.files.newerReason();
  }

  /** Every write starts here: the whole folder must have been seen once to know it is ours. */
  private async ensureWritable(): Promise<void> {
    if (!this.indexLoaded) await this.list();
    const reason = this.readOnlyReason;
    if (reason) throw new CasebookError('read_only', reason);
  }

  /**
   * Summaries of every study, newest edit first. Invalid files are quarantined; when many
   * files were new (HEAD_READ_FROM), some summaries may be unverified (see unverifiedIds()).
   * Lists asked for while one runs, with no write in between, share its result.
   */
  async list(): Promise<StudySummary[]> {
    const running = this.listing;
    if (running && running.gen === this.gen) return [...(await running.result)];
    const listing = { gen: this.gen, result: this.listNow() };
    this.listing = listing;
    try {
      return [...(await listing.result)];
    } finally {
      if (this.listing === listing) this.listing = null;
    }
  }

  private async listNow(): Promise<StudySummary[]> {
    await this.refreshIndex();
    // ISO times of one format sort as plain strings (and much faster than localeCompare).
    return [...this.index.values()]
      .map((e) => e.summary)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  /** Brings the index in step with the studies folder. */
  private async refreshIndex(): Promise<void> {
    const read = await this.summaries.refresh({
      dir: this.studiesDir,
      reader: this.files,
      gen: () => this.gen,
      headReadFrom: this.headReadFrom,
    });
    this.indexLoaded = true;
    // Files had to be read: keep what was learned for the next open. (Files gone or set
    // aside alone need no write: an entry without its file is never used.)
    if (read.size > 0) await this.saveSummaryCache(read);
  }

  /** Studies listed from their file's head whose full file has not been read yet. */
  unverifiedIds(): string[] {
    return this.summaries.unverifiedIds();
  }

  /**
   * Reads every unverified study in full (quarantining damage), then writes the summary
   * cache. For callers that need the list exact now (the CLI); the app indexes in the background.
   */
  async verifyAll(onProgress?: (done: number, total: number) => void): Promise<void> {
    const ids = this.unverifiedIds();
    let done = 0;
    await inPool(ids, VERIFY_CONCURRENCY, async (id) => {
      await this.get(id).catch((err: unknown) => {
        if (!(err instanceof CasebookError && (err.code === 'not_found' || err.code === 'read_only'))) throw err;
      });
      onProgress?.(++done, ids.length);
    });
    if (ids.length > 0) await this.saveSummaryCache();
  }

  /**
   * Writes the in-memory index to the summary cache when it differs from the cache on disk
   * (see StudyIndex.saveCache). Saves do not call it (a save must not rewrite a 10,000-entry
   * file); a list that read files does, and the app may call it when idle or on quit.
   */
  saveSummaryCache(changedIds?: Set<string>): Promise<void> {
    // Before a first list the index knows too little to replace the cache with.
    const mayWrite = (): boolean => this.mayWriteCache && this.indexLoaded && this.readOnlyReason === null;
    return this.summaries.saveCache(mayWrite, changedIds);
  }

  /**
   * The study in studies/<id>.json, read and validated in full; null when it is missing, set
   * aside now, skipped or from a newer Casebook (StudyFileReader).
   */
  private readStudyFile(id: string): Promise<Study | null> {
    return this.files.read(this.fileFor(id), id);
  }

  async get(id: string): Promise<Study> {
    const file = this.fileFor(id);
    const unverified = this.index.get(id);
    const before = unverified && !unverified.verified ? statOrNull(file) : null;
    const study = await this.readStudyFile(id);
    // The file read is the one its head was listed from: the entry now stands for a valid study.
    if (study && before && unverified && this.index.get(id) === unverified && sameStamp(before, unverified))
      this.index.set(id, { ...unverified, summary: toSummary(study), verified: true });
    if (!study) {
      const version = this.files.newer.get(this.files.relative(file));
      if (version !== undefined) {
        throw new CasebookError(
          'read_only',
          `This case study was written by a newer version of Casebook (format ${version}); update Casebook to open it. The file is left untouched.`,
        );
      }
      const skipped = this.files.skipped.get(this.files.relative(file));
      if (skipped !== undefined)
        throw new CasebookError(
          'not_found',
          `${this.files.relative(file)} cannot be opened: ${skipped}. It is left where it is.`,
        );
      throw new CasebookError('not_found', `No case study with id "${id}" (it may have been deleted or quarantined).`);
    }
    return study;
  }

  /**
   * The study's updatedAt as on disk, cheaply: the open study is polled for outside changes
   * every few seconds. From the index while the file's mtime and size are as it recorded;
   * otherwise the file is read (and validated) as by get().
   */
  async updatedAt(id: string): Promise<string> {
    const entry = this.index.get(id);
    const stat = entry ? statOrNull(this.fileFor(id)) : null;
    if (entry && stat && sameStamp(stat, entry)) return entry.summary.updatedAt;
    const study = await this.get(id);
    // Changed on disk (another process saved it): the index learns it, so the next poll need not read.
    const after = statOrNull(this.fileFor(id));
    if (entry && stat && after && sameStamp(after, stat) && this.index.get(id) === entry)
      this.index.set(id, { ...stampOf(after), summary: toSummary(study), verified: true, gen: this.gen });
    return study.updatedAt;
  }

  async create(draft: StudyDraft = {}): Promise<Study> {
    await this.ensureWritable();
    return this.withSlugLock(async () => {
      const taken = await this.takenSlugs();
      const now = this.nextTimestamp();
      // An import may carry its original id and times (a lossless round trip); a taken id never is.
      const idFree =
        draft.id !== undefined && !this.index.has(draft.id) && lstatOrNull(this.fileFor(draft.id)) === null;
      const study = studyFromDraft(draft, {
        id: idFree && draft.id ? draft.id : newStudyId(),
        slug: uniqueSlug(draft.slug ?? slugFromTitle(draft.title ?? ''), taken),
        now,
      });
      await this.write(study);
      return study;
    });
  }

  /** Applies a validated partial patch; bumps updatedAt; keeps the slug unique. */
  async update(id: string, patch: StudyPatch, baseUpdatedAt?: string): Promise<Study> {
    await this.ensureWritable();
    // The queue orders this process's saves; the lock file orders them against other
    // processes (the CLI, a second app), so the check below and the write are one step.
    return this.queue
      .run(id, () => withFileLock(this.fileFor(id), () => this.updateLocked(id, patch, baseUpdatedAt)))
      .catch((err: unknown) => {
        throw writeFailure(`save "${this.index.get(id)?.summary.title || 'Untitled'}"`, err);
      });
  }

  private async updateLocked(id: string, patch: StudyPatch, baseUpdatedAt?: string): Promise<Study> {
    const current = await this.get(id);
    if (baseUpdatedAt !== undefined && current.updatedAt !== baseUpdatedAt) {
      throw new CasebookError(
        'conflict',
        `"${current.title || 'Untitled'}" was changed on disk (saved ${current.updatedAt}) after you opened it; reload it or keep your version.`,
      );
    }
    const next: Study = { ...current, ...patch, updatedAt: this.nextTimestamp(current.updatedAt) };
    let wanted: string | null = null;
    if (patch.slug !== undefined && patch.slug !== current.slug) wanted = patch.slug;
    else if (
      patch.title !== undefined &&
      patch.title !== current.title &&
      current.status === 'draft' &&
      slugFollowsTitle(current.slug, current.title)
    ) {
      // A draft's slug follows its title; once published (or set by hand) it stays put.
      wanted = slugFromTitle(patch.title);
    }
    if (wanted === null) {
      await this.write(studySchema.parse(next));
      return next;
    }
    const slug = wanted;
    return this.withSlugLock(async () => {
      next.slug = uniqueSlug(slug, await this.takenSlugs(id));
      await this.write(studySchema.parse(next));
      return next;
    });
  }

  /** Moves the study file to .trash/; restorable. A version already in the trash is kept beside it. */
  async delete(id: string): Promise<void> {
    await this.ensureWritable();
    await this.queue.run(id, () =>
      withFileLock(this.fileFor(id), async () => {
        const study = await this.get(id);
        try {
          await ensureWorkspaceFolder(this.workspace, TRASH_DIR);
          await this.trash.put(id, this.fileFor(id));
        } catch (err) {
          throw writeFailure(`move "${study.title || 'Untitled'}" to the trash`, err);
        }
        this.gen++;
        this.index.delete(id);
      }),
    );
  }

  /** Restores the newest version of `id` in the trash (an older one then stands for it there). */
  async restore(id: string): Promise<Study> {
    await this.ensureWritable();
    return this.queue.run(id, () => withFileLock(this.fileFor(id), () => this.restoreLocked(id)));
  }

  private async restoreLocked(id: string): Promise<Study> {
    const found = await this.trash.newest(id);
    if (!found) throw new CasebookError('not_found', `No deleted case study with id "${id}" in the trash.`);
    if (lstatOrNull(this.fileFor(id)))
      throw new CasebookError('conflict', `A case study with id "${id}" already exists.`);
    const restored = await this.withSlugLock(async () => {
      const slug = uniqueSlug(found.study.slug, await this.takenSlugs(id));
      const study = { ...found.study, slug };
      await this.write(study);
      return study;
    });
    await fsp.rm(found.file, { force: true });
    return restored;
  }

  /** Deletes the newest version of `id` in the trash for good (older versions stay). */
  async purge(id: string): Promise<void> {
    await this.ensureWritable();
    await this.trash.purgeNewest(id).catch((err: unknown) => {
      throw writeFailure('delete the study permanently', err);
    });
  }

  listTrash(): Promise<StudySummary[]> {
    return this.trash.list();
  }

  private async write(study: Study): Promise<void> {
    const file = this.fileFor(study.id);
    const db = this.files.db(file);
    db.data = study;
    try {
      await db.write();
    } catch (err) {
      throw writeFailure(`save "${study.title || 'Untitled'}"`, err);
    }
    const stat = await fsp.stat(file);
    this.gen++;
    this.index.set(study.id, {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      summary: toSummary(study),
      verified: true,
      gen: this.gen,
    });
  }

  /**
   * Runs `task` (choose a slug, write the file) under the workspace's slug lock, so no other
   * process (the CLI, a second app or server) chooses a slug between our look and our write.
   */
  private withSlugLock<T>(task: () => Promise<T>): Promise<T> {
    return withFileLock(path.join(this.studiesDir, SLUG_LOCK_TARGET), task, 'the new address (slug)');
  }

  /**
   * Slugs of the studies on disk now (other than `exceptId`), read afresh: another process
   * may have written since this store last looked. Call under the slug lock.
   */
  private async takenSlugs(exceptId?: string): Promise<Set<string>> {
    await this.refreshIndex();
    const taken = new Set<string>();
    for (const [id, entry] of this.index) if (id !== exceptId) taken.add(entry.summary.slug);
    return taken;
  }

  private lastTimestamp = '';
  /** ISO time that is always later than `after` and than the previous one we handed out. */
  private nextTimestamp(after = ''): string {
    let now = new Date();
    const floor = [after, this.lastTimestamp].sort().at(-1) ?? '';
    if (now.toISOString() <= floor) now = new Date(Date.parse(floor) + 1);
    this.lastTimestamp = now.toISOString();
    return this.lastTimestamp;
  }
}

const VERIFY_CONCURRENCY = 16;
