// Real repositories for the git engine's tests: workspaces in temp folders, a bare remote on
// disk (made by the first push), authors set in each repository's own config.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  openWorkspace,
  type CasebookService,
  type OpenWorkspaceOptions,
} from '../../../src/core/node/casebook-service';
import { setAuthor } from '../../../src/core/node/git/git-identity';
import { gitdirOf } from '../../../src/core/node/git/git-repository';
import { cloneRepository, initRepository } from '../../../src/core/node/git/git-setup';

/** How the tests' repositories name the merge driver (the CLI as the lead builds it). */
export const DRIVER = 'casebook';

export async function makeRoot(): Promise<{ root: string; cleanup(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'casebook-git-'));
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** A workspace with studies titled `titles`, made a repository (first commit) by `author`. */
export async function makeRepoWorkspace(
  dir: string,
  author: string,
  titles: string[],
  options: OpenWorkspaceOptions = {},
): Promise<{ service: CasebookService; ids: string[] }> {
  const service = await openWorkspace(dir, options);
  const ids: string[] = [];
  for (const title of titles) ids.push((await service.createStudy({ title })).id);
  await initRepository(service.workspace, DRIVER);
  await setAuthor(service.workspace, gitdirOf(service.workspace), {
    name: author,
    email: `${author.toLowerCase()}@example.com`,
  });
  await service.syncWorkspace({ message: 'Start the workspace' });
  return { service, ids };
}

export async function cloneAs(remote: string, dir: string, author: string): Promise<CasebookService> {
  await cloneRepository(remote, dir, DRIVER, {});
  await setAuthor(dir, gitdirOf(dir), { name: author, email: `${author.toLowerCase()}@example.com` });
  return openWorkspace(dir);
}

export const hasSystemGit = spawnSync('git', ['--version']).status === 0;

/** Runs system git in `dir` (tests that check plain git still works); returns stdout. */
export function sysGit(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Sys',
      GIT_AUTHOR_EMAIL: 'sys@example.com',
      GIT_COMMITTER_NAME: 'Sys',
      GIT_COMMITTER_EMAIL: 'sys@example.com',
    },
  });
}
