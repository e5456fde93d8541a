// The studies of a workspace: one lowdb-backed JSON file per study in studies/<id>.json.
// A save reads and writes that one file; the list keeps an in-memory index refreshed by
// file mtime and size, so unchanged files are not parsed again, and keeps that index on disk
// (summary-cache.ts: .casebook/summaries.json) so the next open need not parse them either.
// When many files are new to the index (a large workspace opened for the first time, a big
// git pull) the list takes each summary from the file's head (study-head.ts) and marks the
// entry unverified: the sections are validated, and a damaged file quarantined, by the next
// full read of that file (get(), which the library's background indexing does for every
// study, or verifyAll()). Only verified entries go into the summary cache.
// A file from a newer Casebook is left untouched and makes the store read-only (nor is the
// cache written then); a save that fails says why and what to do.
import { exists, statOrNull } from './file-exists';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Low } from 'lowdb';
import { removeStaleTempFiles, withFileLock, writeFailure } from './atomic-write';
import { CasebookError } from './errors';
import { InvalidFileError, NewerVersionError, ValidatedJsonFile } from './json-file';
import { KeyedQueue } from './keyed-queue';
import { quarantineFile, type QuarantineEntry } from './quarantine';
import { emptyDoc } from './schemas/rich-text';
import { SCHEMA_VERSION } from './schemas/site';
import { studySchema, toSummary, type Study, type StudyPatch, type StudySummary } from './schemas/study';
import { slugFollowsTitle, slugFromTitle, uniqueSlug } from './slug';
import { readStudyHeadSync } from './study-head';
import { inTimeSlices } from './time-slices';
import {
  CACHE_DIR,
  MIN_STUDIES_FOR_CACHE,
  RACY_MS,
  readSummaryCache,
  writeSummaryCache,
  type CachedSummary,
} from './summary-cache';

export const STUDIES_DIR = 'studies';
export const TRASH_DIR = '.trash';
/** Temp files younger than this may belong to a live writer in another process. */
const STALE_TEMP_MS = 60_000;
/**
 * From this many files to read at one list, summaries come from file heads and the full reads
 * follow in the background. Below it, reading them all takes well under a quarter second.
 */
export const HEAD_READ_FROM = 500;

interface IndexEntry {
  mtimeMs: number;
  size: number;
  summary: StudySummary;
  /** The whole file passed the schema (false: only its head was read so far). */
  verified: boolean;
  /** The store's write generation when the entry was set (a list keeps newer entries). */
  gen: number;
}

export interface StudyStoreOptions {
  /** See HEAD_READ_FROM. */
  headReadFrom?: number;
}

export interface StudyDraft extends Partial<Omit<Study, 'schemaVersion'>> {
  title?: string;
}

export class StudyStore {
  private index = new Map<string, IndexEntry>();
  private indexLoaded = false;
  private queue = new KeyedQueue();
  /** Files quarantined since this store opened, reported through the API. */
  readonly onQuarantine: Array<(entry: QuarantineEntry) => void> = [];
  /** Files written by a newer Casebook (workspace-relative path → their schemaVersion). */
  private newer = new Map<string, number>();
  /** Invalid files that could not be moved aside (read-only folder): path → reason. */
  readonly unreadable = new Map<string, string>();
  /** The summary cache as on disk (loaded at the first list, then as last written). */
  private cacheOnDisk = new Map<string, CachedSummary>();
  private seeding: Promise<void> | null = null;
  /** Set by open(), which the service skips for a workspace it must not write. */
  private mayWriteCache = false;
  private cacheWrites: Promise<void> = Promise.resolve();
  /** Counts this store's writes and deletes: a list started before one is not shared after it. */
  private gen = 0;
  private listing: { gen: number; result: Promise<StudySummary[]> } | null = null;
  private readonly headReadFrom: number;

