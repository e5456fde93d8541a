// Commits what changed in the workspace: each file's bytes are taken once (the version read
// to hash it), so a save landing meanwhile is either wholly in this commit or wholly in the
// next, never half. The index is rewritten to match the new commit, as `git commit -a` leaves it.
import path from 'node:path';
import git from 'isomorphic-git';
import { commitSummary, type ChangedFile } from '../../pure/git/commit-summary';
import { gitFs } from './git-fs';
import { indexStatsOf, unknownStats, writeIndexFile, type IndexEntry } from './git-index-file';
import type { GitIdentity } from './git-options';
import { readVersion, type FileChange, type WorkspaceChanges } from './git-changes';
import { flatTreeOf, writeFlatTree, type FlatTree } from './git-tree';
import { studyTitleOf } from './study-blob';

export interface CommitInput {
  workspace: string;
  gitdir: string;
  branch: string;
  head: string | null;
  found: WorkspaceChanges;
  author: GitIdentity;
  message?: string;
  cache?: object;
}

export interface CommitResult {
  commit: string | null;
  files: ChangedFile[];
}

export async function commitChanges(input: CommitInput): Promise<CommitResult> {
  const { workspace, gitdir, head, found, cache = {} } = input;
  if (found.changes.length === 0) return { commit: null, files: [] };
  const before = await flatTreeOf(gitdir, head, cache);
  const after: FlatTree = new Map(before);
  const files: ChangedFile[] = [];
  const entries = new Map<string, IndexEntry>(found.fresh);
  for (const change of found.changes) {
    if (change.kind === 'delete') {
      after.delete(change.path);
      const old = before.get(change.path);
      files.push({
        path: change.path,
        kind: 'delete',
        title: old ? await studyTitleOf(gitdir, change.path, old.oid) : null,
      });
      continue;
    }
    const { oid, bytes, stats } = await storedBlob(workspace, gitdir, change);
    const mode = change.mode ?? before.get(change.path)?.mode ?? '100644';
    after.set(change.path, { oid, mode });
    entries.set(change.path, {
      path: change.path,
      oid,
      stage: 0,
      stats: stats ? indexStatsOf(stats, Number.parseInt(mode, 8)) : unknownStats(),
    });
    files.push({ path: change.path, kind: change.kind, title: await studyTitleOf(gitdir, change.path, oid, bytes) });
  }
  const tree = await writeFlatTree(gitdir, after);
  const who = { name: input.author.name, email: input.author.email };
  const commit = await git.commit({
    fs: gitFs,
    dir: workspace,
    gitdir,
    message: input.message ?? commitSummary(files),
    author: who,
    committer: who,
    tree,
    parent: head ? [head] : [],
    ref: `refs/heads/${input.branch}`,
    cache,
  });
  await writeIndexFile(gitdir, indexEntriesFor(after, entries));
  return { commit, files };
}

/** Index entries for a tree: known stats where the working file matches, else zero stats (hashed next time). */
export function indexEntriesFor(tree: FlatTree, known: Map<string, IndexEntry>): IndexEntry[] {
  return [...tree].map(([p, { oid, mode }]) => {
    const entry = known.get(p);
    return entry && entry.oid === oid
      ? entry
      : { path: p, oid, stage: 0, stats: unknownStats(Number.parseInt(mode, 8)) };
  });
}

/** The change's blob, written to the object store (the bytes read when hashing it, or read now). */
async function storedBlob(workspace: string, gitdir: string, change: FileChange) {
  if (change.bytes) {
    const oid = await git.writeBlob({ fs: gitFs, gitdir, blob: change.bytes });
    return { oid, bytes: change.bytes, stats: change.stats };
  }
  try {
    await git.readObject({ fs: gitFs, gitdir, oid: change.oid ?? '', format: 'deflated' });
    return { oid: change.oid ?? '', bytes: null, stats: change.stats };
  } catch {
    // Staged by another tool and since lost from the store: take the file as it is now.
    const version = await readVersion(path.join(workspace, change.path));
    if (!version) throw new Error(`${change.path} went away while it was being committed`);
    const oid = await git.writeBlob({ fs: gitFs, gitdir, blob: version.bytes });
    return { oid, bytes: version.bytes, stats: version.stats };
  }
}
