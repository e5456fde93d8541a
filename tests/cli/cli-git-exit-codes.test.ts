// casebook sync's exit codes: 3 when conflicts were kept in studies, 1 (with advice) when the
// remote is away — the edit stays committed here and a retry sends it.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRoot } from '../core/git/git-fixtures';
import { addStudy, casebook, setTitle } from './cli-git-helpers';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('casebook sync exit codes', () => {
  it('exits 3 when both changed the same field, 1 when the remote is away, and a retry sends everything', async () => {
    const ann = path.join(root, 'ann');
    const bob = path.join(root, 'bob');
    const remote = path.join(root, 'team.git');
    await casebook(['init', '-w', ann]);
    await addStudy(ann, 'shared', 'Shared');
    await casebook(['init', '--git', '-w', ann, '--author', 'Ann <ann@example.com>']);
    await casebook(['sync', '-w', ann, '--remote', remote]);
    await casebook(['clone', remote, bob]);
    await casebook(['init', '--git', '-w', bob, '--author', 'Bob <bob@example.com>']);
    await setTitle(ann, 'shared', 'Ann’s title');
    await setTitle(bob, 'shared', 'Bob’s title');
    expect((await casebook(['sync', '-w', ann])).code).toBe(0);
    const conflicted = await casebook(['sync', '-w', bob]);
    expect(conflicted.code).toBe(3);
    expect(conflicted.stdout).toMatch(/Conflicts kept for you to resolve .*'Bob’s title'/);

    // The shared folder goes away (a drive unplugged): exit 1, the edit stays committed here.
    await setTitle(bob, 'shared', 'Bob’s second title');
    const away = path.join(root, 'team-away.git');
    await rename(remote, away);
    const offline = await casebook(['sync', '-w', bob]);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/no git repository at .*team\.git/);
    await rename(away, remote);
    const retry = await casebook(['sync', '-w', bob]);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toMatch(/Sent: [1-9]\d* commits? to/);
    expect((await casebook(['sync', '-w', ann])).stdout).toMatch(/Received: 'Bob’s second title'/);
  }, 120_000);

  it('exits 3 with the site title changed on both sides, recorded in casebook.json for the author', async () => {
    const ann = path.join(root, 'ann');
    const bob = path.join(root, 'bob');
    const remote = path.join(root, 'team.git');
    await casebook(['init', '-w', ann]);
    await casebook(['init', '--git', '-w', ann, '--author', 'Ann <ann@example.com>']);
    await casebook(['sync', '-w', ann, '--remote', remote]);
    await casebook(['clone', remote, bob]);
    await casebook(['init', '--git', '-w', bob, '--author', 'Bob <bob@example.com>']);
    const name = async (ws: string, title: string) => {
      const file = path.join(ws, 'casebook.json');
      const json = JSON.parse(await readFile(file, 'utf8')) as { site: { title: string } };
      json.site.title = title;
      await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
    };
    await name(ann, 'Ann’s blog');
    await name(bob, 'Bob’s blog');
    expect((await casebook(['sync', '-w', ann])).code).toBe(0);
    const conflicted = await casebook(['sync', '-w', bob]);
    expect(conflicted.code).toBe(3);
    expect(conflicted.stdout).toMatch(
      /Conflicts kept for you to resolve .*theirs is recorded beside it.*'Site settings'/,
    );
    expect(conflicted.stdout).not.toMatch(/Not merged, yours kept whole/);
    expect(conflicted.stderr).toBe('');
    const listed = await casebook(['list', '-w', bob]);
    expect(listed.stdout).toMatch(/Site settings: 1 conflict to resolve/);
  }, 120_000);
});
