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
import { quarantineFile, type QuarantineEntry } from './quarantine';
import { readRegularFile } from './regular-file';
import {
  SCHEMA_VERSION,
  defaultSiteSettings,
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
    let quarantined: QuarantineEntry | null = null;
    try {
      await this.db.read();
    } catch (err) {
      if (!(err instanceof InvalidFileError)) throw err;
      quarantined = await quarantineFile(this.workspace, this.file, err.reason);
      this.db.data = null;
    }
    if (this.db.data) {
      this.site = this.db.data.site;
    } else {
      this.site = defaultSiteSettings();
      await this.save();
    }
    return { readOnlyReason: null, quarantined };
  }

  get(): SiteSettings {
    return structuredClone(this.site);
  }

  async update(patch: SitePatch): Promise<SiteSettings> {
    return withFileLock(this.file, async () => {
      await this.reload();
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

  /** Takes in what another process saved since we last read; quarantines a damaged file. */
  private async reload(): Promise<void> {
    try {
      await this.db.read();
      if (this.db.data) this.site = this.db.data.site;
    } catch (err) {
      if (err instanceof NewerVersionError) throw new CasebookError('read_only', newerWorkspaceReason(err.version));
      if (!(err instanceof InvalidFileError)) throw err;
      // Damaged since we opened it: set it aside (reported with the rest) and save ours.
      await quarantineFile(this.workspace, this.file, err.reason);
    }
  }

  private async save(): Promise<void> {
    this.db.data = { schemaVersion: SCHEMA_VERSION, site: this.site };
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

function newerWorkspaceReason(version: number): string {
  return `This workspace was written by a newer version of Casebook (format ${version}; this app reads format ${SCHEMA_VERSION}). It is open read-only so nothing is rewritten; update Casebook to edit it.`;
}
