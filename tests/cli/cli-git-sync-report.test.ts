// What `casebook sync` prints: what went out before what came in, files other than studies
// named by kind, and conflicts told apart by whether the file records theirs (resolvable in
// the app) or kept yours whole — from the merge itself, not from which studies list conflicts.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneAs, hasSystemGit, makeRepoWorkspace, makeRoot, sysGit } from '../core/git/git-fixtures';
import { casebook } from './cli-git-helpers';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('casebook sync output', () => {
  it('prints Sent before Received, and names site settings, templates and assets that came in', async () => {
    const remote = path.join(root, 'team.git');
    const { service: ann } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Shared']);
    await ann.syncWorkspace({ remote });
    const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
    await ann.updateSite({ patch: { title: 'Team blog' } });
    await mkdir(path.join(ann.workspace, 'templates'), { recursive: true });
    await writeFile(path.join(ann.workspace, 'templates', 'review.json'), '{}\n');
    await mkdir(path.join(ann.workspace, 'assets'), { recursive: true });
    for (const name of ['a.png', 'b.png']) await writeFile(path.join(ann.workspace, 'assets', name), name);
    await ann.syncWorkspace({});
    await bob.createStudy({ title: 'Bob’s own' });

    const synced = await casebook(['sync', '-w', bob.workspace]);
    expect(synced.code).toBe(0);
    const lines = synced.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Sent: 2 commits to /);
    expect(lines[1]).toBe('Received: site settings, 1 template, 2 assets.');
    // Then nothing on either side: said as nothing, not as "0 commits".
    const again = await casebook(['sync', '-w', bob.workspace]);
    expect(again.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^Sent: nothing new to /),
      'Received: nothing new.',
    ]);
  }, 60_000);

  it.skipIf(!hasSystemGit)(
    'says a study kept yours whole even when it already held an older conflict, on stdout in order, exit 3',
    async () => {
      const remote = path.join(root, 'team.git');
      const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Shared']);
      const id = ids[0]!;
      await ann.syncWorkspace({ remote });
      const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
      // An older conflict, left unresolved in Bob's study.
      await ann.updateStudy({ id, patch: { title: 'Ann’s title' } });
      await ann.syncWorkspace({});
      await bob.updateStudy({ id, patch: { title: 'Bob’s title' } });
      const first = await bob.syncWorkspace({});
      expect(first.conflicts).toEqual([{ id, title: 'Bob’s title', recorded: true }]);
      const older = (await bob.getStudy({ id })).conflicts.length;
      expect(older).toBeGreaterThan(0);

      // Ann takes that in, then commits with plain git a version from a newer Casebook, which no merge reads.
      await ann.syncWorkspace({});
      const file = path.join(ann.workspace, 'studies', `${id}.json`);
      const future = { ...(JSON.parse(await readFile(file, 'utf8')) as object), schemaVersion: 99, title: 'Future' };
      await writeFile(file, `${JSON.stringify(future, null, 2)}\n`);
      sysGit(ann.workspace, 'commit', '-qam', 'From a newer Casebook');
      sysGit(ann.workspace, 'push', '-q', 'origin', 'main');
      await bob.updateStudy({ id, patch: { summary: 'Bob goes on writing' } });

      const synced = await casebook(['sync', '-w', bob.workspace]);
      expect(synced.code).toBe(3);
      expect(synced.stderr).toBe('');
      const lines = synced.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^Sent: 2 commits to /);
      expect(lines[1]).toBe('Received: nothing new.');
      expect(lines[2]).toMatch(/^Not merged, yours kept whole .*'Bob’s title'.*Theirs is in the history/);
      expect(synced.stdout).not.toMatch(/Conflicts kept for you to resolve/);
      // Bob's file is his, whole: the older conflict still listed, nothing of the newer version in it.
      const kept = await bob.getStudy({ id });
      expect(kept).toMatchObject({ title: 'Bob’s title', summary: 'Bob goes on writing' });
      expect(kept.conflicts).toHaveLength(older);
    },
    90_000,
  );

  it('says when a deletion lost to an edit: on the side that edited, and where the study comes back', async () => {
    const remote = path.join(root, 'team.git');
    const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Contested', 'Other']);
    const id = ids[0]!;
    await ann.syncWorkspace({ remote });
    const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
    await ann.deleteStudy({ id });
    await ann.syncWorkspace({});
    await bob.updateStudy({ id, patch: { summary: 'Bob still needs it' } });

    const kept = "Kept, though deleted on one side: 'Contested'";
    const atBob = await casebook(['sync', '-w', bob.workspace]);
    expect(atBob.code).toBe(0);
    expect(atBob.stdout).toContain(kept);
    const atAnn = await casebook(['sync', '-w', ann.workspace]);
    expect(atAnn.stdout).toContain("Received: 'Contested'.");
    expect(atAnn.stdout).toContain(kept);
    expect((await ann.getStudy({ id })).summary).toBe('Bob still needs it');
    // Said once: a later sync with nothing new does not repeat it.
    expect((await casebook(['sync', '-w', ann.workspace])).stdout).not.toContain('Kept');
  }, 60_000);
});
