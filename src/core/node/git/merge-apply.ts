// Brings a merge into the working folder. A save may land while a sync runs: each file is
// replaced under the store's own lock, and only if it still holds the bytes we committed
// (compare-and-swap); a file saved since is merged again (base: what we committed, ours: the
// save, theirs: the merge), so neither the save nor what came in is lost. A journal in .git
// lets a sync killed half-way finish the job on the next run, instead of taking the files it
// had not yet updated for local edits.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { withFileLock, writeFileAtomic } from '../atomic-write';
import { gitFs, writeAtomically } from './git-fs';
import { readIndexFile, writeIndexFile, type IndexEntry } from './git-index-file';
import { indexEntriesFor } from './git-commit';
import { flatTreeOf } from './git-tree';
import { refuseUnsafePaths, staysOffDisk } from './link-guard';
import { inScope, plainFileMode } from './workspace-scan';
import { readBlobBytes } from './study-blob';
import { whenBothChanged } from '../../pure/merge/both-changed';
import type { FileConflict, FileMerger } from './tree-merge';

const JOURNAL = 'casebook-merge.json';

export interface MergeJournal {
  branch: string;
  ours: string;
  merged: string;
}

export interface AppliedMerge {
  /** Files whose content on disk changed. */
  changed: string[];
  /** Files saved during the sync and merged again with what came in. */
  remerged: string[];
  /** Conflicts those merges kept (ours kept; theirs recorded in the file or left in history). */
  conflicts: FileConflict[];
}

export async function readJournal(gitdir: string): Promise<MergeJournal | null> {
  try {
    return JSON.parse(await fsp.readFile(path.join(gitdir, JOURNAL), 'utf8')) as MergeJournal;
  } catch {
    return null;
  }
}

export async function clearJournal(gitdir: string): Promise<void> {
  await fsp.rm(path.join(gitdir, JOURNAL), { force: true });
}

export async function applyMerge(
  workspace: string,
  gitdir: string,
  journal: MergeJournal,
  mergeFile: FileMerger,
  onFile?: (done: number, total: number) => void,
  cache: object = {},
): Promise<AppliedMerge> {
  const [ours, merged] = await Promise.all([
    flatTreeOf(gitdir, journal.ours, cache),
    flatTreeOf(gitdir, journal.merged, cache),
  ]);
  // A committed link or submodule is never made on disk (link-guard.ts), and Casebook's
  // local-only folders (.quarantine, .casebook, .trash) are never filled from a commit: nothing to write.
  const paths = [...new Set([...ours.keys(), ...merged.keys()])].filter((p) => {
    const [o, m] = [ours.get(p), merged.get(p)];
    if (o?.oid === m?.oid && o?.mode === m?.mode) return false;
    return inScope(p) && !staysOffDisk(m?.mode) && !(m === undefined && staysOffDisk(o?.mode));
  });
  // Before anything is written: a link (or a file where a folder is needed) stops the merge.
  await refuseUnsafePaths(workspace, paths);
  await writeAtomically(path.join(gitdir, JOURNAL), JSON.stringify(journal));
  const result: AppliedMerge = { changed: [], remerged: [], conflicts: [] };
  const bytesOf = async (oid: string | undefined) =>
    oid ? Buffer.from(await readBlobBytes(gitdir, oid, cache)) : null;
  let done = 0;
  for (const p of paths) {
    const file = path.join(workspace, ...p.split('/'));
    const theirs = await bytesOf(merged.get(p)?.oid);
    const task = async () => {
      // Checked again under the lock: the folder may have changed since.
      await refuseUnsafePaths(workspace, [p]);
      const disk = await fsp.readFile(file).catch(() => null);
      const mode = plainFileMode(p, merged.get(p)?.mode);
      if (sameBytes(disk, theirs)) return void (await matchMode(file, mode));
      // A submodule or link replaced by a file: nothing of it was on disk.
      const base = staysOffDisk(ours.get(p)?.mode) ? null : await bytesOf(ours.get(p)?.oid);
      let next = theirs;
      if (!sameBytes(disk, base)) {
        // Saved (or deleted) here since the commit: merge again rather than overwrite.
        const rule = whenBothChanged(p, disk !== null, theirs !== null);
        if (rule === 'theirs') next = theirs;
        else if (rule === 'ours' || disk === null || theirs === null) {
          next = disk;
          if (disk && theirs) result.conflicts.push({ path: p, count: 1, recorded: false });
        } else {
          const again = mergeFile(p, base?.toString('utf8') ?? null, disk.toString('utf8'), theirs.toString('utf8'));
          next = Buffer.from(again.text, 'utf8');
          result.remerged.push(p);
          if (again.conflicts > 0) result.conflicts.push({ path: p, count: again.conflicts, recorded: again.recorded });
        }
      }
      if (sameBytes(disk, next)) return;
      if (next === null) await fsp.rm(file, { force: true });
      else {
        await fsp.mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, next);
        // What came in keeps its executable bit; a file merged again with a save keeps ours (committed next).
        await matchMode(file, next === theirs ? mode : plainFileMode(p, ours.get(p)?.mode));
      }
      result.changed.push(p);
    };
    // The lock the store takes for every save of this file (study-store.ts, site-store.ts).
    await refuseUnsafePaths(workspace, [p]);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await withFileLock(file, task, p);
    onFile?.(++done, paths.length);
  }
  await git.writeRef({ fs: gitFs, gitdir, ref: `refs/heads/${journal.branch}`, value: journal.merged, force: true });
  // Files replaced just now are hashed again on the next status (their stats are not trusted yet).
  const index = await readIndexFile(gitdir);
  const replaced = new Set(paths);
  const known = new Map<string, IndexEntry>();
  for (const [p, entry] of index.entries) if (!replaced.has(p) && entry.stage === 0) known.set(p, entry);
  await writeIndexFile(gitdir, indexEntriesFor(merged, known));
  await clearJournal(gitdir);
  return result;
}

/** Sets or clears the executable bits to match a tree entry's mode (git's 100755 / 100644), as git's checkout does. */
async function matchMode(file: string, mode: string | undefined): Promise<void> {
  if (process.platform === 'win32' || (mode !== '100755' && mode !== '100644')) return;
  const st = await fsp.stat(file).catch(() => null);
  if (!st) return;
  // Execute where read is allowed (git's 0777 & ~umask), or none.
  const wanted = mode === '100755' ? st.mode | ((st.mode & 0o444) >> 2) : st.mode & ~0o111;
  if ((wanted & 0o777) !== (st.mode & 0o777)) await fsp.chmod(file, wanted & 0o7777);
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.equals(b);
}
