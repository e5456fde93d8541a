// The studies of a workspace: one lowdb-backed JSON file per study in studies/<id>.json.
// This class is the store's face and its writes (create, update, delete, restore, purge); the
// parts each do one job: the list and single reads (study-listing.ts over study-index.ts:
// unchanged files are not parsed again, a large workspace is listed from file heads and
// verified later), reading one file (study-file-reader.ts: any failure of one file sets it
// aside or skips it with a reason, and the rest always opens), the trash (study-trash.ts,
// which keeps every version) and quarantine (quarantine.ts).
// A file from a newer Casebook is left untouched and makes the store read-only (nor is the
// cache written then); a save that fails says why and what to do.
// Slugs are unique on disk, not only in this process (study-slugs.ts).
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { removeStaleWriteFiles, withFileLock, writeFailure } from './atomic-write';
import { EditBases } from './edit-bases';
import { CasebookError } from '../pure/errors';
import { KeyedQueue } from '../pure/keyed-queue';
import type { QuarantineEntry } from './quarantine';
import { lstatOrNull } from './regular-file';
import { studyToWrite } from '../pure/merge/study-on-write';
import { studyFromDraft, type StudyDraft } from '../pure/new-study';
import { shownTitle, studySchema, type Study, type StudyPatch, type StudySummary } from '../pure/schemas/study';
import { newStudyId, StudyPaths, STUDIES_DIR, TRASH_DIR, type FileStamp } from './study-files';
import { statOrNull } from './file-exists';
import { StudyFileReader, type SkippedFile } from './study-file-reader';
import { HEAD_READ_FROM } from './study-index';
import { StudyListing } from './study-listing';
import { SlugClaims, slugForNew, slugWanted } from './study-slugs';
import { StudyTrash } from './study-trash';
import { CACHE_DIR } from './summary-cache';
import { ensureWorkspaceFolder } from './workspace-folders';

export { STUDIES_DIR, TRASH_DIR } from './study-files';
export type { SkippedFile } from './study-file-reader';
export { HEAD_READ_FROM } from './study-index';
export type { StudyDraft } from '../pure/new-study';

/** A change computed from the study as on disk (its store-owned conflict list included). */
export type StudyChange = (current: Study) => Partial<Study>;

export interface StudyStoreOptions {
  /** See HEAD_READ_FROM. */
  headReadFrom?: number;
  /** The workspace file is from a newer Casebook: damaged study files are skipped, never moved. */
  readOnly?: boolean;
}

export class StudyStore {
  private readonly paths: StudyPaths;
  private readonly listing: StudyListing;
  private queue = new KeyedQueue();
  private readonly files: StudyFileReader;
  private readonly trash: StudyTrash;
  private readonly slugs: SlugClaims;
  private readonly editBases = new EditBases();
  /** Files quarantined since this store opened, reported through the API. */
  readonly onQuarantine: Array<(entry: QuarantineEntry) => void>;
  /** Set by open(), which the service skips for a workspace it must not write. */
  private mayWriteCache = false;

  constructor(
    readonly workspace: string,
    options: StudyStoreOptions = {},
  ) {
    this.paths = new StudyPaths(workspace);
    this.files = new StudyFileReader(
      workspace,
      (file) => {
        if (path.dirname(file) === this.studiesDir) this.listing.forgetFile(path.basename(file));
      },
      () => options.readOnly === true,
    );
    this.listing = new StudyListing(
      this.paths,
      this.files,
      options.headReadFrom ?? HEAD_READ_FROM,
      () => this.mayWriteCache,
    );
    this.onQuarantine = this.files.onQuarantine;
    this.trash = new StudyTrash(this.trashDir, this.files);
    this.slugs = new SlugClaims(this.studiesDir, this.listing);
  }

