// What changed in the workspace since the last commit. The index serves as git uses it, a
// cache of each file's stats and blob id: only files whose stats moved are read and hashed.
// A file is read through one open handle (fstat, then read): saves replace files by rename, so
// the bytes and the stats are always of one version, never a mix.
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { gitFs } from './git-fs';
import { indexStatsOf, readIndexFile, statsMatch, type IndexEntry, type IndexFile } from './git-index-file';
import type { FlatTree } from './git-tree';
import { GITLINK_MODE, staysOffDisk } from './link-guard';
import { inScope, plainFileMode, scanWorkspace } from './workspace-scan';
import { listQuarantine } from '../quarantine';

export interface FileChange {
  path: string;
  kind: 'add' | 'edit' | 'delete';
  /** The file's blob id now (null when deleted). */
  oid: string | null;
  /** The mode to commit: '100755' (executable) or '100644'; null when deleted. */
  mode: string | null;
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

/**
 * The mode to commit for a regular file, as git reads it: executable here → 100755. A file that
 * is not executable keeps a committed 100755 when its bytes changed, because every save writes
 * a new file (atomic-write.ts) and drops the bit; with its bytes as committed, the author
 * removed it. Where the repository says the folder keeps no executable bit (core.fileMode false,
 * as on Windows), git reads none from disk, and neither does this: the committed mode stays.
 */
export function fileMode(st: BigIntStats, committed: string | undefined, sameBytes: boolean, execBits = true): string {
  if (!execBits) return committed === '100755' ? '100755' : '100644';
  if ((st.mode & 0o100n) !== 0n) return '100755';
  return !sameBytes && committed === '100755' ? '100755' : '100644';
}

export async function workspaceChanges(workspace: string, gitdir: string, head: FlatTree): Promise<WorkspaceChanges> {
  // A reason file that came in a commit (plain git checks out what a teammate committed) is
  // not Casebook's own: trusting it would keep a study's deletion from ever being sent.
  const [index, files, quarantined, execBits] = await Promise.all([
    readIndexFile(gitdir),
    scanWorkspace(workspace),
    listQuarantine(workspace, (reasonFile) => head.has(reasonFile)),
    tracksExecBits(workspace, gitdir),
  ]);
  const setAsideHere = new Set(quarantined.map((q) => q.file));
  // A submodule's folder (checked out by plain git) holds another repository's files, not ours.
  const submodules = [...head].filter(([, e]) => e.mode === GITLINK_MODE).map(([p]) => `${p}/`);
  const inSubmodule = (p: string) => submodules.some((s) => p.startsWith(s));
  const setAside: string[] = [];
  const changes: FileChange[] = [];
  const fresh = new Map<string, IndexEntry>();
  const seen = new Set<string>();
  await Promise.all(
    files.map(async ({ path: p, stats }) => {
      if (inSubmodule(p)) return;
      seen.add(p);
      const committed = head.get(p);
      const entry = index.entries.get(p);
      if (entry && entry.stage === 0 && statsMatch(entry, stats, index)) {
        if (committed?.oid === entry.oid) fresh.set(p, entry);
        else {
          const mode = plainFileMode(p, fileMode(stats, committed?.mode, false, execBits));
          changes.push({ path: p, kind: committed ? 'edit' : 'add', oid: entry.oid, mode, bytes: null, stats });
        }
        return;
      }
      const version = await readVersion(path.join(workspace, p));
      if (!version) {
        seen.delete(p);
        return;
      }
      const oid = blobOid(version.bytes);
      const mode = plainFileMode(p, fileMode(version.stats, committed?.mode, committed?.oid === oid, execBits));
      if (committed?.oid === oid && committed.mode === mode) {
        fresh.set(p, {
          path: p,
          oid,
          stage: 0,
          stats: indexStatsOf(version.stats, Number.parseInt(committed.mode, 8)),
        });
      } else {
        changes.push({
          path: p,
          kind: committed ? 'edit' : 'add',
          oid,
          mode,
          bytes: version.bytes,
          stats: version.stats,
        });
      }
    }),
  );
  for (const [p, { mode }] of head) {
    // A committed link or submodule is never made on disk (link-guard.ts): its absence is not a deletion.
    if (staysOffDisk(mode)) continue;
    if (!seen.has(p) && inScope(p) && !(await existsAtAll(path.join(workspace, p)))) {
      // Moved to .quarantine by Casebook itself (it did not parse): the committed version stays.
      if (setAsideHere.has(p)) setAside.push(p);
      else changes.push({ path: p, kind: 'delete', oid: null, mode: null, bytes: null, stats: null });
    }
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { changes, index, fresh, setAside };
}

/** git's core.fileMode (true when unset, as git assumes); never on Windows. */
async function tracksExecBits(workspace: string, gitdir: string): Promise<boolean> {
  if (process.platform === 'win32') return false;
  const value: unknown = await git
    .getConfig({ fs: gitFs, dir: workspace, gitdir, path: 'core.filemode' })
    .catch(() => undefined);
  return value !== false && value !== 'false';
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
