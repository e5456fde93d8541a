// Merges a team meets: a study deleted by one author and edited by another (the edit is kept),
// three clones syncing at the same moment (each retries until its work is in), and saves that
// land while a sync commits.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneAs, hasSystemGit, makeRepoWorkspace, makeRoot, sysGit } from './git-fixtures';
import git from 'isomorphic-git';
import { gitFs } from '../../../src/core/node/git/git-fs';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('merging', () => {
  it('keeps a study edited on one side and deleted on the other, whichever syncs first', async () => {
    const remote = path.join(root, 'team.git');
    const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Keep me', 'Also here']);
    await ann.syncWorkspace({ remote });
    const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
    await ann.deleteStudy({ id: ids[0] });
    await bob.updateStudy({ id: ids[0], patch: { summary: 'Bob kept working on it' } });
    await ann.syncWorkspace({});
    const bobSync = await bob.syncWorkspace({});
    expect(bobSync.conflicts).toEqual([]);
    await ann.syncWorkspace({});
    for (const side of [ann, bob]) expect((await side.getStudy({ id: ids[0] })).summary).toBe('Bob kept working on it');

    // The other order: the deletion arrives at the side that edited.
    await bob.updateStudy({ id: ids[1], patch: { summary: 'edited first' } });
    await bob.syncWorkspace({});
    await ann.deleteStudy({ id: ids[1] });
    await ann.syncWorkspace({});
    expect((await ann.getStudy({ id: ids[1] })).summary).toBe('edited first');
  });

  it('lets three clones sync at once: each retries until its commit is in, and none is lost', async () => {
    const remote = path.join(root, 'team.git');
    const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['One', 'Two', 'Three']);
    await ann.syncWorkspace({ remote });
    const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
    const cy = await cloneAs(remote, path.join(root, 'cy'), 'Cy');
    const sides = [ann, bob, cy];
    await Promise.all(sides.map((s, i) => s.updateStudy({ id: ids[i], patch: { summary: `by ${i}` } })));
    const results = await Promise.all(sides.map((s) => s.syncWorkspace({})));
    expect(results.every((r) => r.conflicts.length === 0)).toBe(true);
    // Two more rounds bring everyone what the others pushed.
    for (const s of sides) await s.syncWorkspace({});
    for (const s of sides) await s.syncWorkspace({});
    for (const s of sides)
      for (let i = 0; i < 3; i++) expect((await s.getStudy({ id: ids[i] })).summary).toBe(`by ${i}`);
    if (hasSystemGit) sysGit(remote, 'fsck', '--strict');
  }, 60_000);

  it('commits each file as one whole saved version while saves keep landing', async () => {
    const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Busy']);
    const saved = new Set<string>();
    let stop = false;
    const saving = (async () => {
      for (let i = 0; !stop && i < 200; i++) {
        const s = await ann.updateStudy({ id: ids[0], patch: { summary: `save ${i}` } });
        saved.add(s.summary);
      }
    })();
    const commits: string[] = [];
    for (let round = 0; round < 5; round++) {
      await ann.syncWorkspace({});
      commits.push(await git.resolveRef({ fs: gitFs, dir: ann.workspace, ref: 'HEAD' }));
    }
    stop = true;
    await saving;
    for (const oid of commits) {
      const { blob } = await git.readBlob({ fs: gitFs, dir: ann.workspace, oid, filepath: `studies/${ids[0]}.json` });
      const study = JSON.parse(Buffer.from(blob).toString('utf8'));
      expect(study.summary === 'Busy' || study.summary === '' || saved.has(study.summary)).toBe(true);
    }
    // The last save is in the next commit: nothing acknowledged stays out.
    await ann.syncWorkspace({});
    const onDisk = await readFile(path.join(ann.workspace, 'studies', `${ids[0]}.json`), 'utf8');
    const head = await git.readBlob({
      fs: gitFs,
      dir: ann.workspace,
      oid: await git.resolveRef({ fs: gitFs, dir: ann.workspace, ref: 'HEAD' }),
      filepath: `studies/${ids[0]}.json`,
    });
    expect(Buffer.from(head.blob).toString('utf8')).toBe(onDisk);
    expect((await ann.gitStatus({})).changed).toBe(0);
  }, 60_000);
});