  constructor(
    readonly workspace: string,
    options: StudyStoreOptions = {},
  ) {
    this.headReadFrom = options.headReadFrom ?? HEAD_READ_FROM;
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
  private db(file: string): Low<Study | null> {
    return new Low<Study | null>(new ValidatedJsonFile(file, studySchema.nullable(), SCHEMA_VERSION), null);
  }

  async open(): Promise<void> {
    await fsp.mkdir(this.studiesDir, { recursive: true });
    await fsp.mkdir(this.trashDir, { recursive: true });
    await removeStaleTempFiles(this.studiesDir, STALE_TEMP_MS);
    await removeStaleTempFiles(this.trashDir, STALE_TEMP_MS);
    await removeStaleTempFiles(path.join(this.workspace, CACHE_DIR), STALE_TEMP_MS);
    this.mayWriteCache = true;
  }

  /**
   * Why this workspace must not be written, or null. Set once a study file from a newer
   * Casebook has been seen: saving beside it could mix formats, so nothing is written.
   */
  get readOnlyReason(): string | null {
    if (this.newer.size === 0) return null;
    const files = [...this.newer.keys()];
    const version = Math.max(...this.newer.values());
    const named = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
    return `Some case studies were written by a newer version of Casebook (format ${version}; this app reads format ${SCHEMA_VERSION}): ${named}. The workspace is open read-only so nothing is rewritten; update Casebook to edit it.`;
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
    // Before any await: a study saved while the folder is read must not be dropped below.
    const startGen = this.gen;
    // Every list (the first ones may run at once) starts after the cache is in the index.
    this.seeding ??= this.seedFromCache();
    const [names] = await Promise.all([jsonFilesIn(this.studiesDir), this.seeding]);
    const seen = new Set<string>();
    let stale: Array<{ id: string; stat: FileStamp }> = [];
    await inTimeSlices(names, (name) => {
      const id = idOf(name);
      const stat = statOrNull(this.fileFor(id));
      if (!stat) return; // deleted between readdir and stat
      const entry = this.index.get(id);
      if (entry && sameStamp(entry, stat)) seen.add(id);
      else stale.push({ id, stat });
    });
    if (stale.length >= this.headReadFrom) {
      const whole: typeof stale = [];
      await inTimeSlices(stale, (file) => {
        const head = readStudyHeadSync(this.fileFor(file.id));
        if (head && head.summary.id === file.id) {
          this.index.set(file.id, { ...head, verified: false, gen: this.gen });
          seen.add(file.id);
        } else whole.push(file);
      });
      stale = whole;
    }
    const read = new Set<string>();
    // Full reads are independent: many at a time.
    await inPool(stale, LIST_CONCURRENCY, async ({ id, stat }) => {
      const study = await this.readStudyFile(id);
      if (!study) return;
      this.index.set(id, { ...stampOf(stat), summary: toSummary(study), verified: true, gen: this.gen });
      read.add(id);
      seen.add(id);
    });
    // Gone from the folder, unless written by this store since the list began.
    for (const [id, entry] of [...this.index]) if (!seen.has(id) && entry.gen <= startGen) this.index.delete(id);
    for (const file of [...this.newer.keys()]) {
      if (file.startsWith(`${STUDIES_DIR}/`) && !names.includes(file.slice(STUDIES_DIR.length + 1)))
        this.newer.delete(file);
    }
    this.indexLoaded = true;
    // Files had to be read: keep what was learned for the next open. (Files gone or set
    // aside alone need no write: an entry without its file is never used.)
    if (read.size > 0) await this.saveSummaryCache(read);
    // ISO times of one format sort as plain strings (and much faster than localeCompare).
    return [...this.index.values()]
      .map((e) => e.summary)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  /**
   * Starts the index from the summary cache. Its entries count only while their file's mtime
   * and size still match (listNow): the cache spares reads but vouches for nothing.
   */
  private async seedFromCache(): Promise<void> {
    this.cacheOnDisk = await readSummaryCache(this.workspace);
    for (const [id, entry] of this.cacheOnDisk)
      if (!this.index.has(id)) this.index.set(id, { ...entry, verified: true, gen: 0 });
  }

  /** Studies listed from their file's head whose full file has not been read yet. */
  unverifiedIds(): string[] {
    return [...this.index].filter(([, entry]) => !entry.verified).map(([id]) => id);
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
   * Writes the in-memory index to the summary cache when it differs from the cache on disk:
   * only in `changedIds` when given (what a list just read), else anywhere. Saves do not call
   * it (a save must not rewrite a 10,000-entry file); a list that read files does, and the
   * app may call it when idle or on quit. Never throws, never writes a workspace that is
   * read-only or small (MIN_STUDIES_FOR_CACHE): the cache is derived data, and a failed write
   * only makes the next open slower.
   */
  saveSummaryCache(changedIds?: Set<string>): Promise<void> {
    const run = async (): Promise<void> => {
      // Before a first list the index knows too little to replace the cache with.
      if (!this.mayWriteCache || !this.indexLoaded || this.readOnlyReason !== null) return;
      if (this.index.size < MIN_STUDIES_FOR_CACHE) return;
      const onDisk = this.cacheOnDisk;
      const now = Date.now();
      const differs = (id: string): boolean => {
        const entry = this.index.get(id);
        const cached = onDisk.get(id);
        if (!entry?.verified) return cached !== undefined && changedIds === undefined;
        if (now - entry.mtimeMs < RACY_MS) return false; // would be left out anyway
        return !cached || cached.mtimeMs !== entry.mtimeMs || cached.size !== entry.size;
      };
      const ids = changedIds ?? new Set([...this.index.keys(), ...onDisk.keys()]);
      if (![...ids].some(differs)) return;
      try {
        const verified = [...this.index].filter(([, entry]) => entry.verified);
        this.cacheOnDisk = await writeSummaryCache(this.workspace, verified, now);
      } catch {
        // Derived data: the next open reads the files this write would have spared.
      }
    };
    this.cacheWrites = this.cacheWrites.then(run);
    return this.cacheWrites;
  }

  /**
   * The study in studies/<id>.json, read and validated in full; null when it is missing, set
   * aside now (damaged, or naming another study: a copied file, a second "id" key after the
   * head) or from a newer Casebook.
   */
  private async readStudyFile(id: string): Promise<Study | null> {
    const file = this.fileFor(id);
    const study = await this.readOrQuarantine(file);
    if (study && study.id !== id) {
      await this.quarantine(file, `the file is named ${id}.json but holds study id "${study.id}"`);
      return null;
    }
    return study;
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
      const version = this.newer.get(this.relative(file));
      if (version !== undefined) {
        throw new CasebookError(
          'read_only',
          `This case study was written by a newer version of Casebook (format ${version}); update Casebook to open it. The file is left untouched.`,
        );
      }
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
    const taken = await this.takenSlugs();
    const now = this.nextTimestamp();
    const title = draft.title ?? '';
    // An import may carry its original id and times (a lossless round trip); a taken id never is.
    const idFree = draft.id !== undefined && !this.index.has(draft.id) && !(await exists(this.fileFor(draft.id)));
    const study = studySchema.parse({
      schemaVersion: SCHEMA_VERSION,
      id: idFree && draft.id ? draft.id : newStudyId(),
      slug: uniqueSlug(draft.slug ?? slugFromTitle(title), taken),
      title,
      summary: draft.summary ?? '',
      status: draft.status ?? 'draft',
      outcome: draft.outcome ?? null,
      categories: draft.categories ?? [],
      tags: draft.tags ?? [],
      featured: draft.featured ?? false,
      date: draft.date ?? null,
      createdAt: draft.createdAt ?? now,
      updatedAt: draft.updatedAt ?? now,
      problem: draft.problem ?? emptyDoc(),
      decisions: draft.decisions ?? emptyDoc(),
      tradeoffs: draft.tradeoffs ?? emptyDoc(),
      lessons: draft.lessons ?? emptyDoc(),
    } satisfies Study);
    await this.write(study);
    return study;
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
    if (patch.slug !== undefined && patch.slug !== current.slug) {
      next.slug = uniqueSlug(patch.slug, await this.takenSlugs(id));
    } else if (
      patch.title !== undefined &&
      patch.title !== current.title &&
      current.status === 'draft' &&
      slugFollowsTitle(current.slug, current.title)
    ) {
      // A draft's slug follows its title; once published (or set by hand) it stays put.
      next.slug = uniqueSlug(slugFromTitle(patch.title), await this.takenSlugs(id));
    }
    await this.write(studySchema.parse(next));
    return next;
  }

  /** Moves the study file to .trash/; restorable. */
  async delete(id: string): Promise<void> {
    await this.ensureWritable();
    await this.queue.run(id, () =>
      withFileLock(this.fileFor(id), async () => {
        const study = await this.get(id);
        try {
          await fsp.rename(this.fileFor(id), this.fileFor(id, this.trashDir));
        } catch (err) {
          throw writeFailure(`move "${study.title || 'Untitled'}" to the trash`, err);
        }
        this.gen++;
        this.index.delete(id);
      }),
    );
  }

  async restore(id: string): Promise<Study> {
    await this.ensureWritable();
    return this.queue.run(id, () => withFileLock(this.fileFor(id), () => this.restoreLocked(id)));
  }

  private async restoreLocked(id: string): Promise<Study> {
    const trashed = this.fileFor(id, this.trashDir);
    const study = await this.readOrQuarantine(trashed);
    if (!study) throw new CasebookError('not_found', `No deleted case study with id "${id}" in the trash.`);
    if (await exists(this.fileFor(id)))
      throw new CasebookError('conflict', `A case study with id "${id}" already exists.`);
    const slug = uniqueSlug(study.slug, await this.takenSlugs(id));
    const restored = { ...study, slug };
    await this.write(restored);
    await fsp.rm(trashed, { force: true });
    return restored;
  }

  /** Deletes a study from the trash for good. */
  async purge(id: string): Promise<void> {
    await this.ensureWritable();
    const trashed = this.fileFor(id, this.trashDir);
    if (!(await exists(trashed)))
      throw new CasebookError('not_found', `No deleted case study with id "${id}" in the trash.`);
    try {
      await fsp.rm(trashed);
    } catch (err) {
      throw writeFailure('delete the study permanently', err);
    }
  }

  async listTrash(): Promise<StudySummary[]> {
    const names = await jsonFilesIn(this.trashDir);
    const studies: StudySummary[] = [];
    for (const name of names) {
      const study = await this.readOrQuarantine(path.join(this.trashDir, name));
      if (study) studies.push(toSummary(study));
    }
    return studies.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private async write(study: Study): Promise<void> {
    const file = this.fileFor(study.id);
    const db = this.db(file);
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

  private async readOrQuarantine(file: string): Promise<Study | null> {
    const db = this.db(file);
    try {
      await db.read();
      return db.data;
    } catch (err) {
      if (err instanceof NewerVersionError) {
        // Not damage: leave it exactly where it is, and stop writing to this workspace.
        this.newer.set(this.relative(file), err.version);
        return null;
      }
      if (err instanceof InvalidFileError) {
        await this.quarantine(file, err.reason);
        return null;
      }
      throw new CasebookError('io_error', `Could not read ${path.basename(file)}: ${(err as Error).message}`);
    }
  }

  private async quarantine(file: string, reason: string): Promise<void> {
    this.index.delete(path.basename(file, '.json'));
    let entry: QuarantineEntry;
    try {
      entry = await quarantineFile(this.workspace, file, reason);
    } catch (err) {
      // A read-only folder cannot take the file aside: skip it and keep the rest working.
      this.unreadable.set(this.relative(file), `${reason} (could not move it aside: ${(err as Error).message})`);
      return;
    }
    this.unreadable.delete(this.relative(file));
    for (const listener of this.onQuarantine) listener(entry);
  }

  private relative(file: string): string {
    return path.relative(this.workspace, file).split(path.sep).join('/');
  }

  private async takenSlugs(exceptId?: string): Promise<Set<string>> {
    if (!this.indexLoaded) await this.list();
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

function newStudyId(): string {
  // Time-ordered prefix keeps files sorted by creation in a folder listing.
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

const LIST_CONCURRENCY = 64;
const VERIFY_CONCURRENCY = 16;

function idOf(fileName: string): string {
  return fileName.slice(0, -'.json'.length);
}

/** What says a file is unchanged since the index read it: its mtime and size. */
type FileStamp = { mtimeMs: number; size: number };

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/** The stamp alone (a Stats object holds much more, which an index entry must not keep). */
function stampOf({ mtimeMs, size }: FileStamp): FileStamp {
  return { mtimeMs, size };
}

/** Runs `task` over `items` with up to `size` in flight (a slow file does not hold up a batch). */
async function inPool<T>(items: T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** Study file names in a folder; none when the folder does not exist (a read-only workspace). */
async function jsonFilesIn(dir: string): Promise<string[]> {
  try {
    return (await fsp.readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
