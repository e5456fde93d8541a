// The library's publish-check badges: error and warning counts per study, kept while the
// settings they were counted under stay the same. The checks load TipTap and the Markdown
// parser (~1.2 MB of code in the CLI bundle), so they load with the background reading's first
// studies or at the first check, never before a first page.
import type { Finding } from '../pure/checks/finding';
import type * as PublishChecksModule from '../pure/checks/publish-checks';
import type { StudyNames } from '../pure/checks/study-names';
import type { TemplatePrompts } from '../pure/checks/template-prompts';
import type { SiteSettings } from '../pure/schemas/site';
import type { Study } from '../pure/schemas/study';
import { createHash } from 'node:crypto';

export interface CheckCounts {
  errors: number;
  warnings: number;
}
/** What a badge shows of a study's findings. */
export function countsOf(findings: readonly Finding[]): CheckCounts {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** The key of the settings counts are made under (see LibraryBadges.key). */
export function settingsKey(site: SiteSettings): string {
  return createHash('sha256').update(JSON.stringify(site)).digest('base64url');
}

export type DatedCounts = CheckCounts & { updatedAt: string };
type PublishChecks = typeof PublishChecksModule;

export interface BadgeSources {
  site(): SiteSettings;
  /** The workspace's template prompts, as last read. */
  prompts?(): TemplatePrompts | undefined;
  /** Titles and slugs of every study, for the duplicate checks. */
  names(): StudyNames;
}

export class LibraryBadges {
  private counts = new Map<string, DatedCounts>();
  /** The settings' key the counts were computed under (see now()). */
  private countsKey: string | null = null;
  private checks: PublishChecks | null = null;
  private loading: Promise<PublishChecks> | null = null;

  constructor(private readonly sources: BadgeSources) {}

  /** Loads the checks (once; a failed load is tried again at the next call). */
  load(): Promise<PublishChecks> {
    return (this.loading ??= import('../pure/checks/publish-checks').then(
      (checks) => (this.checks = checks),
      (err: unknown) => {
        this.loading = null;
        throw err;
      },
    ));
  }

  /** What the counts depend on beyond the study: its settings (counts on disk count while they match). */
  key(): string {
    return settingsKey(this.sources.site());
  }

  /**
   * The counts, all computed under the settings as they are now: when the settings changed
   * since (a category removed in Site settings), they are dropped, to be counted again.
   * Returns them with the key they were made under.
   */
  now(): { counts: ReadonlyMap<string, DatedCounts>; key: string } {
    const key = this.key();
    if (key !== this.countsKey) {
      if (this.countsKey !== null) this.counts.clear();
      this.countsKey = key;
    }
    return { counts: this.counts, key };
  }

  /** The publish findings of one study. */
  async findingsOf(study: Study): Promise<Finding[]> {
    return this.findings(await this.load(), study);
  }

  private findings({ checkStudy }: PublishChecks, study: Study): Finding[] {
    return checkStudy(study, {
      site: this.sources.site(),
      names: this.sources.names(),
      prompts: this.sources.prompts?.(),
    });
  }

  /** Counts a study read in full or saved (dropped when the checks or templates are not loaded yet). */
  record(study: Study): void {
    if (!this.checks || (this.sources.prompts && this.sources.prompts() === undefined)) {
      this.counts.delete(study.id);
      return;
    }
    const { errors, warnings } = countsOf(this.findings(this.checks, study));
    (this.now().counts as Map<string, DatedCounts>).set(study.id, { updatedAt: study.updatedAt, errors, warnings });
  }

  /**
   * Counts taken from the index on disk, made under the settings' `key`: kept only while the
   * counts held are made under that key (the first ones set it; now() drops them all when the
   * settings have changed since), so counts of other settings never mix in.
   */
  restored(id: string, counts: CheckCounts, updatedAt: string, key: string): void {
    this.countsKey ??= key;
    // Named fields, not a spread: for 10,000 studies taken from the index file a spread cost ~50 ms.
    if (this.countsKey === key) this.counts.set(id, { errors: counts.errors, warnings: counts.warnings, updatedAt });
  }

  forget(id: string): void {
    this.counts.delete(id);
  }

  /** Every study's counts, as the library's badges show them. */
  all(): Record<string, CheckCounts> {
    const out: Record<string, CheckCounts> = {};
    for (const [id, { errors, warnings }] of this.counts) out[id] = { errors, warnings };
    return out;
  }
}
