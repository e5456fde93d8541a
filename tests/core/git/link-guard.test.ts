// The checks that keep a merge from writing through a link, on real folders: every part of a
// path is looked at, the refusal names each path and why, and a checkout leaves out links,
// submodules and Casebook's local-only folders.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitFs } from '../../../src/core/node/git/git-fs';
import { writeFlatTree, type FlatTree } from '../../../src/core/node/git/git-tree';
import { checkoutWithoutLinks, refuseUnsafePaths, unsafeWritePath } from '../../../src/core/node/git/link-guard';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'casebook-link-guard-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

/** A workspace holding studies/a.json, a folder `assets/img`, and `assets/out` linking outside. */
async function workspace(): Promise<string> {
  const ws = path.join(root, 'ws');
  await mkdir(path.join(ws, 'studies'), { recursive: true });
  await mkdir(path.join(ws, 'assets', 'img'), { recursive: true });
  await mkdir(path.join(root, 'outside'));
  await writeFile(path.join(ws, 'studies', 'a.json'), '{}');
  await symlink(path.join(root, 'outside'), path.join(ws, 'assets', 'out'));
  return ws;
}

describe('a path a merge may write', () => {
  it('is fine when it is a plain file, or when nothing is there yet', async () => {
    const ws = await workspace();
    expect(await unsafeWritePath(ws, 'studies/a.json')).toBeNull();
    expect(await unsafeWritePath(ws, 'studies/new.json')).toBeNull();
    expect(await unsafeWritePath(ws, 'templates/new/deep.json')).toBeNull();
  });

  it('is not taken for safe when the disk cannot tell (a name too long to look at)', async () => {
    const ws = await workspace();
    await expect(unsafeWritePath(ws, `studies/${'x'.repeat(300)}.json`)).rejects.toThrow(/ENAMETOOLONG/);
  });

  it('is refused through a link, through a file, or when it is a folder, naming the part at fault', async () => {
    const ws = await workspace();
    expect(await unsafeWritePath(ws, 'assets/out/pwn.txt')).toBe('assets/out is a link on disk');
    expect(await unsafeWritePath(ws, 'assets/out')).toBe('assets/out is a link on disk');
    expect(await unsafeWritePath(ws, 'studies/a.json/x')).toBe('studies/a.json is not a folder');
    expect(await unsafeWritePath(ws, 'assets/img')).toBe('assets/img is not a plain file');
  });

  it('is refused with every unsafe path named, before anything is written', async () => {
    const ws = await workspace();
    await expect(refuseUnsafePaths(ws, ['studies/a.json', 'studies/b.json'])).resolves.toBeUndefined();
    const refusal = refuseUnsafePaths(ws, ['assets/out/pwn.txt', 'studies/a.json', 'assets/img']);
    await expect(refusal).rejects.toMatchObject({ code: 'conflict' });
    await expect(refusal).rejects.toThrow(
      'Sync stopped before changing any file: Casebook never writes through links, and what came in touches ' +
        'assets/out/pwn.txt (assets/out is a link on disk), assets/img (assets/img is not a plain file). ' +
        'Move that link or file out of the workspace',
    );
    expect(await readdir(path.join(root, 'outside'))).toEqual([]);
  });
});

describe('a checkout of a teammate’s commit', () => {
  it('writes every file but links, submodules and the local-only folders, and returns the links', async () => {
    const src = path.join(root, 'src.git');
    await git.init({ fs: gitFs, gitdir: src, bare: true, defaultBranch: 'main' });
    const blob = (text: string) => git.writeBlob({ fs: gitFs, gitdir: src, blob: Buffer.from(text) });
    const files: FlatTree = new Map([
      ['studies/a.json', { oid: await blob('{"a":1}'), mode: '100644' }],
      ['assets/link', { oid: await blob('/etc'), mode: '120000' }],
      ['vendor/sub', { oid: 'b'.repeat(40), mode: '160000' }],
      ['.casebook/poison.json', { oid: await blob('poison'), mode: '100644' }],
    ]);
    const who = { name: 'Eve', email: 'eve@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };
    const tree = await writeFlatTree(src, files);
    const commit = await git.writeCommit({
      fs: gitFs,
      gitdir: src,
      commit: { message: 'm\n', tree, parent: [], author: who, committer: who },
    });
    await git.writeRef({ fs: gitFs, gitdir: src, ref: 'refs/heads/main', value: commit });
    const dir = path.join(root, 'bob');
    await mkdir(dir);
    expect(await checkoutWithoutLinks(dir, src, 'main', commit)).toEqual(['assets/link']);
    expect(await readFile(path.join(dir, 'studies', 'a.json'), 'utf8')).toBe('{"a":1}');
    expect(existsSync(path.join(dir, 'assets', 'link'))).toBe(false);
    expect(existsSync(path.join(dir, 'vendor', 'sub'))).toBe(false);
    expect(existsSync(path.join(dir, '.casebook', 'poison.json'))).toBe(false);
  });
});
