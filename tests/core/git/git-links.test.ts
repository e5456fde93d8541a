// A teammate's commit holding a symlink, then files "inside" it (review finding 1): Casebook never
// makes the link, never writes through one already on disk, and nothing lands outside the workspace.
import { lstat, mkdir, readdir, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { setAuthor } from '../../../src/core/node/git/git-identity';
import { cloneAs, hasSystemGit, makeRepoWorkspace, makeRoot, sysGit } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

/** Ann's remote; Eve (plain git) pushes `assets/link -> outside`, returns a push for "link becomes a folder". */
async function remoteWithLink() {
  const remote = path.join(root, 'team.git');
  const outside = path.join(root, 'outside');
  await mkdir(outside);
  const { service: ann } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['One']);
  await ann.syncWorkspace({ remote });
  const eve = path.join(root, 'eve');
  sysGit(root, 'clone', '-q', remote, eve);
  await mkdir(path.join(eve, 'assets'), { recursive: true });
  sysGit(eve, 'config', 'core.symlinks', 'true');
  await symlink(outside, path.join(eve, 'assets', 'link'));
  sysGit(eve, 'add', '-A');
  sysGit(eve, 'commit', '-qm', 'add link');
  sysGit(eve, 'push', '-q', 'origin', 'HEAD:main');
  const replaceLink = async () => {
    sysGit(eve, 'rm', '-q', 'assets/link');
    await mkdir(path.join(eve, 'assets', 'link'), { recursive: true });
    await writeFile(path.join(eve, 'assets', 'link', 'pwn.txt'), 'pwn\n');
    sysGit(eve, 'add', '-A');
    sysGit(eve, 'commit', '-qm', 'link becomes folder');
    sysGit(eve, 'push', '-q', 'origin', 'HEAD:main');
  };
  return { remote, outside, replaceLink };
}

describe.skipIf(!hasSystemGit)('committed symbolic links', () => {
  it('are not made by clone, and what later comes "inside" them stays in the workspace', async () => {
    const { remote, outside, replaceLink } = await remoteWithLink();
    const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
    const link = path.join(bob.workspace, 'assets', 'link');
    await expect(lstat(link)).rejects.toThrow(/ENOENT/);
    // The link left out is not a deletion: Bob's sync commits nothing.
    expect((await bob.gitStatus({})).changed).toBe(0);
    await replaceLink();
    await bob.syncWorkspace({});
    expect(await readdir(outside)).toEqual([]);
    expect((await lstat(link)).isDirectory()).toBe(true);
    expect(await readdir(link)).toEqual(['pwn.txt']);
  });

  it('a link already on disk (plain git clone) is never written through: the sync stops naming it', async () => {
    const { remote, outside, replaceLink } = await remoteWithLink();
    const bobDir = path.join(root, 'bob');
    sysGit(root, 'clone', '-q', remote, bobDir);
    expect((await lstat(path.join(bobDir, 'assets', 'link'))).isSymbolicLink()).toBe(true);
    const bob = await openWorkspace(bobDir);
    await setAuthor(bobDir, path.join(bobDir, '.git'), { name: 'Bob', email: 'bob@example.com' });
    await replaceLink();
    await expect(bob.syncWorkspace({})).rejects.toThrow(/never writes through links.*assets\/link is a link on disk/);
    expect(await readdir(outside)).toEqual([]);
    // Once the link is moved away, the sync goes through (the link's absence is not a deletion).
    await unlink(path.join(bobDir, 'assets', 'link'));
    await bob.syncWorkspace({});
    expect(await readdir(path.join(bobDir, 'assets', 'link'))).toEqual(['pwn.txt']);
    expect(await readdir(outside)).toEqual([]);
  });
});
