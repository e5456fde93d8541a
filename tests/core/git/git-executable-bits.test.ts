// Executable bits, as plain git keeps them: a file committed 100755 stays 100755 through syncs
// that did not change it (and through a clone and a merge, which make it executable on disk);
// a new executable file is committed 100755; only the author's own chmod -x makes it 100644.
import { chmod, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneAs, hasSystemGit, makeRepoWorkspace, makeRoot, sysGit } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

const modeIn = (dir: string, rev: string, file: string) => sysGit(dir, 'ls-tree', rev, file).split(' ')[0];
const executable = async (file: string) => ((await stat(file)).mode & 0o111) !== 0;

describe.skipIf(!hasSystemGit || process.platform === 'win32')('executable bits', () => {
  it('keeps 100755 through syncs, clones and merges, and commits a new executable file as 100755', async () => {
    const remote = path.join(root, 'team.git');
    const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Shared']);
    const id = ids[0]!;
    await ann.syncWorkspace({ remote });
    // The repository says what the folder keeps, as git's own init would (isomorphic-git writes filemode = false).
    expect(sysGit(ann.workspace, 'config', 'core.filemode')).toBe('true\n');
    // A script committed executable with plain git.
    await mkdir(path.join(ann.workspace, 'scripts'));
    const script = path.join(ann.workspace, 'scripts', 'build.sh');
    await writeFile(script, '#!/bin/sh\necho build\n');
    await chmod(script, 0o755);
    sysGit(ann.workspace, 'add', 'scripts/build.sh');
    sysGit(ann.workspace, 'commit', '-qm', 'Add the build script');

    // A sync that changed a study, not the script: the script stays 100755, and git sees nothing to do.
    await ann.updateStudy({ id, patch: { summary: 'Edited in Casebook' } });
    await ann.syncWorkspace({});
    expect(modeIn(ann.workspace, 'HEAD', 'scripts/build.sh')).toBe('100755');
    expect(sysGit(ann.workspace, 'status', '--porcelain')).toBe('');

    // A new executable file is committed 100755.
    const fresh = path.join(ann.workspace, 'scripts', 'deploy.sh');
    await writeFile(fresh, '#!/bin/sh\necho deploy\n');
    await chmod(fresh, 0o755);
    await ann.syncWorkspace({});
    expect(modeIn(remote, 'main', 'scripts/deploy.sh')).toBe('100755');
    expect(modeIn(remote, 'main', 'scripts/build.sh')).toBe('100755');

    // A clone makes them executable on disk, and its own sync leaves them so.
    const bob = await cloneAs(remote, path.join(root, 'bob'), 'Bob');
    const bobScript = path.join(bob.workspace, 'scripts', 'build.sh');
    expect(await executable(bobScript)).toBe(true);
    await bob.updateStudy({ id, patch: { title: 'Bob’s title' } });
    await bob.syncWorkspace({});
    expect(modeIn(remote, 'main', 'scripts/build.sh')).toBe('100755');

    // A merge that brings a new version of the script keeps it executable here.
    await writeFile(script, '#!/bin/sh\necho build twice\n');
    await ann.syncWorkspace({});
    await bob.updateStudy({ id, patch: { summary: 'Bob writes on' } });
    await bob.syncWorkspace({});
    expect(await executable(bobScript)).toBe(true);
    expect(modeIn(bob.workspace, 'HEAD', 'scripts/build.sh')).toBe('100755');
    expect(sysGit(bob.workspace, 'status', '--porcelain')).toBe('');
    expect((await bob.gitStatus({})).changed).toBe(0);

    // The author's chmod -x, bytes unchanged, is a change of its own.
    await chmod(bobScript, 0o644);
    expect((await bob.gitStatus({})).changed).toBe(1);
    await bob.syncWorkspace({});
    expect(modeIn(remote, 'main', 'scripts/build.sh')).toBe('100644');
  }, 60_000);
});
