// What a teammate's plain git can put in a commit that Casebook must not take as files: a
// submodule entry (kept in the tree, nothing on disk), files in the local-only folders (never
// written here, a planted reason file never trusted), and mode-only changes (applied to
// ordinary files, never making a study, a template or casebook.json executable).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneAs, hasSystemGit, makeRepoWorkspace, makeRoot, sysGit } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

/** A teammate working with plain git only: a clone of the remote. */
function plainGitClone(remote: string, dir: string): string {
  execFileSync('git', ['clone', '-q', remote, dir]);
  return dir;
}
const lsTree = (dir: string, rev: string, file: string) => sysGit(dir, 'ls-tree', rev, file).trim();
// Casebook writes its own cache there; only Bob's version is one it must not have taken.
const poisoned = (file: string) => existsSync(file) && readFileSync(file, 'utf8').includes('poison');
const executable = async (file: string) => ((await stat(file)).mode & 0o111) !== 0;

describe.skipIf(!hasSystemGit)('commits made with plain git', () => {
  it('a submodule entry stays in the tree, is never written here, and does not stop a sync', async () => {
    const remote = path.join(root, 'team.git');
    const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Kept']);
    await ann.syncWorkspace({ remote });
    const bob = plainGitClone(remote, path.join(root, 'bob'));
    // A commit of another repository: this one does not hold it, as with any real submodule.
    const head = '0123456789abcdef0123456789abcdef01234567';
    sysGit(bob, 'update-index', '--add', '--cacheinfo', `160000,${head},studies/sub`);
    sysGit(bob, 'commit', '-qm', 'A submodule');
    sysGit(bob, 'push', '-q', 'origin', 'HEAD');

    // Fast-forward, then a real merge (both sides changed something): neither reads it as a blob.
    expect((await ann.syncWorkspace({})).receivedFiles).toEqual([]);
    expect(existsSync(path.join(ann.workspace, 'studies', 'sub'))).toBe(false);
    await writeFile(path.join(bob, 'notes.txt'), 'from Bob\n');
    sysGit(bob, 'add', 'notes.txt');
    sysGit(bob, 'commit', '-qm', 'Notes');
    sysGit(bob, 'push', '-q', 'origin', 'HEAD');
    await ann.updateStudy({ id: ids[0]!, patch: { summary: 'Ann writes' } });
    const result = await ann.syncWorkspace({});
    expect(result.sent).toBeGreaterThan(0);
    expect(existsSync(path.join(ann.workspace, 'studies', 'sub'))).toBe(false);
    // Its absence here is not a deletion: the entry stays as Bob committed it.
    expect(lsTree(remote, 'main', 'studies/sub')).toBe(`160000 commit ${head}\tstudies/sub`);
    expect((await ann.gitStatus({})).changed).toBe(0);
    expect((await ann.listStudies({})).map((s) => s.title)).toEqual(['Kept']);
    // A clone leaves it out as well.
    const carol = await cloneAs(remote, path.join(root, 'carol'), 'Carol');
    expect(existsSync(path.join(carol.workspace, 'studies', 'sub'))).toBe(false);
    expect((await carol.gitStatus({})).changed).toBe(0);
  }, 60_000);

  it('files committed in the local-only folders are never written here, and a planted reason file hides no deletion', async () => {
    const remote = path.join(root, 'team.git');
    const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Gone soon', 'Stays']);
    await ann.syncWorkspace({ remote });
    const bob = plainGitClone(remote, path.join(root, 'bob'));
    const victim = `studies/${ids[0]}.json`;
    await mkdir(path.join(bob, '.quarantine'));
    await mkdir(path.join(bob, '.casebook'));
    const reason = {
      file: victim,
      reason: 'planted',
      quarantinedAt: new Date().toISOString(),
      storedAs: '.quarantine/x',
    };
    await writeFile(path.join(bob, '.quarantine', 'x.reason.json'), JSON.stringify(reason));
    await writeFile(path.join(bob, '.casebook', 'summary-cache.json'), '{"poison":true}');
    sysGit(bob, 'add', '-f', '.quarantine', '.casebook');
    sysGit(bob, 'commit', '-qm', 'Local folders');
    sysGit(bob, 'push', '-q', 'origin', 'HEAD');

    // Nothing reached the files, and nothing is said to have come in.
    expect((await ann.syncWorkspace({})).receivedFiles).toEqual([]);
    expect(existsSync(path.join(ann.workspace, '.quarantine', 'x.reason.json'))).toBe(false);
    expect(poisoned(path.join(ann.workspace, '.casebook', 'summary-cache.json'))).toBe(false);
    const carol = await cloneAs(remote, path.join(root, 'carol'), 'Carol');
    expect(existsSync(path.join(carol.workspace, '.quarantine'))).toBe(false);
    expect(poisoned(path.join(carol.workspace, '.casebook', 'summary-cache.json'))).toBe(false);

    // Even where plain git put the reason file on disk, it does not make the deletion "set aside".
    await mkdir(path.join(ann.workspace, '.quarantine'), { recursive: true });
    await writeFile(path.join(ann.workspace, '.quarantine', 'x.reason.json'), JSON.stringify(reason));
    await ann.deleteStudy({ id: ids[0]! });
    await rm(path.join(ann.workspace, '.trash'), { recursive: true, force: true });
    const result = await ann.syncWorkspace({});
    expect(result.setAside).toEqual([]);
    expect(sysGit(remote, 'ls-tree', '--name-only', '-r', 'main', 'studies/')).not.toContain(victim);
  }, 60_000);

  it.skipIf(process.platform === 'win32')(
    'a mode-only change reaches the disk for a script, never for a study or casebook.json',
    async () => {
      const remote = path.join(root, 'team.git');
      const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Plain data']);
      const script = path.join(ann.workspace, 'run.sh');
      await writeFile(script, '#!/bin/sh\necho hi\n');
      await ann.syncWorkspace({ remote });
      expect(await executable(script)).toBe(false);
      const bob = plainGitClone(remote, path.join(root, 'bob'));
      const study = `studies/${ids[0]}.json`;
      sysGit(bob, 'update-index', '--chmod=+x', 'run.sh', study, 'casebook.json');
      sysGit(bob, 'commit', '-qm', 'Modes');
      sysGit(bob, 'push', '-q', 'origin', 'HEAD');

      await ann.syncWorkspace({});
      expect(await executable(script)).toBe(true);
      expect(await executable(path.join(ann.workspace, study))).toBe(false);
      expect(await executable(path.join(ann.workspace, 'casebook.json'))).toBe(false);
      // The next sync puts the data files back to 100644 for everyone; the script stays 100755.
      await ann.updateStudy({ id: ids[0]!, patch: { summary: 'Saved again' } });
      await ann.syncWorkspace({});
      expect(lsTree(remote, 'main', study).split(' ')[0]).toBe('100644');
      expect(lsTree(remote, 'main', 'casebook.json').split(' ')[0]).toBe('100644');
      expect(lsTree(remote, 'main', 'run.sh').split(' ')[0]).toBe('100755');
      expect(sysGit(ann.workspace, 'status', '--porcelain')).toBe('');
      // Ann's own chmod -x is committed as before.
      await chmod(script, 0o644);
      await ann.syncWorkspace({});
      expect(lsTree(remote, 'main', 'run.sh').split(' ')[0]).toBe('100644');
    },
    60_000,
  );
});
