// The store's list of studies: the index (study-index.ts) brought in step with studies/ at each
// list, lists asked for at once sharing one pass, and reads of one study (get, updatedAt) that
// keep the index honest. Writes report here (recorded, removed) so the index follows them at
// once; each write bumps a generation, and a list started before a write is never shared after it.
import { CasebookError } from '../pure/errors';
import { toSummary, type Study, type StudySummary } from '../pure/schemas/study';
import { byNewestEdit } from '../pure/study-order';
import { statOrNull } from './file-exists';
import { idOf, inPool, sameStamp, stampOf, type FileStamp, type StudyPaths } from './study-files';
import type { StudyFileReader } from './study-file-reader';
import { StudyIndex, type IndexEntry } from './study-index';

const VERIFY_CONCURRENCY = 16;

/**
 * A listed entry, now read in full and found valid. Named fields, not a spread of the entry
 * with more added: V8 took ~3 times as long for that (thousands of times on a first open).
 */
function verifiedEntry({ mtimeMs, size, gen }: IndexEntry, summary: StudySummary): IndexEntry {
  return { mtimeMs, size, summary, verified: true, gen };
}

export class StudyListing {
  private readonly summaries: StudyIndex;
  private readonly index;
  private indexLoaded = false;
  /** Counts this store's writes and deletes: a list started before one is not shared after it. */
  private gen = 0;
  private listing: { gen: number; result: Promise<StudySummary[]> } | null = null;

  constructor(
    private readonly paths: StudyPaths,
    private readonly files: StudyFileReader,
    private readonly headReadFrom: number,
    /** Whether the summary cache may be written now (the store opened a writable workspace). */
    private readonly mayWriteCache: () => boolean,
  ) {
    this.summaries = new StudyIndex(paths.workspace);
    this.index = this.summaries.entries;
  }

  /** True once the whole folder has been seen (a write needs that to know the folder is ours). */
  get loaded(): boolean {
    return this.indexLoaded;
  }

  /** A file of studies/ was set aside: its entry must not stand for a study any more. */
  forgetFile(fileName: string): void {
    this.index.delete(idOf(fileName));
  }

  /**
   * Summaries of every study, newest edit first. Lists asked for while one runs, with no
   * write in between, share its result.
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
    await this.refresh();
    return [...this.index.values()].map((e) => e.summary).sort(byNewestEdit);
  }

  /** Brings the index in step with the studies folder. */
  async refresh(): Promise<void> {
    const read = await this.summaries.refresh({
      dir: this.paths.studiesDir,
      reader: this.files,
      gen: () => this.gen,
      headReadFrom: this.headReadFrom,
    });
    this.indexLoaded = true;
    // Files had to be read: keep what was learned for the next open. (Files gone or set
    // aside alone need no write: an entry without its file is never used.)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no id read nothing differs, and saveCache writes nothing
    if (read.size > 0) await this.saveSummaryCache(read);
  }

  /**
   * Slugs of the studies on disk now (other than `exceptId`), read afresh: another process
   * may have written since this store last looked. Call under the slug lock.
   */
  async takenSlugs(exceptId?: string): Promise<Set<string>> {
    await this.refresh();
    const taken = new Set<string>();
    for (const [id, entry] of this.index) if (id !== exceptId) taken.add(entry.summary.slug);
    return taken;
  }

  /** Whether an id is listed (a file of that name may still exist unlisted: check the disk too). */
  has(id: string): boolean {
    return this.index.has(id);
  }

  /** The listed title of `id`, for messages about a save that failed before the file was read. */
  titleOf(id: string): string | undefined {
    return this.index.get(id)?.summary.title;
  }

  /** Studies listed from their file's head whose full file has not been read yet. */
  unverifiedIds(): string[] {
    return this.summaries.unverifiedIds();
  }

  /** The mtime and size at which the whole file of `id` was read and found valid; null if not so listed. */
  verifiedStamp(id: string): FileStamp | null {
    const entry = this.index.get(id);
    return entry?.verified ? stampOf(entry) : null;
  }

