// The git commands as a user scripts them: init --git, sync --remote, clone, history, restore;
// a clear error when no author is known; plain git keeps working on the workspace.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasSystemGit, makeRoot, sysGit } from '../core/git/git-fixtures';
import { addStudy, casebook, setTitle } from './cli-git-helpers';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('casebook git commands', () => {
  it('init --git, sync --remote, clone, history and restore', async () => {
    const ann = path.join(root, 'ann');
    const remote = path.join(root, 'team.git');
    expect((await casebook(['init', '-w', ann])).code).toBe(0);
    await addStudy(ann, 'cache-outage', 'Cache outage');
    const init = await casebook(['init', '--git', '-w', ann, '--author', 'Ann Author <ann@example.com>']);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Made the git repository/);
    const first = await casebook(['sync', '-w', ann, '--remote', remote]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/Sent: 1 commit to /);

    const bob = path.join(root, 'bob');
    const clone = await casebook(['clone', remote, bob]);
    expect(clone.stdout).toMatch(/Cloned 1 case study into /);

    await setTitle(ann, 'cache-outage', 'Cache outage, revisited');
    const second = await casebook(['sync', '-w', ann]);
    expect(second.code).toBe(0);
    const history = await casebook(['history', 'cache-outage', '-w', ann, '--json']);
    const versions = JSON.parse(history.stdout) as Array<{
      commit: string;
      short: string;
      message: string;
      author: string;
    }>;
    expect(versions.map((v) => v.message)).toEqual(["Edit 'Cache outage, revisited'", 'Start the Casebook workspace']);
    expect(versions[0]!.author).toBe('Ann Author');
    const lines = await casebook(['history', 'cache-outage', '-w', ann]);
    expect(lines.stdout.split('\n')[0]).toMatch(
      new RegExp(
        `^${versions[0]!.short}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  Ann Author  Edit 'Cache outage, revisited'$`,
      ),
    );

    const restore = await casebook(['restore', 'cache-outage', '--at', versions[1]!.short, '-w', ann]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/Restored 'Cache outage'/);
    await casebook(['sync', '-w', ann]);
    const after = JSON.parse((await casebook(['history', 'cache-outage', '-w', ann, '--json'])).stdout) as unknown[];
    // History is kept: the restore is one more version on top.
    expect(after).toHaveLength(3);
    const pulled = await casebook(['sync', '-w', bob, '-m', 'Bob syncs']);
    expect(pulled.stdout).toMatch(/Received: 'Cache outage'/);
  }, 120_000);

  it('says how to set an author when none is known', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'casebook-home-'));
    const ws = path.join(root, 'ws');
    await casebook(['init', '-w', ws]);
    const env = { HOME: home, XDG_CONFIG_HOME: home, GIT_AUTHOR_NAME: '', GIT_AUTHOR_EMAIL: '' };
    const init = await casebook(['init', '--git', '-w', ws], env);
    expect(init.code).toBe(1);
    expect(init.stderr).toMatch(/needs your name and email .*--author "Your Name <you@example.com>"/);
    const again = await casebook(['init', '--git', '-w', ws, '--author', 'Dee <dee@example.com>'], env);
    expect(again.code).toBe(0);
  }, 60_000);

  it.skipIf(!hasSystemGit)(
    'leaves a repository plain git works with, and syncs commits made with git',
    async () => {
      const ws = path.join(root, 'ws');
      const remote = path.join(root, 'team.git');
      await casebook(['init', '-w', ws]);
      await addStudy(ws, 'one', 'One');
      await casebook(['init', '--git', '-w', ws, '--author', 'Ann <ann@example.com>']);
      await casebook(['sync', '-w', ws, '--remote', remote]);
      expect(sysGit(ws, 'status', '--porcelain')).toBe('');
      expect(sysGit(ws, 'log', '--format=%s')).toMatch(/Start the Casebook workspace/);
      expect(sysGit(ws, 'check-attr', 'merge', 'studies/one.json')).toMatch(/merge: casebook/);
      await writeFile(path.join(ws, 'notes.md'), 'Team notes\n');
      sysGit(ws, 'add', 'notes.md');
      sysGit(ws, 'commit', '-qm', 'Notes, committed with git');
      const sync = await casebook(['sync', '-w', ws]);
      expect(sync.stdout).toMatch(/Sent: 1 commit/);
      sysGit(remote, 'fsck', '--strict');
      expect(sysGit(remote, 'log', '--format=%s', 'main')).toMatch(/Notes, committed with git/);
      const copy = path.join(root, 'copy');
      sysGit(root, 'clone', '-q', remote, copy);
      expect(sysGit(copy, 'ls-files')).toMatch(/studies\/one\.json/);
    },
    120_000,
  );
});
