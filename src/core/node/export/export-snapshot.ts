// What a site export knew about each study, kept so the next export after an edit reads,
// checks and renders only the studies whose file changed (site-incremental.ts). Per output
// folder, like the receipt (export-receipt.ts), and signed like it under the per-user secret
// (local-secret.ts): a workspace shared through git is hostile, and an entry is trusted as
// "this study's page, as written, has these bytes". For each study file: its identity (inode,
// size, mtime, ctime) when it was read, its fields (all a listing shows), a hash of its
// sections, its publish-check errors and the key they were checked under, and its page's key,
// size, SHA-1 and the image sources its body resolved, its social card's name, size and SHA-1, and
// what its sections gave the search. Files modified within RACY_MS of the
// moment their identity was taken are left out: a write in the same clock tick could keep it.
// Anything unexpected means "no snapshot": the export is then a full one.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { unsyncedWriteOps, writeFileAtomic } from '../atomic-write';
import { localSecret, signedText, verifiedBody } from '../local-secret';
import { RACY_MS } from '../summary-cache';
import { findingSchema } from '../../pure/checks/finding';
import { sectionSearchSchema } from '../../pure/export/site-search-doc';
import { readRegularFile } from './output-hashes';
import { CARD_NAME } from './site-card-render';
import { ensureCacheDir, removeCacheFile, RENDER_CACHE_DIR } from './site-render-cache';

const SNAPSHOT_VERSION = 1;
/** Far above the snapshot of 100,000 studies; a larger file was not written by Casebook. */
const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

const entrySchema = z.object({
  /** The study file's [ino, size, mtimeMs, ctimeMs] when it was read. */
  stamp: z.array(z.number()),
  /** fieldValues(study). */
  fields: z.array(z.unknown()),
  /** Its sections, as their render cache keys (site-incremental.ts docsHash). */
  docs: z.string(),
  publish: z.object({ key: z.string(), errors: z.array(findingSchema) }).optional(),
  page: z
    .object({
      key: z.string(),
      size: z.number().int(),
      sha1: z.string(),
      images: z.array(z.string()),
      /** Its reading time, which the listings show (absent in a snapshot of an older Casebook). */
      minutes: z.number().int().min(1).max(100_000).optional(),
      /** Its social card's file as written (absent: it has a cover, or an older Casebook's snapshot). */
      card: z
        .object({ size: z.number().int().min(0), sha1: z.string(), name: z.string().regex(CARD_NAME).optional() })
        .optional(),
    })
    .optional(),
  /** What its sections gave the search index (site-search-doc.ts sectionSearch). */
  search: sectionSearchSchema.optional(),
});
export type SnapshotEntry = z.infer<typeof entrySchema>;

const snapshotSchema = z.object({
  casebookExportSnapshot: z.literal(SNAPSHOT_VERSION),
  inputs: z.string(),
  /** [study id, entry]: an array, so no id from a file ever becomes an object key. */
  studies: z.array(z.tuple([z.string(), entrySchema])),
});

export interface Snapshot {
  /** exportInputsHash of everything but the studies (export-receipt.ts). */
  inputs: string;
  studies: Map<string, SnapshotEntry>;
}

export const snapshotFile = (workspace: string, realOut: string): string => {
  const name = createHash('sha256')
    .update(JSON.stringify([realOut, 'site']))
    .digest('hex');
  return path.join(path.resolve(workspace), RENDER_CACHE_DIR, `export-snapshot-${name.slice(0, 32)}.json`);
};

/** The snapshot for `realOut`, or null when there is none that this user's Casebook signed. */
export async function readSnapshot(workspace: string, realOut: string): Promise<Snapshot | null> {
  try {
    const secret = await localSecret();
    if (!secret) return null;
    const bytes = await readRegularFile(snapshotFile(workspace, realOut));
    if (!bytes || bytes.length > MAX_SNAPSHOT_BYTES) return null;
    const body = verifiedBody(secret, bytes);
    if (body === null) return null;
    const parsed = snapshotSchema.safeParse(JSON.parse(body));
    return parsed.success ? { inputs: parsed.data.inputs, studies: new Map(parsed.data.studies) } : null;
  } catch {
    return null;
  }
}

/** A stamp taken at `takenAt` that a write in the same clock tick could have left as it is. */
export const racy = (stamp: readonly number[], takenAt: number): boolean =>
  stamp.length < 4 || takenAt - stamp[2]! < RACY_MS || takenAt - stamp[3]! < RACY_MS;

/**
 * Keeps `snapshot` for the next export into `realOut` (entries already without racy stamps).
 * Never throws: without a snapshot the next export is a full one, nothing worse.
 */
export async function saveSnapshot(workspace: string, realOut: string, snapshot: Snapshot): Promise<void> {
  try {
    const secret = await localSecret();
    if (!secret || !(await ensureCacheDir(workspace))) return;
    const body = JSON.stringify({
      casebookExportSnapshot: SNAPSHOT_VERSION,
      inputs: snapshot.inputs,
      studies: [...snapshot.studies],
    });
    await writeFileAtomic(snapshotFile(workspace, realOut), signedText(secret, body), unsyncedWriteOps);
  } catch {
    // Derived data: the next export is a full one.
  }
}

/** Removes the snapshot for `realOut` (an export that left files alone). Never throws. */
export async function dropSnapshot(workspace: string, realOut: string): Promise<void> {
  await removeCacheFile(workspace, snapshotFile(workspace, realOut));
}