  /**
   * Reads every unverified study in full (quarantining damage), then writes the summary cache.
   */
  async verifyAll(onProgress?: (done: number, total: number) => void): Promise<void> {
    const ids = this.unverifiedIds();
    let done = 0;
    await inPool(ids, VERIFY_CONCURRENCY, async (id) => {
      await this.get(id).catch((err: unknown) => {
        // get() throws only these for a study's file (the reader never throws for one); the test stays for anything else
        // Stryker disable next-line ConditionalExpression,LogicalOperator: no other error reaches here to rethrow
        if (!(err instanceof CasebookError && (err.code === 'not_found' || err.code === 'read_only'))) throw err;
      });
      onProgress?.(++done, ids.length);
    });
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with nothing verified, a flush only brings the derived cache up to date
    if (ids.length > 0) await this.saveSummaryCache();
  }

  /** See StudyIndex.saveCache; before a first list the index knows too little to replace the cache with. */
  saveSummaryCache(changedIds?: Set<string>): Promise<void> {
    const mayWrite = (): boolean => this.mayWriteCache() && this.indexLoaded && this.files.newerReason() === null;
    return this.summaries.saveCache(mayWrite, changedIds);
  }

  /** As get() does for a valid study, for a file read elsewhere (a worker thread) at `stamp`. */
  readElsewhere(id: string, stamp: FileStamp, summary: StudySummary): void {
    const entry = this.index.get(id);
    // The file read is the one its head was listed from: the entry now stands for a valid study.
    if (entry && !entry.verified && sameStamp(stamp, entry)) this.index.set(id, verifiedEntry(entry, summary));
  }

  /** The study in studies/<id>.json, read and validated in full; why not, as a CasebookError. */
  async get(id: string): Promise<Study> {
    const file = this.paths.fileFor(id);
    const unverified = this.index.get(id);
    const before = unverified && !unverified.verified ? statOrNull(file) : null;
    const study = await this.files.read(file, id);
    // The file read is the one its head was listed from: the entry now stands for a valid study.
    if (study && before && unverified && this.index.get(id) === unverified && sameStamp(before, unverified))
      this.index.set(id, verifiedEntry(unverified, toSummary(study)));
    if (study) return study;
    const relative = this.files.relative(file);
    const version = this.files.newer.get(relative);
    if (version !== undefined) {
      throw new CasebookError(
        'read_only',
        `This case study was written by a newer version of Casebook (format ${version}); update Casebook to open it. The file is left untouched.`,
      );
    }
    const skipped = this.files.skipped.get(relative);
    if (skipped !== undefined)
      throw new CasebookError('not_found', `${relative} cannot be opened: ${skipped}. It is left where it is.`);
    throw new CasebookError('not_found', `No case study with id "${id}" (it may have been deleted or quarantined).`);
  }

  /**
   * The study's updatedAt as on disk, cheaply: the open study is polled for outside changes
   * every few seconds. From the index while the file's mtime and size are as it recorded;
   * otherwise the file is read (and validated) as by get().
   */
  async updatedAt(id: string): Promise<string> {
    const entry = this.index.get(id);
    const stat = entry ? statOrNull(this.paths.fileFor(id)) : null;
    if (entry && stat && sameStamp(stat, entry)) return entry.summary.updatedAt;
    const study = await this.get(id);
    // Changed on disk (another process saved it): the index learns it, so the next poll need not read.
    const after = statOrNull(this.paths.fileFor(id));
    if (entry && stat && after && sameStamp(after, stat) && this.index.get(id) === entry)
      this.index.set(id, { ...stampOf(after), summary: toSummary(study), verified: true, gen: this.gen });
    return study.updatedAt;
  }

  /** The store wrote `study`, whose file now has `stamp`. */
  recorded(study: Study, stamp: FileStamp): void {
    this.gen++;
    this.index.set(study.id, { ...stampOf(stamp), summary: toSummary(study), verified: true, gen: this.gen });
  }

  /** The store moved the file of `id` away (to the trash). */
  removed(id: string): void {
    this.gen++;
    this.index.delete(id);
  }
}
