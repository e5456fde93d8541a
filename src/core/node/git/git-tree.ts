// Trees as flat maps (path → blob id and mode) and back: what commit, merge and checkout
// compare. A workspace is a few folders of files, so flat maps are small and simple.
import git from 'isomorphic-git';
import { CasebookError } from '../../pure/errors';
import { gitFs } from './git-fs';

export interface FileEntry {
  oid: string;
  mode: string;
}
export type FlatTree = Map<string, FileEntry>;

const flatCache = new Map<string, FlatTree>();

/** Every file of a commit's tree (empty for null: an unborn branch). Cached by commit id. */
export async function flatTreeOf(gitdir: string, commit: string | null, cache: object = {}): Promise<FlatTree> {
  if (commit === null) return new Map();
  const key = `${gitdir}\0${commit}`;
  const hit = flatCache.get(key);
  // Stryker disable next-line ConditionalExpression: a commit's tree never changes; the cache only saves reads
  if (hit) return hit;
  const { commit: parsed } = await git.readCommit({ fs: gitFs, gitdir, oid: commit, cache });
  const out: FlatTree = new Map();
  await addTree(gitdir, parsed.tree, '', out, cache).catch((err: unknown) => {
    throw unsafeTreeError(commit, err);
  });
  // Two commits are enough: the HEAD before and after one sync.
  // Stryker disable next-line all: the bound only limits memory; every entry stays correct
  if (flatCache.size > 4) flatCache.delete(flatCache.keys().next().value as string);
  flatCache.set(key, out);
  return out;
}

async function addTree(gitdir: string, oid: string, prefix: string, out: FlatTree, cache: object): Promise<void> {
  const { tree } = await git.readTree({ fs: gitFs, gitdir, oid, cache });
  for (const entry of tree) {
    const p = prefix + entry.path;
    // Stryker disable next-line all: isomorphic-git's readTree refuses every such name first (assertSafeEntryPath checks a superset); kept should a release drop that check
    if (UNSAFE_NAME.test(entry.path)) throw new UnsafePathError(p);
    if (entry.type === 'tree') await addTree(gitdir, entry.oid, `${p}/`, out, cache);
    // Submodules (commit entries) are not ours to follow: kept as they are.
    else out.set(p, { oid: entry.oid, mode: entry.mode });
  }
}

// `..`, `.`, `.git` (any case, trailing dots or spaces as Windows reads them), and separators: a
// commit holding one could write outside the workspace or into the repository itself.
const UNSAFE_NAME = /^(\.{1,2}|\.git[. ]*)$|[/\\\0]/i;

class UnsafePathError extends Error {
  constructor(readonly filepath: string) {
    super(filepath);
  }
}

/** A named error for a commit whose tree holds an unsafe path (isomorphic-git's own check included). */
export function unsafeTreeError(commit: string, err: unknown): unknown {
  // Stryker disable next-line all: only UnsafePathError gives an own path, and it is unreachable (see addTree)
  const own = err instanceof UnsafePathError ? err.filepath : null;
  // Stryker disable next-line StringLiteral: a message that is not an Error's cannot name a path either way
  const theirs = /filepath "(.*)" contains unsafe/.exec(err instanceof Error ? err.message : '')?.[1];
  const filepath = own ?? theirs;
  if (filepath === undefined) return err;
  return new CasebookError(
    'bad_response',
    `The commit ${commit.slice(0, 7)} holds an unsafe path "${filepath}" (it could write outside the workspace or into .git), so Casebook will not take it in. ` +
      'A later commit does not help (the history still holds it): whoever manages the remote must take that commit out of its history (git reset to the commit before it, then git push --force), then sync again.',
  );
}

interface Folder {
  files: Array<{ name: string; entry: FileEntry }>;
  folders: Map<string, Folder>;
}

/** Writes the trees of a flat map and returns the root tree's id. */
export async function writeFlatTree(gitdir: string, files: FlatTree): Promise<string> {
  const root: Folder = { files: [], folders: new Map() };
  for (const [p, entry] of files) {
    const parts = p.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = { files: [], folders: new Map() }));
      folder = next;
    }
    folder.files.push({ name: parts[parts.length - 1], entry });
  }
  return writeFolder(gitdir, root);
}

async function writeFolder(gitdir: string, folder: Folder): Promise<string> {
  const tree: Array<{ mode: string; path: string; oid: string; type: 'blob' | 'tree' | 'commit' }> = [];
  for (const [name, sub] of folder.folders)
    // Stryker disable next-line StringLiteral: isomorphic-git writes a tree entry's mode from its type
    tree.push({ mode: '040000', path: name, oid: await writeFolder(gitdir, sub), type: 'tree' });
  for (const { name, entry } of folder.files)
    // Stryker disable next-line all: isomorphic-git writes an entry by its mode; the type is for its type checker
    tree.push({ mode: entry.mode, path: name, oid: entry.oid, type: entry.mode === '160000' ? 'commit' : 'blob' });
  return git.writeTree({ fs: gitFs, gitdir, tree });
}
