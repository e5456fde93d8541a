// init --git and clone register the merge driver in the repository's config with a command
// that runs from any folder: a plain `git pull` then merges a study by field, as sync does.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { hasSystemGit, makeRoot, sysGit } from '../core/git/git-fixtures';
import { casebook } from './cli-git-helpers';
import { desktopDriverCommand } from '../../src/main/merge-driver-command';
import { setMergeDriver } from '../../src/core/node/git/git-setup';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe.skipIf(!hasSystemGit)('the merge driver under plain git', () => {
  it('merges a title changed on one side and tags on the other with git pull', async () => {
    const ann = path.join(root, 'ann');
    const bob = path.join(root, 'bob');
    const remote = path.join(root, 'team.git');
    const id = (await (await openWorkspace(ann)).createStudy({ title: 'Shared' })).id;
    expect((await casebook(['init', '--git', '-w', ann, '--author', 'Ann <ann@example.com>'])).code).toBe(0);
    await casebook(['sync', '-w', ann, '--remote', remote]);
    expect((await casebook(['clone', remote, bob])).code).toBe(0);
    expect(sysGit(bob, 'config', 'merge.casebook.driver')).toMatch(/merge-driver %O %A %B %P/);

    await (await openWorkspace(ann)).updateStudy({ id, patch: { title: 'Title by Ann' } });
    await casebook(['sync', '-w', ann]);
    await (await openWorkspace(bob)).updateStudy({ id, patch: { tags: ['from-bob'] } });
    sysGit(bob, 'commit', '-qam', 'Tags by Bob');
    sysGit(bob, 'pull', '--no-rebase', '-q', 'origin', 'main');
    const study = await (await openWorkspace(bob)).getStudy({ id });
    expect(study).toMatchObject({ title: 'Title by Ann', tags: ['from-bob'], conflictCount: 0 });
    expect(sysGit(bob, 'status', '--porcelain')).toBe('');
  }, 90_000);

  it("runs with the desktop app's command line: its executable as Node, the bundled CLI", async () => {
    // Here the executable is node itself (ELECTRON_RUN_AS_NODE changes nothing for it), and the
    // app's folder is this checkout, as in a development build of the app.
    const command = desktopDriverCommand(process.execPath, path.resolve(__dirname, '../..'));
    expect(command).toMatch(/^ELECTRON_RUN_AS_NODE=1 '/);
    const ann = path.join(root, 'ann');
    const bob = path.join(root, 'bob');
    const remote = path.join(root, 'team.git');
    const id = (await (await openWorkspace(ann)).createStudy({ title: 'Shared' })).id;
    expect((await casebook(['init', '--git', '-w', ann, '--author', 'Ann <ann@example.com>'])).code).toBe(0);
    await casebook(['sync', '-w', ann, '--remote', remote]);
    expect((await casebook(['clone', remote, bob])).code).toBe(0);
    await setMergeDriver(bob, command);

    await (await openWorkspace(ann)).updateStudy({ id, patch: { summary: 'Summary by Ann' } });
    await casebook(['sync', '-w', ann]);
    await (await openWorkspace(bob)).updateStudy({ id, patch: { categories: ['Reliability'] } });
    sysGit(bob, 'commit', '-qam', 'Category by Bob');
    sysGit(bob, 'pull', '--no-rebase', '-q', 'origin', 'main');
    const study = await (await openWorkspace(bob)).getStudy({ id });
    expect(study).toMatchObject({ summary: 'Summary by Ann', categories: ['Reliability'], conflictCount: 0 });
  }, 90_000);
});
