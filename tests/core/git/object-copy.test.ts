// Copying history between two repositories on disk (a local remote): what arrives is a whole,
// valid history that git itself accepts, loose or packed at the source, and a second copy
// writes only what is new.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobOid } from '../../../src/core/node/git/git-changes';
import { gitFs } from '../../../src/core/node/git/git-fs';
import { copyHistory, hasObject, type Repo } from '../../../src/core/node/git/object-copy';
import { hasSystemGit, makeRoot, sysGit } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

const repo = async (name: string): Promise<Repo> => {
  const gitdir = path.join(root, name);
  await git.init({ fs: gitFs, gitdir, bare: true, defaultBranch: 'main' });
  return { gitdir, cache: {} };
};
const who = { name: 'Ann', email: 'ann@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };

/** A commit on `parents` whose tree holds `files` (path → text) and a submodule entry. */
async function commit(r: Repo, files: Record<string, string>, parents: string[], message = 'm'): Promise<string> {
  const byFolder = new Map<string, Array<{ mode: string; path: string; oid: string; type: 'blob' | 'commit' }>>();
  for (const [p, text] of Object.entries(files)) {
    const [folder, name] = p.split('/') as [string, string];
    const oid = await git.writeBlob({ fs: gitFs, gitdir: r.gitdir, blob: Buffer.from(text) });
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), { mode: '100644', path: name, oid, type: 'blob' }]);
  }
  byFolder.set('vendor', [{ mode: '160000', path: 'lib', oid: 'c'.repeat(40), type: 'commit' }]);
  const entries = [];
  for (const [folder, tree] of byFolder)
    entries.push({
      mode: '040000',
      path: folder,
      oid: await git.writeTree({ fs: gitFs, gitdir: r.gitdir, tree }),
      type: 'tree' as const,
    });
  const tree = await git.writeTree({ fs: gitFs, gitdir: r.gitdir, tree: entries });
  return git.writeCommit({
    fs: gitFs,
    gitdir: r.gitdir,
    commit: { message, tree, parent: parents, author: who, committer: who },
  });
}

/** Every loose object file of a repository, with its inode (rewritten files get a new one). */
async function looseObjects(r: Repo): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  const objects = path.join(r.gitdir, 'objects');
  for (const dir of await readdir(objects)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const f of await readdir(path.join(objects, dir)))
      out.set(dir + f, (await stat(path.join(objects, dir, f), { bigint: true })).ino);
  }
  return out;
}

describe.skipIf(!hasSystemGit)('copying history', () => {
  it('brings every commit, tree and blob a tip needs, as a history git accepts', async () => {
    const [from, to] = [await repo('from.git'), await repo('to.git')];
    const c1 = await commit(from, { 'studies/a.json': 'a1', 'assets/x.txt': 'x' }, []);
    const left = await commit(from, { 'studies/a.json': 'a2', 'assets/x.txt': 'x' }, [c1]);
    const right = await commit(from, { 'studies/a.json': 'a1', 'assets/x.txt': 'x2' }, [c1]);
    const merge = await commit(from, { 'studies/a.json': 'a2', 'assets/x.txt': 'x2' }, [left, right]);
    expect(await hasObject(to, c1)).toBe(false);
    expect(await copyHistory(from, to, merge)).toBe(4);
    await git.writeRef({ fs: gitFs, gitdir: to.gitdir, ref: 'refs/heads/main', value: merge });
    sysGit(to.gitdir, 'fsck', '--strict', '--no-dangling');
    expect(sysGit(to.gitdir, 'rev-list', 'main').trim().split('\n').sort()).toEqual([c1, left, right, merge].sort());
    expect(sysGit(to.gitdir, 'show', `${right}:assets/x.txt`)).toBe('x2');
    // Everything is there: a second copy copies nothing.
    expect(await copyHistory(from, to, merge)).toBe(0);
  });

  it('copies two objects whose ids begin alike (one object folder) from a loose repository', async () => {
    const [from, to] = [await repo('from.git'), await repo('to.git')];
    // Two texts whose blob ids share their first two digits: both go to one objects/ folder.
    const first = new Map<string, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; !pair; i++) {
      const text = `note ${i}`;
      const prefix = blobOid(Buffer.from(text)).slice(0, 2);
      const other = first.get(prefix);
      if (other === undefined) first.set(prefix, text);
      else pair = [other, text];
    }
    const tip = await commit(from, { 'assets/one.txt': pair[0], 'assets/two.txt': pair[1] }, []);
    expect(await copyHistory(from, to, tip)).toBe(1);
    await git.writeRef({ fs: gitFs, gitdir: to.gitdir, ref: 'refs/heads/main', value: tip });
    sysGit(to.gitdir, 'fsck', '--strict', '--no-dangling');
    expect(sysGit(to.gitdir, 'show', `${tip}:assets/two.txt`)).toBe(pair[1]);
  });

  it('copies from a packed repository, and a later copy writes only the new objects', async () => {
    const [from, to] = [await repo('from.git'), await repo('to.git')];
    const c1 = await commit(from, { 'studies/a.json': 'a1', 'studies/b.json': 'b1', 'assets/x.txt': 'x' }, []);
    await git.writeRef({ fs: gitFs, gitdir: from.gitdir, ref: 'refs/heads/main', value: c1 });
    sysGit(from.gitdir, 'gc', '-q');
    expect(await looseObjects(from)).toEqual(new Map());
    expect(await hasObject({ gitdir: from.gitdir, cache: {} }, c1)).toBe(true);
    expect(await copyHistory({ gitdir: from.gitdir, cache: {} }, to, c1)).toBe(1);
    const before = await looseObjects(to);
    // One study changed: its blob, the studies tree, the root tree and the commit are new.
    const c2 = await commit(from, { 'studies/a.json': 'a2', 'studies/b.json': 'b1', 'assets/x.txt': 'x' }, [c1]);
    expect(await copyHistory(from, to, c2)).toBe(1);
    const after = await looseObjects(to);
    expect(after.size - before.size).toBe(4);
    for (const [oid, ino] of before) expect(after.get(oid), oid).toBe(ino);
    // Back to the first version: every object is there already, only the commit is new.
    const c3 = await commit(
      from,
      { 'studies/a.json': 'a1', 'studies/b.json': 'b1', 'assets/x.txt': 'x' },
      [c2],
      'back',
    );
    expect(await copyHistory(from, to, c3)).toBe(1);
    const last = await looseObjects(to);
    expect(last.size - after.size).toBe(1);
    for (const [oid, ino] of after) expect(last.get(oid), oid).toBe(ino);
    await git.writeRef({ fs: gitFs, gitdir: to.gitdir, ref: 'refs/heads/main', value: c3 });
    sysGit(to.gitdir, 'fsck', '--strict', '--no-dangling');
  });
});
