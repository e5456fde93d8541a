// initGitWorkspace: the app makes a workspace a repository through the contract, the same work
// as `casebook init --git` — first commit by the author given, .gitignore, .gitattributes, the
// merge driver in the repository's config — and a bad author is refused before anything is made.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { dispatchingApi } from '../../../src/core/pure/dispatch';
import { hasErrorCode } from '../../../src/core/pure/errors';
import { hasSystemGit, makeRoot, sysGit } from './git-fixtures';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

describe('initGitWorkspace', () => {
  it('makes the workspace a repository with its first commit, by the author given', async () => {
    const service = await openWorkspace(path.join(root, 'ws'), { git: { driverCommand: 'casebook-cli' } });
    const api = dispatchingApi(service);
    await api.createStudy({ title: 'First study' });
    expect((await api.gitStatus({})).repository).toBe(false);

    const refused = await api
      .initGitWorkspace({ author: { name: 'Ann', email: 'not an email' } })
      .catch((e: unknown) => e);
    expect(hasErrorCode(refused, 'invalid_input')).toBe(true);
    expect(existsSync(path.join(service.workspace, '.git'))).toBe(false);

    const status = await api.initGitWorkspace({ author: { name: 'Ann Author', email: 'ann@example.com' } });
    expect(status).toMatchObject({ repository: true, branch: 'main', changed: 0, remote: null });
    expect(await readFile(path.join(service.workspace, '.gitattributes'), 'utf8')).toContain(
      'studies/*.json merge=casebook',
    );
    expect(await readFile(path.join(service.workspace, '.gitignore'), 'utf8')).toContain('.casebook/');
    const config = await readFile(path.join(service.workspace, '.git', 'config'), 'utf8');
    expect(config).toContain('casebook-cli merge-driver %O %A %B %P');
    expect(config).toMatch(/name = Ann Author/);
    const [version] = await api.studyHistory({ id: (await api.listStudies({}))[0]!.id });
    expect(version).toMatchObject({ author: 'Ann Author', message: 'Start the Casebook workspace' });
    if (hasSystemGit) {
      expect(sysGit(service.workspace, 'status', '--porcelain')).toBe('');
      expect(sysGit(service.workspace, 'log', '--format=%an <%ae>')).toBe('Ann Author <ann@example.com>\n');
    }

    // Asked again: the repository is checked, nothing is committed twice.
    expect(await api.initGitWorkspace({})).toMatchObject({ repository: true, changed: 0 });
    expect(await api.studyHistory({ id: (await api.listStudies({}))[0]!.id })).toHaveLength(1);
  });
});
