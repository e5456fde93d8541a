// casebook.json: the workspace's marker file and its site settings (lowdb).
// A file written by a newer Casebook opens the workspace read-only, never rewritten.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { CasebookError } from './errors';
import { InvalidFileError, ValidatedJsonFile } from './json-file';
import { quarantineFile, type QuarantineEntry } from './quarantine';
import {
  SCHEMA_VERSION,
  defaultSiteSettings,
  siteSettingsSchema,
  workspaceFileSchema,
  type SitePatch,
  type SiteSettings,
  type WorkspaceFile,
} from './schemas/site';

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
    this.db = new Low<WorkspaceFile | null>(new ValidatedJsonFile(this.file, workspaceFileSchema.nullable()), null);
  }

  get file(): string {
    return path.join(this.workspace, WORKSPACE_FILE);
  }

  async open(): Promise<SiteStoreOpenResult> {
    const newer = await this.newerVersion();
    if (newer !== null) {
      return {
        readOnlyReason: `This workspace was written by a newer version of Casebook (format ${newer}; this app reads format ${SCHEMA_VERSION}). It is open read-only so nothing is rewritten; update Casebook to edit it.`,
        quarantined: null,
      };
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
    const next = siteSettingsSchema.safeParse({ ...this.site, ...patch });
    if (!next.success) throw new CasebookError('invalid_input', next.error.issues.map((i) => i.message).join('; '));
    this.site = next.data;
    await this.save();
    return this.get();
  }

  private async save(): Promise<void> {
    this.db.data = { schemaVersion: SCHEMA_VERSION, site: this.site };
    await this.db.write();
  }

  /** The schemaVersion of an existing file when it is newer than ours, else null. */
  private async newerVersion(): Promise<number | null> {
    try {
      const probe = versionProbeSchema.safeParse(JSON.parse(await fsp.readFile(this.file, 'utf8')));
      if (probe.success && probe.data.schemaVersion > SCHEMA_VERSION) return probe.data.schemaVersion;
    } catch {
      // Missing or unreadable: open() handles it.
    }
    return null;
  }
}
