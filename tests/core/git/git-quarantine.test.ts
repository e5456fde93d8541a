// A study Casebook set aside itself (it did not parse: .quarantine) is not the author deleting it
// (review finding 4): sync keeps it as committed and says it was set aside here.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { gitFs } from '../../../src/core/node/git/git-fs';
import { makeRepoWorkspace, makeRoot } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('a study set aside in quarantine', () => {
  it('stays committed: the sync pushes no deletion and names the file set aside', async () => {
    const remote = path.join(root, 'team.git');
    const { service, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['One', 'Two']);
    await service.syncWorkspace({ remote });
    const damaged = `studies/${ids[0]}.json`;
    await writeFile(path.join(service.workspace, damaged), '{ "not": "a study"');
    const reopened = await openWorkspace(service.workspace);
    await reopened.listStudies({});
    expect((await readdir(path.join(service.workspace, '.quarantine'))).length).toBeGreaterThan(0);

    const result = await reopened.syncWorkspace({});
    expect(result.setAside).toEqual([{ id: damaged, title: damaged }]);
    expect(result.sent).toBe(0);
    const tip = await git.resolveRef({ fs: gitFs, gitdir: remote, ref: 'main' });
    const files = await git.listFiles({ fs: gitFs, gitdir: remote, ref: tip });
    expect(files).toContain(damaged);
    expect((await reopened.gitStatus({})).changed).toBe(0);
  });
});
