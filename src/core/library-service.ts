// The library's search index and publish-check badges for one open workspace. The index
// starts from the summaries (titles and summaries searchable at once) and reads full studies
// in the background; saves through the service keep it current, and each list re-syncs it
// with files changed outside the app (git pull, the CLI).
import { checkStudy } from './checks/publish-checks';
import type { Finding } from './checks/finding';
import { queryLibrary, type LibraryPage, type LibraryQuery } from './library/library-query';
import { SearchIndex } from './library/search-index';
import { indexChanges } from './library/search-index-sync';
import type { SiteSettings } from './schemas/site';
import type { Study, StudySummary } from './schemas/study';

export interface CheckCounts {
  errors: number;
  warnings: number;
}

interface LibrarySources {
  listSummaries(): Promise<StudySummary[]>;
  readStudy(id: string): Promise<Study | null>;
  site(): SiteSettings;
}

const READ_BATCH = 32;

export class LibraryService {
  private index = new SearchIndex();
  private counts = new Map<string, CheckCounts & { updatedAt: string }>();
  private summaries: StudySummary[] = [];
  private syncing: Promise<void> | null = null;

  constructor(private readonly sources: LibrarySources) {}

  /** Brings the index up to date with the workspace (reads only studies that changed). */
  sync(): Promise<void> {
    this.syncing ??= this.runSync().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  async search(query: LibraryQuery): Promise<LibraryPage> {
    await this.sync();
    return queryLibrary(this.index, query);
  }

  /** Error and warning counts per study (for the library's badges). */
  async checkCounts(): Promise<Record<string, CheckCounts>> {
    await this.sync();
    const out: Record<string, CheckCounts> = {};
    for (const [id, { errors, warnings }] of this.counts) out[id] = { errors, warnings };
    return out;
  }

  findings(study: Study): Finding[] {
    return checkStudy(study, { site: this.sources.site(), allStudies: this.summaries });
  }

  /** A study was created or saved through the service. */
  saved(study: Study): void {
    this.index.upsert(study);
    this.summaries = [...this.summaries.filter((s) => s.id !== study.id), this.index.summary(study.id)!];
    this.record(study);
  }

  removed(id: string): void {
    this.index.remove(id);
    this.counts.delete(id);
    this.summaries = this.summaries.filter((s) => s.id !== id);
  }

  private record(study: Study): void {
    const findings = this.findings(study);
    const errors = findings.filter((f) => f.severity === 'error').length;
    this.counts.set(study.id, { updatedAt: study.updatedAt, errors, warnings: findings.length - errors });
  }

  private async runSync(): Promise<void> {
    this.summaries = await this.sources.listSummaries();
    const { toRead, toRemove } = indexChanges(this.index, this.summaries);
    for (const id of toRemove) this.removed(id);
    // Titles and summaries first, so a search answers before the bodies are read.
    for (const summary of this.summaries) if (!this.index.has(summary.id)) this.index.upsert(summary);
    for (let i = 0; i < toRead.length; i += READ_BATCH) {
      const batch = await Promise.all(toRead.slice(i, i + READ_BATCH).map((id) => this.sources.readStudy(id)));
      for (const study of batch) {
        if (!study) continue;
        this.index.upsert(study);
        this.record(study);
      }
    }
  }
}
