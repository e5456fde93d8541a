// Trees as flat maps and back, on a real repository: what a commit holds comes back path for
// path with its mode, a submodule stays a submodule, and a name that could write outside the
// workspace or into .git stops the read with an error naming the commit and the path.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitFs } from '../../../src/core/node/git/git-fs';
import { flatTreeOf, unsafeTreeError, writeFlatTree, type FlatTree } from '../../../src/core/node/git/git-tree';
import { CasebookError } from '../../../src/core/pure/errors';

let gitdir: string;
beforeEach(async () => {
  gitdir = await mkdtemp(path.join(tmpdir(), 'casebook-git-tree-'));
  await git.init({ fs: gitFs, gitdir, bare: true, defaultBranch: 'main' });
});
afterEach(async () => rm(gitdir, { recursive: true, force: true }));

const who = { name: 'Ann', email: 'ann@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };
const commitOf = (tree: string) =>
  git.writeCommit({ fs: gitFs, gitdir, commit: { message: 'm\n', tree, parent: [], author: who, committer: who } });
const blob = (text: string) => git.writeBlob({ fs: gitFs, gitdir, blob: Buffer.from(text) });

/** A tree object written byte by byte (isomorphic-git's writeTree would not take every name). */
async function rawTree(entries: Array<{ mode: string; path: string; oid: string }>): Promise<string> {
  const bytes = Buffer.concat(
    entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.path}\0`), Buffer.from(e.oid, 'hex')])),
  );
  return git.writeObject({ fs: gitFs, gitdir, type: 'tree', object: bytes, format: 'content' });
}

describe('flat trees', () => {
  it('come back from a commit exactly as written: nested folders, modes and a submodule', async () => {
    const files: FlatTree = new Map([
      ['casebook.json', { oid: await blob('{}'), mode: '100644' }],
      ['assets/img/run.sh', { oid: await blob('#!/bin/sh\n'), mode: '100755' }],
      ['assets/img/x.png', { oid: await blob('png'), mode: '100644' }],
      ['assets/top.txt', { oid: await blob('top'), mode: '100644' }],
      ['vendor/lib', { oid: 'a'.repeat(40), mode: '160000' }],
    ]);
    const root = await writeFlatTree(gitdir, files);
    const commit = await commitOf(root);
    expect(await flatTreeOf(gitdir, commit)).toEqual(files);
    // The submodule is a commit entry in its folder's tree, as git writes it.
    const vendor = (await git.readTree({ fs: gitFs, gitdir, oid: root, filepath: 'vendor' })).tree;
    expect(vendor).toEqual([{ mode: '160000', path: 'lib', oid: 'a'.repeat(40), type: 'commit' }]);
    // A second commit is read as itself, not as the first (each is cached under its own id).
    const other = await commitOf(await writeFlatTree(gitdir, new Map([['a.txt', files.get('casebook.json')!]])));
    expect([...(await flatTreeOf(gitdir, other)).keys()]).toEqual(['a.txt']);
    expect(await flatTreeOf(gitdir, commit)).toEqual(files);
  });

  it('of an unborn branch are empty', async () => {
    expect(await flatTreeOf(gitdir, null)).toEqual(new Map());
  });

  it.each(['..', '.', '.git', '.GIT', '.git.', '.git ', '.Git. .', 'a\\b'])(
    'refuse a commit holding a name "%s", naming the commit and the path',
    async (name) => {
      const x = await blob('pwn');
      const inner = await rawTree([{ mode: '100644', path: name, oid: x }]);
      const commit = await commitOf(await rawTree([{ mode: '40000', path: 'assets', oid: inner }]));
      const read = flatTreeOf(gitdir, commit);
      await expect(read).rejects.toBeInstanceOf(CasebookError);
      await expect(read).rejects.toThrow(`The commit ${commit.slice(0, 7)} holds an unsafe path "${name}"`);
    },
  );

  it('take names that only look like .git', async () => {
    const x = await blob('ok');
    const names = ['.github', '.gitx', 'x.git', 'git', 'a.b'];
    const commit = await commitOf(await rawTree(names.map((p) => ({ mode: '100644', path: p, oid: x }))));
    expect([...(await flatTreeOf(gitdir, commit)).keys()].sort()).toEqual([...names].sort());
  });
});

describe('the unsafe-path error', () => {
  it('names the path isomorphic-git refused, and passes any other error on unchanged', () => {
    const named = unsafeTreeError(
      '0123456789abcdef',
      new Error('filepath "a/../b" contains unsafe character sequences'),
    );
    expect(named).toBeInstanceOf(CasebookError);
    expect((named as CasebookError).code).toBe('bad_response');
    expect((named as Error).message).toMatch(
      /^The commit 0123456 holds an unsafe path "a\/\.\.\/b" .*git push --force/,
    );
    const other = new Error('ENOENT: no such object');
    expect(unsafeTreeError('0123456789abcdef', other)).toBe(other);
    expect(unsafeTreeError('0123456789abcdef', 'not an error')).toBe('not an error');
  });
});
