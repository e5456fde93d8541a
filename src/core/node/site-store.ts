// casebook.json: the workspace's marker file and its site settings (lowdb).
// A file written by a newer Casebook opens the workspace read-only, never rewritten.
// A save re-reads the file under its lock, so a change made meanwhile by another process
// (the CLI, a second window) is kept rather than overwritten by this one's older copy.
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { CasebookError } from '../pure/errors';
import { InvalidFileError, NewerVersionError, ValidatedJsonFile } from './json-file';
import { withFileLock, writeFailure } from './atomic-write';
import type { QuarantineEntry } from './quarantine';
import { unreadableReason } from './unreadable-settings';
import { readRegularFile } from './regular-file';
import { MAX_CONFLICTS, readConflictList, type ConflictChoice, type ConflictList } from '../pure/merge/conflict-schema';
import { resolveSiteConflict } from '../pure/merge/resolve-settings-conflict';
import { settingsVersion } from '../pure/merge/settings-resolution';
import {
  SCHEMA_VERSION,
  defaultSiteSettings,
  siteFileFormat,
  siteSettingsSchema,
  workspaceFileSchema,
  type SitePatch,
  type SiteSettings,
  type WorkspaceFile,
} from '../pure/schemas/site';

export const WORKSPACE_FILE = 'casebook.json';

const versionProbeSchema = z.object({ schemaVersion: z.number().int() }).loose();

export interface SiteStoreOpenResult {
  readOnlyReason: string | null;
  quarantined: QuarantineEntry | null;
}

export class SiteStore {
  private db: Low<WorkspaceFile | null>;
  private site: SiteSettings = defaultSiteSettings();
  /** What a git merge could not decide in casebook.json (merge/settings-merge.ts). */
  private conflicts: ConflictList = [];
  /** How many of the file's conflict entries were left out as unreadable. */
  private dropped = 0;
  /** Why casebook.json could not be read (it is left as it is; saving is refused), or null. */
  private unreadable: string | null = null;
  /** Whether the settings held are the file's (read once), not the defaults. */
  private read = false;

  constructor(readonly workspace: string) {
    this.db = new Low<WorkspaceFile | null>(
      new ValidatedJsonFile(this.file, workspaceFileSchema.nullable(), SCHEMA_VERSION),
      null,
    );
  }

  get file(): string {
    return path.join(this.workspace, WORKSPACE_FILE);
  }

  async open(): Promise<SiteStoreOpenResult> {
    const newer = await this.newerVersion();
    if (newer !== null) {
      return { readOnlyReason: newerWorkspaceReason(newer), quarantined: null };
    }
    try {
      await this.db.read();
    } catch (err) {
      if (!(err instanceof InvalidFileError)) throw err;
      // Never moved aside nor replaced by defaults: the file is the team's (git commits it), and
      // writing defaults here would push them to everyone at the next sync. Defaults in memory.
      this.unreadable = await unreadableReason(this.file, err.reason, DEFAULTS);
      return { readOnlyReason: null, quarantined: null };
    }
    if (this.db.data) {
      await this.take(this.db.data);
    } else {
      this.site = defaultSiteSettings();
      await this.save();
    }
    return { readOnlyReason: null, quarantined: null };
  }

  /** Why casebook.json cannot be read now (the settings shown are not the file's), or null. */
  unreadableReason(): string | null {
    return this.unreadable;
  }

  /** casebook.json when it is left as it is and not fully read (shown with the workspace's skipped files). */
  skipped(): Array<{ file: string; reason: string }> {
    if (this.unreadable !== null) return [{ file: WORKSPACE_FILE, reason: this.unreadable }];
    if (this.dropped > 0)
      return [
        {
          file: WORKSPACE_FILE,
          reason: `${this.dropped} of its recorded conflict ${this.dropped === 1 ? 'entry' : 'entries'} could not be read (not in Casebook’s format, or past the ${MAX_CONFLICTS} kept) and are left out; the site settings themselves were read. The file keeps them until the settings are next saved.`,
        },
      ];
    return [];
  }

  get(): SiteSettings {
    return structuredClone(this.site);
  }

  /** The site's conflicts from git merges and the version they were read at. */
  async conflictState(): Promise<{ version: string; conflicts: ConflictList }> {
    // As on disk now (a plain `git pull` may have merged it); a newer file stays as it was read.
    await this.reload().catch((err: unknown) => {
      if (!(err instanceof CasebookError && err.code === 'read_only')) throw err;
    });
    return { version: this.version(), conflicts: structuredClone(this.conflicts) };
  }

