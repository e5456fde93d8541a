// The three-way merge of two commits' trees, file by file. isomorphic-git's merge() is not
// used for this: it refuses a file deleted on one side and edited on the other (the edit must
// be kept here) and stops at conflicts, where Casebook keeps one side and records the other in
// the study. Studies, site settings and templates merge by meaning (Part M's
// mergeWorkspaceFile, the same function the `casebook merge-driver` of plain git calls).
import git from 'isomorphic-git';
import { gitFs } from './git-fs';
import { staysOffDisk } from './link-guard';
import { readBlobBytes } from './study-blob';
import type { FileEntry, FlatTree } from './git-tree';
import { whenBothChanged } from '../../pure/merge/both-changed';
import type { mergeWorkspaceFile } from '../../pure/merge/workspace-file-merge';

/** The merge of one file by meaning, loaded when a sync needs it (file-merger.ts). */
export type FileMerger = typeof mergeWorkspaceFile;

/** A file where both sides changed the same thing, with how many conflicts it kept. */
export interface FileConflict {
  path: string;
  count: number;
  /** The file records theirs beside ours (resolvable in the app); false: ours kept whole, theirs only in history. */
  recorded: boolean;
}

export interface TreeMerge {
  tree: FlatTree;
  /** Paths whose merged content differs from ours (what came in). */
  received: string[];
  /** Paths where both sides changed the same thing (ours kept; theirs recorded in the file or left in history). */
  conflicts: FileConflict[];
  /** Paths one side deleted and the other edited: the edit is kept. */
  editsKept: string[];
}

const text = async (gitdir: string, oid: string, cache: object): Promise<string> =>
  Buffer.from(await readBlobBytes(gitdir, oid, cache)).toString('utf8');

/** Same content and mode (a mode-only change is a change, as for git). */
const same = (a: FileEntry | undefined, b: FileEntry | undefined): boolean => a?.oid === b?.oid && a?.mode === b?.mode;

/** Both sides hold the same bytes but not the same mode: the side that changed the mode wins. */
const modeOfBoth = (b: FileEntry | undefined, o: FileEntry, t: FileEntry): string =>
  b?.mode === o.mode ? t.mode : o.mode;

export async function mergeTrees(
  gitdir: string,
  base: FlatTree,
  ours: FlatTree,
  theirs: FlatTree,
  mergeFile: FileMerger,
  cache: object = {},
): Promise<TreeMerge> {
  const tree: FlatTree = new Map();
  const received: string[] = [];
  const conflicts: TreeMerge['conflicts'] = [];
  const editsKept: string[] = [];
  const paths = new Set([...base.keys(), ...ours.keys(), ...theirs.keys()]);
  for (const p of [...paths].sort()) {
    const b = base.get(p);
    const o = ours.get(p);
    const t = theirs.get(p);
    let result: FileEntry | undefined;
    // Stryker disable next-line ConditionalExpression: the branches below give o too when both sides are the same (same bytes and mode)
    if (same(o, t)) result = o;
    else if (same(b, o)) result = t;
    else if (same(b, t)) result = o;
    else if (o && t && o.oid === t.oid) result = { oid: o.oid, mode: modeOfBoth(b, o, t) };
    else {
      // Stryker disable next-line ConditionalExpression: a missing theirs keeps ours through !t below whatever the rule
      const rule = whenBothChanged(p, o !== undefined, t !== undefined);
      // A deletion on one side, an edit on the other: the edit is kept, and said (the file stays, or comes back).
      if (b && (!o || !t)) editsKept.push(p);
      if (rule === 'theirs') result = t;
      // A link or submodule is not text to merge: ours stays, theirs is in history.
      else if (rule === 'ours' || !o || !t || staysOffDisk(o.mode) || staysOffDisk(t.mode)) {
        result = o;
        // Both edited a file that does not merge by meaning (an image): ours stays, theirs is in history.
        if (o && t) conflicts.push({ path: p, count: 1, recorded: false });
      } else {
        const merged = mergeFile(
          p,
          b ? await text(gitdir, b.oid, cache) : null,
          await text(gitdir, o.oid, cache),
          await text(gitdir, t.oid, cache),
        );
        // Stryker disable next-line StringLiteral: Buffer.from with no encoding is UTF-8 too
        const oid = await git.writeBlob({ fs: gitFs, gitdir, blob: Buffer.from(merged.text, 'utf8') });
        result = { oid, mode: o.mode };
        if (merged.conflicts > 0) conflicts.push({ path: p, count: merged.conflicts, recorded: merged.recorded });
      }
    }
    if (result) tree.set(p, result);
    if (result?.oid !== o?.oid) received.push(p);
  }
  return { tree, received, conflicts, editsKept };
}
