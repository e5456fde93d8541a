// Questions about the commit graph: how many commits one side has that the other lacks, and
// the common ancestor of two.
import git from 'isomorphic-git';
import { gitFs } from './git-fs';

const MAX_WALK = 20_000;

async function ancestors(gitdir: string, tip: string, cache: object): Promise<Set<string>> {
  const seen = new Set<string>();
  const stack = [tip];
  while (stack.length && seen.size < MAX_WALK) {
    const oid = stack.pop() as string;
    if (seen.has(oid)) continue;
    seen.add(oid);
    const { commit } = await git
      .readCommit({ fs: gitFs, gitdir, oid, cache })
      .catch(() => ({ commit: { parent: [] as string[] } }));
    stack.push(...commit.parent);
  }
  return seen;
}

/** Commits reachable from `from` and not from `other` (null: none). */
export async function countAhead(
  gitdir: string,
  from: string | null,
  other: string | null,
  cache: object = {},
): Promise<number> {
  if (!from || from === other) return 0;
  const theirs = other ? await ancestors(gitdir, other, cache) : new Set<string>();
  let count = 0;
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length && seen.size < MAX_WALK) {
    const oid = stack.pop() as string;
    if (seen.has(oid) || theirs.has(oid)) continue;
    seen.add(oid);
    count++;
    const { commit } = await git
      .readCommit({ fs: gitFs, gitdir, oid, cache })
      .catch(() => ({ commit: { parent: [] as string[] } }));
    stack.push(...commit.parent);
  }
  return count;
}

export async function isAncestor(gitdir: string, ancestor: string, of: string, cache: object = {}): Promise<boolean> {
  if (ancestor === of) return true;
  return git.isDescendent({ fs: gitFs, gitdir, oid: of, ancestor, depth: -1, cache });
}

export async function mergeBase(gitdir: string, a: string, b: string, cache: object = {}): Promise<string | null> {
  const bases = (await git.findMergeBase({ fs: gitFs, gitdir, oids: [a, b], cache })) as string[];
  return bases[0] ?? null;
}