  get studiesDir(): string {
    return this.paths.studiesDir;
  }
  get trashDir(): string {
    return this.paths.trashDir;
  }
  private fileFor(id: string): string {
    return this.paths.fileFor(id);
  }
  /** Creates the folders and cleans what a crashed writer left in them (stale temp and lock files). */
  async open(): Promise<void> {
    await fsp.mkdir(this.workspace, { recursive: true });
    await ensureWorkspaceFolder(this.workspace, STUDIES_DIR);
    await ensureWorkspaceFolder(this.workspace, TRASH_DIR);
    // The folders are independent: cleaned at once (each a few round trips to the disk).
    await Promise.all(
      [this.studiesDir, this.trashDir, path.join(this.workspace, CACHE_DIR)].map(removeStaleWriteFiles),
    );
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

  /**
   * readOnlyReason once the whole folder has been seen (listed now if it has not been): what
   * a caller about to write anything in the workspace, not only a study, must ask.
   */
  async readOnlyReasonListed(): Promise<string | null> {
    // Stryker disable next-line ConditionalExpression: listing again gives the same answer, only later
    if (!this.listing.loaded) await this.list();
    return this.readOnlyReason;
  }

  /** Every write starts here: the whole folder must have been seen once to know it is ours. */
  private async ensureWritable(): Promise<void> {
    // Stryker disable next-line ConditionalExpression: listing again gives the same answer, only later
    if (!this.listing.loaded) await this.list();
    const reason = this.readOnlyReason;
    if (reason) throw new CasebookError('read_only', reason);
  }

  /**
   * Summaries of every study, newest edit first. Invalid files are quarantined; when many
   * files were new (HEAD_READ_FROM), some summaries may be unverified (see unverifiedIds()).
   */
  list(): Promise<StudySummary[]> {
    return this.listing.list();
  }

  /** Studies listed from their file's head whose full file has not been read yet. */
  unverifiedIds(): string[] {
    return this.listing.unverifiedIds();
  }

  /** The mtime and size at which the whole file of `id` was read and found valid (listed so); else null. */
  verifiedStamp(id: string): FileStamp | null {
    return this.listing.verifiedStamp(id);
  }

  /** The whole file of `id` was read at `stamp` as get() reads it (a worker thread) and holds a valid study. */
  readElsewhere(id: string, stamp: FileStamp, summary: StudySummary): void {
    this.listing.readElsewhere(id, stamp, summary);
  }

  /**
   * Reads every unverified study in full (quarantining damage), then writes the summary
   * cache. For callers that need the list exact now (the CLI); the app indexes in the background.
   */
  verifyAll(onProgress?: (done: number, total: number) => void): Promise<void> {
    return this.listing.verifyAll(onProgress);
  }

  /**
   * Writes the in-memory index to the summary cache when it differs from the cache on disk
   * (see StudyIndex.saveCache). Saves do not call it (a save must not rewrite a 10,000-entry
   * file); a list that read files does, and the app may call it when idle or on quit.
   */
  saveSummaryCache(changedIds?: Set<string>): Promise<void> {
    return this.listing.saveSummaryCache(changedIds);
  }

  /**
   * The study in studies/<id>.json, read and validated in full; not_found when it is missing,
   * set aside now or skipped, read_only when it is from a newer Casebook (StudyFileReader).
   */
  get(id: string): Promise<Study> {
    return this.listing.get(id);
  }

  /** As get(), for an editor: its saves are checked against the file as it was read (see EditBases). */
  getForEditing(id: string, editor?: string): Promise<Study> {
    return this.editBases.readFor(this.fileFor(id), () => this.listing.get(id), editor);
  }

  /** The study's updatedAt as on disk, cheaply (see StudyListing.updatedAt). */
  updatedAt(id: string): Promise<string> {
    return this.listing.updatedAt(id);
  }

  /** Whether `id`'s file changed since `editor` read or saved it though its updatedAt did not (see EditBases). */
  changedUnder(id: string, editor: string, updatedAt: string): boolean {
    return this.editBases.changedUnder(id, editor, updatedAt, statOrNull(this.fileFor(id)));
  }

  async create(draft: StudyDraft = {}): Promise<Study> {
    await this.ensureWritable();
    return this.slugs.claim(await slugForNew(draft.slug, draft.title), undefined, async (slug) => {
      const now = this.nextTimestamp();
      // An import may carry its original id and times (a lossless round trip); a taken id never is.
      const taken = (id: string): boolean => this.listing.has(id) || lstatOrNull(this.fileFor(id)) !== null;
      const id = draft.id && !taken(draft.id) ? draft.id : newStudyId();
      return this.write(studyFromDraft(draft, { id, slug, now }));
    });
  }

  /**
   * Applies a validated partial patch (or the change `patch` computes from the study as on
   * disk, under the same lock: resolving a conflict); bumps updatedAt; keeps the slug unique.
   */
  async update(id: string, patch: StudyPatch | StudyChange, baseUpdatedAt?: string, editor?: string): Promise<Study> {
    await this.ensureWritable();
    // The queue orders this process's saves; the lock file orders them against other
    // processes (the CLI, a second app), so the check below and the write are one step.
    return this.queue
      .run(id, () => withFileLock(this.fileFor(id), () => this.updateLocked(id, patch, baseUpdatedAt, editor)))
      .catch((err: unknown) => {
        throw writeFailure(`save "${shownTitle(this.listing.titleOf(id) ?? '')}"`, err);
      });
  }

  private async updateLocked(
    id: string,
    given: StudyPatch | StudyChange,
    baseUpdatedAt?: string,
    editor?: string,
  ): Promise<Study> {
    const current = await this.get(id);
    const stale =
      baseUpdatedAt === undefined
        ? null
        : this.editBases.staleBase(current, statOrNull(this.fileFor(id)), baseUpdatedAt, editor);
    if (stale) throw new CasebookError('conflict', stale);
    const patch = typeof given === 'function' ? given(current) : given;
    const next: Study = { ...current, ...patch, updatedAt: this.nextTimestamp(current.updatedAt) };
    const wanted = await slugWanted(current, patch);
    if (wanted === null) return this.write(studySchema.parse(next), editor);
    return this.slugs.claim(wanted, id, async (slug) => {
      next.slug = slug;
      return this.write(studySchema.parse(next), editor);
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
          throw writeFailure(`move "${shownTitle(study.title)}" to the trash`, err);
        }
        this.listing.removed(id);
        this.editBases.forget(id);
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
    const restored = await this.slugs.claim(found.study.slug, id, async (slug) => this.write({ ...found.study, slug }));
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

  /** Writes the study as every file must be (study-on-write.ts) and returns what was written. */
  private async write(given: Study, editor?: string): Promise<Study> {
    const study = studyToWrite(given);
    const file = this.fileFor(study.id);
    const db = this.files.db(file);
    db.data = study;
    try {
      await db.write();
    } catch (err) {
      throw writeFailure(`save "${shownTitle(study.title)}"`, err);
    }
    const stamp = await fsp.stat(file);
    this.listing.recorded(study, stamp);
    this.editBases.handedOut(study, stamp, editor);
    return study;
  }

  private lastTimestamp = '';
  /** ISO time that is always later than `after` and than the previous one we handed out. */
  private nextTimestamp(after = ''): string {
    let now = new Date();
    // Stryker disable next-line UnaryOperator,StringLiteral: of two strings at(-1) is at(1), never undefined
    const floor = [after, this.lastTimestamp].sort().at(-1) ?? '';
    if (now.toISOString() <= floor) now = new Date(Date.parse(floor) + 1);
    this.lastTimestamp = now.toISOString();
    return this.lastTimestamp;
  }
}
