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
import type { SiteSettings } from '../pure/schemas/site';
import type { Study, StudySummary } from '../pure/schemas/study';

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
}

const READ_BATCH = 32;
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

  constructor(private readonly sources: LibrarySources) {}

  /** Brings the index fully up to date with the workspace, full text included. */
  async sync(): Promise<void> {
    await this.refreshSummaries();
    while (this.reading) await this.reading;
  }

  /** Answers from the summaries now; the full text fills in as the background reading goes. */
  async search(query: LibraryQuery): Promise<LibraryPage> {
    await this.refreshSummaries({ unlessRecent: true });
    return { ...queryLibrary(this.index, query), quarantined: this.sources.quarantinedCount() };
  }

  /** Error and warning counts per study (for the library's badges): needs every study read. */
  async checkCounts(): Promise<Record<string, CheckCounts>> {
    await this.sync();
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
    this.pending.delete(study.id);
    this.index.upsert(study);
    this.names.set(study);
    this.record(study);
  }

  removed(id: string): void {
    this.pending.delete(id);
    this.index.remove(id);
    this.counts.delete(id);
    this.names.delete(id);
  }

  private record(study: Study): void {
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
      if (changed) this.index.upsert(byId.get(id)!);
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

  /** Reads queued studies in full, in batches, until none is left. */
  private async readPending(): Promise<void> {
    let readAny = false;
    while (this.pending.size > 0) {
      const batch = firstOf(this.pending, READ_BATCH);
      // A file that cannot be read now (locked, I/O error) keeps its title-only entry and
      // is tried again at the next list (indexChanges queues studies without a body).
      const studies = await Promise.all(batch.map(([id]) => this.sources.readStudy(id).catch(() => undefined)));
      batch.forEach(([id, request], i) => {
        // Saved or removed through the service meanwhile, or queued again: this read is stale.
        if (this.pending.get(id) !== request) return;
        this.pending.delete(id);
        const study = studies[i];
        if (study) {
          this.index.upsert(study);
          this.record(study);
        } else if (study === null) {
          this.removed(id); // damaged (now quarantined) or deleted
        }
      });
      readAny = true;
    }
    if (readAny) this.sources.onIndexed?.();
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
