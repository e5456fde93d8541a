// Casebook never writes through a link. A teammate's commit can hold a symlink (mode 120000)
// and, in a later commit, files "inside" it: written blindly, they would land wherever the
// link points (~/.gitconfig, autostart folders). So committed links are never made on disk,
// and before a merge touches a path every part of it under the workspace is checked with lstat.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { CasebookError } from '../../pure/errors';
import git from 'isomorphic-git';
import { gitFs } from './git-fs';
import { flatTreeOf, type FlatTree } from './git-tree';
import { inScope } from './workspace-scan';

export const LINK_MODE = '120000';

/** Whether a tree entry is a symbolic link (never materialised, never counted as deleted). */
export const isLinkMode = (mode: string | undefined): boolean => mode === LINK_MODE;

/** A submodule (gitlink): a commit id, not a blob. Kept in the tree as it is, nothing on disk. */
export const GITLINK_MODE = '160000';

/** Tree entries Casebook never writes on disk nor reads as files: links and submodules. */
export const staysOffDisk = (mode: string | undefined): boolean => mode === LINK_MODE || mode === GITLINK_MODE;

/** The paths of a tree that are links. */
export function linksOf(tree: FlatTree): string[] {
  return [...tree].filter(([, e]) => isLinkMode(e.mode)).map(([p]) => p);
}

/** Null when `p` (relative, with /) may be read, replaced or removed as a plain file; else why not. */
export async function unsafeWritePath(workspace: string, p: string): Promise<string | null> {
  const parts = p.split('/');
  let at = workspace;
  for (let i = 0; i < parts.length; i++) {
    at = path.join(at, parts[i]!);
    const last = i === parts.length - 1;
    let st;
    try {
      st = await fsp.lstat(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null; // nothing there yet: made as a folder
      throw err;
    }
    const shown = parts.slice(0, i + 1).join('/');
    if (st.isSymbolicLink()) return `${shown} is a link on disk`;
    if (!last && !st.isDirectory()) return `${shown} is not a folder`;
    if (last && !st.isFile()) return `${shown} is not a plain file`;
  }
  return null;
}

/** Throws a clear error naming every path a merge may not touch (nothing has been written yet). */
export async function refuseUnsafePaths(workspace: string, paths: readonly string[]): Promise<void> {
  const refused: string[] = [];
  for (const p of paths) {
    const why = await unsafeWritePath(workspace, p);
    if (why) refused.push(`${p} (${why})`);
  }
  if (refused.length === 0) return;
  throw new CasebookError(
    'conflict',
    `Sync stopped before changing any file: Casebook never writes through links, and what came in touches ${refused.join(', ')}. ` +
      'Move that link or file out of the workspace (it is not one Casebook made), then sync again.',
  );
}

/**
 * Checks out `branch` (at `commit`) into an empty folder: every file but links, submodules and
 * what sits in Casebook's local-only folders (a teammate's commit must not fill them); returns the links left out.
 */
export async function checkoutWithoutLinks(
  dir: string,
  gitdir: string,
  branch: string,
  commit: string,
): Promise<string[]> {
  const tree = await flatTreeOf(gitdir, commit);
  const links = linksOf(tree);
  const kept = [...tree].filter(([p, e]) => !staysOffDisk(e.mode) && inScope(p)).map(([p]) => p);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: passing every path checks out the same files as passing none
  const filepaths = kept.length < tree.size ? kept : undefined;
  // Stryker disable next-line BooleanLiteral: the folder is empty: nothing to overwrite or keep
  await git.checkout({ fs: gitFs, dir, gitdir, ref: branch, force: true, filepaths });
  return links;
}
