// initGitWorkspace (and `casebook init --git`) where a repository is already around: an existing
// one is set up, never committed to nor pushed (its untracked files stay untracked); a subfolder
// of one is refused, naming it; a linked .gitignore or .gitattributes is refused, not written through.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
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

describe.skipIf(!hasSystemGit)('initGitWorkspace near an existing repository', () => {
  it('sets up an existing repository with a remote without committing, fetching or pushing', async () => {
    const remote = path.join(root, 'team.git');
    execFileSync('git', ['init', '-q', '--bare', '--initial-branch=main', remote]);
    const service = await openWorkspace(path.join(root, 'ws'), { git: { driverCommand: 'casebook-cli' } });
    const api = dispatchingApi(service);
    await api.createStudy({ title: 'Already here' });
    const ws = service.workspace;
    sysGit(ws, 'init', '-q', '-b', 'main');
    sysGit(ws, 'add', '-A');
    sysGit(ws, 'commit', '-qm', 'first');
    sysGit(ws, 'remote', 'add', 'origin', remote);
    sysGit(ws, 'push', '-q', 'origin', 'main');
    await writeFile(path.join(ws, '.env'), 'secret=1\n');
    await writeFile(path.join(ws, 'NOTES-draft.txt'), 'half-written\n');
    const before = sysGit(ws, 'rev-parse', 'HEAD');

    const status = await api.initGitWorkspace({});
    expect(status).toMatchObject({ repository: true, remote });
    expect(status.changed).toBeGreaterThan(0);
    expect(sysGit(ws, 'rev-parse', 'HEAD')).toBe(before);
    expect(sysGit(remote, 'rev-parse', 'main')).toBe(before);
    expect(sysGit(ws, 'status', '--porcelain')).toContain('?? .env');
    expect(await readFile(path.join(ws, '.gitattributes'), 'utf8')).toContain('studies/*.json merge=casebook');
    expect(sysGit(ws, 'config', 'merge.casebook.driver')).toBe('casebook-cli merge-driver %O %A %B %P\n');
  });

  it('refuses a subfolder of another repository, naming it, and makes nothing there', async () => {
    const outer = path.join(root, 'mono');
    await mkdir(outer);
    sysGit(outer, 'init', '-q', '-b', 'main');
    const service = await openWorkspace(path.join(outer, 'docs', 'cases'), { git: { driverCommand: 'casebook-cli' } });
    const refused = await dispatchingApi(service)
      .initGitWorkspace({})
      .catch((e: unknown) => e);
    expect(hasErrorCode(refused, 'conflict')).toBe(true);
    expect((refused as Error).message).toContain(`inside the git repository of ${outer}`);
    expect(existsSync(path.join(service.workspace, '.git'))).toBe(false);
    expect(existsSync(path.join(service.workspace, '.gitignore'))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('refuses a .gitignore or .gitattributes that is a link', async () => {
    const outside = path.join(root, 'outside.txt');
    await writeFile(outside, 'not yours\n');
    for (const name of ['.gitignore', '.gitattributes']) {
      const service = await openWorkspace(path.join(root, `ws${name}`), { git: { driverCommand: 'casebook-cli' } });
      await symlink(outside, path.join(service.workspace, name));
      const refused = await dispatchingApi(service)
        .initGitWorkspace({})
        .catch((e: unknown) => e);
      expect(hasErrorCode(refused, 'conflict')).toBe(true);
      expect((refused as Error).message).toMatch(new RegExp(`\\${name} .* is a link`));
      expect(existsSync(path.join(service.workspace, '.git'))).toBe(false);
    }
    expect(await readFile(outside, 'utf8')).toBe('not yours\n');
  });
});