  /**
   * Resolves one recorded conflict (merge/resolve-settings-conflict.ts). With `baseVersion`, a
   * compare-and-swap: refused with "conflict" when the settings changed since it was read.
   */
  async resolveConflict(
    conflictId: string,
    choice: ConflictChoice,
    baseVersion?: string,
  ): Promise<{ site: SiteSettings; note: string | null }> {
    return withFileLock(this.file, async () => {
      await this.reload();
      this.assertWritable();
      if (baseVersion !== undefined && baseVersion !== this.version())
        throw new CasebookError(
          'conflict',
          'The site settings changed since they were shown (another window, the CLI or a sync). Look again, then choose.',
        );
      const resolved = resolveSiteConflict(this.site, this.conflicts, conflictId, choice);
      this.site = resolved.value;
      this.conflicts = resolved.conflicts;
      await this.save();
      return { site: this.get(), note: resolved.note };
    }).catch((err: unknown) => {
      throw writeFailure('save the site settings', err);
    });
  }

  /**
   * The version a resolve is compared against: the conflict list as shown. The settings' own
   * values are the Site settings form's, which saves them before a choice (as a study's editor
   * saves before its resolve); what another window or a sync did to the list is refused.
   */
  private version(): string {
    return settingsVersion(this.conflicts);
  }

  private async take(file: WorkspaceFile): Promise<void> {
    this.site = file.site;
    this.conflicts = file.conflicts ?? [];
    this.read = true;
    this.unreadable = null;
    this.dropped = file.conflicts !== undefined ? await this.droppedConflicts() : 0;
  }

  /** How many entries of the file's conflict list were left out as unreadable (readConflictList). */
  private async droppedConflicts(): Promise<number> {
    try {
      const bytes = await readRegularFile(this.file);
      const raw: unknown = bytes ? JSON.parse(bytes.toString('utf8')) : null;
      return readConflictList((raw as { conflicts?: unknown } | null)?.conflicts).dropped;
    } catch {
      return 0; // changed meanwhile: the next read tells
    }
  }

  /** Settings are not written over a casebook.json that could not be read. */
  private assertWritable(): void {
    if (this.unreadable !== null) throw new CasebookError('invalid_input', this.unreadable);
  }

  async update(patch: SitePatch): Promise<SiteSettings> {
    return withFileLock(this.file, async () => {
      await this.reload();
      this.assertWritable();
      const next = siteSettingsSchema.safeParse({ ...this.site, ...patch });
      if (!next.success) throw new CasebookError('invalid_input', next.error.issues.map((i) => i.message).join('; '));
      this.site = next.data;
      await this.save();
      return this.get();
    }).catch((err: unknown) => {
      throw writeFailure('save the site settings', err);
    });
  }

  /** Takes in casebook.json as it is on disk now (a git sync changed it). */
  refresh(): Promise<void> {
    return this.reload();
  }

  /** Takes in what another process saved since we last read; a damaged file is left as it is. */
  private async reload(): Promise<void> {
    try {
      await this.db.read();
      if (this.db.data) await this.take(this.db.data);
    } catch (err) {
      if (err instanceof NewerVersionError) throw new CasebookError('read_only', newerWorkspaceReason(err.version));
      if (!(err instanceof InvalidFileError)) throw err;
      // Damaged since we read it (a hand edit, a text merge by git): kept in place, never
      // overwritten; the settings stay as last read and saving them is refused until it is fixed.
      this.unreadable = await unreadableReason(this.file, err.reason, this.read ? 'the values last read' : DEFAULTS);
    }
  }

  private async save(): Promise<void> {
    // The conflict list is written only while it holds something (a file without one reads as before).
    this.db.data = {
      // Format 2 only while it holds conflicts: an older Casebook would drop them on a save (site.ts).
      schemaVersion: siteFileFormat(this.conflicts),
      site: this.site,
      ...(this.conflicts.length > 0 ? { conflicts: this.conflicts } : {}),
    };
    try {
      await this.db.write();
    } catch (err) {
      throw writeFailure('save the site settings', err);
    }
  }

  /** The schemaVersion of an existing file when it is newer than ours, else null. */
  private async newerVersion(): Promise<number | null> {
    try {
      const bytes = await readRegularFile(this.file);
      if (!bytes) return null;
      const probe = versionProbeSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      if (probe.success && probe.data.schemaVersion > SCHEMA_VERSION) return probe.data.schemaVersion;
    } catch {
      // Unreadable, too large or not JSON: open() handles it.
    }
    return null;
  }
}

const DEFAULTS = 'Casebook’s defaults';

function newerWorkspaceReason(version: number): string {
  return `This workspace was written by a newer version of Casebook (format ${version}; this app reads format ${SCHEMA_VERSION}). It is open read-only so nothing is rewritten; update Casebook to edit it.`;
}
