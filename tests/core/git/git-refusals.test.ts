// Workspaces a sync must not touch (review findings 2, 10): a sparse checkout (studies left off
// disk on purpose would be committed as deleted for everyone), an index in a format the engine
// does not read, a git operation left unfinished (named as such, even when HEAD is detached).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { setAuthor } from '../../../src/core/node/git/git-identity';
import { hasSystemGit, makeRepoWorkspace, makeRoot, sysGit } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

async function sharedWorkspace() {
  const remote = path.join(root, 'team.git');
  const { service: ann } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['One', 'Two']);
  await ann.syncWorkspace({ remote });
  return { remote, ann, tip: sysGit(remote, 'rev-parse', 'main').trim() };
}

async function plainClone(remote: string, ...flags: string[]) {
  const dir = path.join(root, 'bob');
  sysGit(root, 'clone', '-q', ...flags, remote, dir);
  await setAuthor(dir, path.join(dir, '.git'), { name: 'Bob', email: 'bob@example.com' });
  return openWorkspace(dir);
}

describe.skipIf(!hasSystemGit)('sync refuses what it cannot keep', () => {
  it('a sparse checkout: exit with a clear message, nothing deleted, nothing pushed', async () => {
    const { remote, tip } = await sharedWorkspace();
    const bob = await plainClone(remote, '--sparse');
    await expect(bob.syncWorkspace({})).rejects.toThrow(/sparse checkout.*Nothing was sent/);
    expect(sysGit(remote, 'rev-parse', 'main').trim()).toBe(tip);
    expect(sysGit(remote, 'ls-tree', '-r', '--name-only', 'main')).toMatch(/studies\/.*studies\//s);
  });

  it('an index of version 4', async () => {
    const { remote, tip } = await sharedWorkspace();
    const bob = await plainClone(remote);
    sysGit(bob.workspace, 'update-index', '--index-version', '4');
    await expect(bob.syncWorkspace({})).rejects.toThrow(/index.version 4/);
    expect(sysGit(remote, 'rev-parse', 'main').trim()).toBe(tip);
  });

  it('an unfinished rebase is named as such, not as a detached HEAD', async () => {
    const { ann } = await sharedWorkspace();
    sysGit(ann.workspace, 'checkout', '-q', '--detach');
    await mkdir(path.join(ann.workspace, '.git', 'rebase-apply'));
    await expect(ann.syncWorkspace({})).rejects.toThrow(/rebase.*unfinished/);
  });
});
