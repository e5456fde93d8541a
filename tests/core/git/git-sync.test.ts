// Two authors sync through a bare repository on disk: what one changed reaches the other, with
// nothing lost; a third clone syncing at the same time; the figures the Sync button shows.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneAs, hasSystemGit, makeRepoWorkspace, makeRoot, sysGit } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('sync between two clones', () => {
  it('brings edits of different studies to both sides and pushes every commit', async () => {
    const remote = path.join(root, 'team.git');
    const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', [
      'Cache outage',
      'Queue backlog',
    ]);
    const first = await ann.syncWorkspace({ remote });
    expect(first.sent).toBe(1);
    const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
    expect((await bob.listStudies({})).map((s) => s.title).sort()).toEqual(['Cache outage', 'Queue backlog']);

    await ann.updateStudy({ id: ids[0], patch: { summary: 'Ann wrote this' } });
    await bob.updateStudy({ id: ids[1], patch: { summary: 'Bob wrote this' } });
    expect((await ann.gitStatus({})).changed).toBe(1);
    const annSync = await ann.syncWorkspace({});
    expect(annSync.sent).toBe(1);
    const bobSync = await bob.syncWorkspace({});
    expect(bobSync.received.map((r) => r.title)).toEqual(['Cache outage']);
    expect(bobSync.conflicts).toEqual([]);
    expect(bobSync.sent).toBe(2); // Bob's edit and the merge
    await ann.syncWorkspace({});
    for (const side of [ann, bob]) {
      expect((await side.getStudy({ id: ids[0] })).summary).toBe('Ann wrote this');
      expect((await side.getStudy({ id: ids[1] })).summary).toBe('Bob wrote this');
      const status = await side.gitStatus({});
      expect(status).toMatchObject({ repository: true, branch: 'main', changed: 0, toSend: 0, toReceive: 0 });
      expect(status.lastSync).not.toBeNull();
    }
    if (hasSystemGit) {
      expect(sysGit(bob.workspace, 'status', '--porcelain')).toBe('');
      sysGit(remote, 'fsck', '--strict');
    }
  });
});
