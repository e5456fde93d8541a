// Failures a user must be able to act on (review findings 8, 9): a clone that failed leaves
// nothing behind (the same command works again); a teammate's commit holding `..` or `.git`
// stops every sync with a message naming the commit and the path, not "Unexpected error".
import { existsSync } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitFs } from '../../../src/core/node/git/git-fs';
import { cloneRepository } from '../../../src/core/node/git/git-setup';
import { DRIVER, cloneAs, makeRepoWorkspace, makeRoot } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

/** Pushes (straight into the bare remote) a commit whose root tree also holds a folder named `name`. */
async function pushUnsafeTree(remote: string, name: string): Promise<string> {
  const gitdir = remote;
  const tip = await git.resolveRef({ fs: gitFs, gitdir, ref: 'main' });
  const { commit } = await git.readCommit({ fs: gitFs, gitdir, oid: tip });
  const blob = await git.writeBlob({ fs: gitFs, gitdir, blob: Buffer.from('pwn\n') });
  const inner = await git.writeTree({
    fs: gitFs,
    gitdir,
    tree: [{ mode: '100644', path: 'x', oid: blob, type: 'blob' }],
  });
  const { tree } = await git.readTree({ fs: gitFs, gitdir, oid: commit.tree });
  const entries = [...tree, { mode: '40000', path: name, oid: inner, type: 'tree' as const }];
  entries.sort((a, b) =>
    Buffer.compare(
      Buffer.from(a.path + (a.type === 'tree' ? '/' : '')),
      Buffer.from(b.path + (b.type === 'tree' ? '/' : '')),
    ),
  );
  const bytes = Buffer.concat(
    entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.path}\0`), Buffer.from(e.oid, 'hex')])),
  );
  const rootTree = await git.writeObject({ fs: gitFs, gitdir, type: 'tree', object: bytes, format: 'content' });
  const who = { name: 'Eve', email: 'eve@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };
  const evil = await git.writeCommit({
    fs: gitFs,
    gitdir,
    commit: { message: 'unsafe\n', tree: rootTree, parent: [tip], author: who, committer: who },
  });
  await git.writeRef({ fs: gitFs, gitdir, ref: 'refs/heads/main', value: evil, force: true });
  return evil;
}

describe('failures a user can act on', () => {
  it('a failed clone leaves nothing behind, and the retry works', async () => {
    const remote = path.join(root, 'team.git');
    const { service } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['One']);
    await service.syncWorkspace({ remote });
    const target = path.join(root, 'bob');
    await expect(cloneRepository(path.join(root, 'missing.git'), target, DRIVER, {})).rejects.toThrow();
    expect(existsSync(target)).toBe(false);
    const bob = await cloneAs(remote, target, 'Bob');
    expect((await bob.listStudies({})).map((s) => s.title)).toEqual(['One']);
  });

  for (const name of ['..', '.git', '.GIT']) {
    it(`a remote commit holding "${name}" fails every sync naming the commit and the path`, async () => {
      const remote = path.join(root, 'team.git');
      const { service } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['One']);
      await service.syncWorkspace({ remote });
      const evil = await pushUnsafeTree(remote, name);
      const expected = new RegExp(`commit ${evil.slice(0, 7)} holds an unsafe path "${name.replace(/\./g, '\\.')}`);
      await expect(service.syncWorkspace({})).rejects.toThrow(expected);
      await expect(service.syncWorkspace({})).rejects.toThrow(expected);
      expect(existsSync(path.join(root, 'x'))).toBe(false);
    });
  }
});
