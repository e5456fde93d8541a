// What changed in the workspace since the last commit. The index serves as git uses it, a
// cache of each file's stats and blob id: only files whose stats moved are read and hashed.
// A file is read through one open handle (fstat, then read): saves replace files by rename, so
// the bytes and the stats are always of one version, never a mix.
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { indexStatsOf, readIndexFile, statsMatch, type IndexEntry, type IndexFile } from './git-index-file';
import type { FlatTree } from './git-tree';
import { isLinkMode } from './link-guard';
import { inScope, scanWorkspace } from './workspace-scan';
import { listQuarantine } from '../quarantine';

export interface FileChange {
  path: string;
  kind: 'add' | 'edit' | 'delete';
  /** The file's blob id now (null when deleted). */
  oid: string | null;
  /** The file's bytes as read (add/edit, when it was read to hash it). */
  bytes: Buffer | null;
  stats: BigIntStats | null;
}

export interface WorkspaceChanges {
  changes: FileChange[];
  index: IndexFile;
  /** Entries for files found unchanged (fresh stats): what the next index write keeps. */
  fresh: Map<string, IndexEntry>;
  /** Committed files missing because the store set them aside (quarantine.ts): not deletions. */
  setAside: string[];
}

export const blobOid = (bytes: Uint8Array): string =>
  createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/** Reads a file's bytes and the stats of exactly those bytes; null when it is gone. */
export async function readVersion(file: string): Promise<{ bytes: Buffer; stats: BigIntStats } | null> {
  let handle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const stats = await handle.stat({ bigint: true });
    return { bytes: await handle.readFile(), stats };
  } finally {
    await handle.close();
  }
}

export async function workspaceChanges(workspace: string, gitdir: string, head: FlatTree): Promise<WorkspaceChanges> {
  const [index, files, quarantined] = await Promise.all([
    readIndexFile(gitdir),
    scanWorkspace(workspace),
    listQuarantine(workspace),
  ]);
  const setAsideHere = new Set(quarantined.map((q) => q.file));
  const setAside: string[] = [];
  const changes: FileChange[] = [];
  const fresh = new Map<string, IndexEntry>();
  const seen = new Set<string>();
  await Promise.all(
    files.map(async ({ path: p, stats }) => {
      seen.add(p);
      const committed = head.get(p);
      const entry = index.entries.get(p);
      if (entry && entry.stage === 0 && statsMatch(entry, stats, index)) {
        if (committed?.oid === entry.oid) fresh.set(p, entry);
        else changes.push({ path: p, kind: committed ? 'edit' : 'add', oid: entry.oid, bytes: null, stats });
        return;
      }
      const version = await readVersion(path.join(workspace, p));
      if (!version) {
        seen.delete(p);
        return;
      }
      const oid = blobOid(version.bytes);
      if (committed?.oid === oid) {
        fresh.set(p, {
          path: p,
          oid,
          stage: 0,
          stats: indexStatsOf(version.stats, Number.parseInt(committed.mode, 8)),
        });
      } else {
        changes.push({ path: p, kind: committed ? 'edit' : 'add', oid, bytes: version.bytes, stats: version.stats });
      }
    }),
  );
  for (const [p, { mode }] of head) {
    // A committed link is never made on disk (link-guard.ts): its absence is not a deletion.
    if (isLinkMode(mode)) continue;
    if (!seen.has(p) && inScope(p) && !(await existsAtAll(path.join(workspace, p)))) {
      // Moved to .quarantine by Casebook itself (it did not parse): the committed version stays.
      if (setAsideHere.has(p)) setAside.push(p);
      else changes.push({ path: p, kind: 'delete', oid: null, bytes: null, stats: null });
    }
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { changes, index, fresh, setAside };
}

// A committed path the scan left out may be ignored now, a link or a submodule (committed with
// plain git): only a missing one is a deletion.
async function existsAtAll(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch {
    return false;
  }
}
