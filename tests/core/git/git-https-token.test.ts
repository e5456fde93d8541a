// An https remote with a token (here http on 127.0.0.1, served by system git's http-backend
// behind Basic auth): refused without the token or with a wrong one (auth_failed, nothing lost),
// synced with it; the token never lands in the workspace, its repository config or files.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { setAuthor } from '../../../src/core/node/git/git-identity';
import { gitdirOf } from '../../../src/core/node/git/git-repository';
import { cloneRepository } from '../../../src/core/node/git/git-setup';
import type { GitCredentials } from '../../../src/core/node/git/git-options';
import { hasErrorCode } from '../../../src/core/pure/errors';
import { hasSystemGit, makeRepoWorkspace, makeRoot } from './git-fixtures';
import { startGitHttpServer, type GitHttpServer } from './git-http-server';

const TOKEN = 'cb-test-token-5f2a9d';
let root: string;
let cleanup: () => Promise<void>;
let server: GitHttpServer;
beforeEach(async () => {
  ({ root, cleanup } = await makeRoot());
  if (hasSystemGit) {
    execFileSync('git', ['init', '-q', '--bare', '--initial-branch=main', path.join(root, 'srv', 'team.git')]);
    server = await startGitHttpServer(path.join(root, 'srv'), TOKEN);
  }
});
afterEach(async () => {
  await server?.close();
  await cleanup();
});

async function filesHolding(dir: string, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if (!(await stat(file)).isFile()) continue;
    if ((await readFile(file)).includes(text)) found.push(name);
  }
  return found;
}

describe.skipIf(!hasSystemGit)('https remote with a token', () => {
  it('refuses without the right token, syncs with it, and keeps the token out of every file', async () => {
    let given: GitCredentials | null = null;
    const credentials = async () => given;
    const { service: ann, ids } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Over https'], {
      git: { credentials },
    });
    const remote = `${server.url}/team.git`;
    const none = await ann.syncWorkspace({ remote }).catch((err: unknown) => err);
    expect(hasErrorCode(none, 'auth_failed')).toBe(true);
    expect((none as Error).message).toMatch(/refused the credentials.*CASEBOOK_GIT_TOKEN/);
    given = { token: 'wrong' };
    expect(hasErrorCode(await ann.syncWorkspace({}).catch((err: unknown) => err), 'auth_failed')).toBe(true);

    given = { token: TOKEN };
    const ok = await ann.syncWorkspace({});
    expect(ok.sent).toBe(1);
    expect(
      execFileSync('git', ['--git-dir', path.join(root, 'srv', 'team.git'), 'log', '--format=%s', 'main'], {
        encoding: 'utf8',
      }),
    ).toMatch(/Start the workspace/);

    const bobDir = path.join(root, 'bob');
    await cloneRepository(remote, bobDir, 'casebook', { credentials });
    await setAuthor(bobDir, gitdirOf(bobDir), { name: 'Bob', email: 'bob@example.com' });
    const bob = await openWorkspace(bobDir, { git: { credentials } });
    await bob.updateStudy({ id: ids[0]!, patch: { summary: 'from Bob over https' } });
    await bob.syncWorkspace({});
    const received = await ann.syncWorkspace({});
    expect(received.received).toEqual([{ id: ids[0], title: 'Over https' }]);
    expect((await ann.getStudy({ id: ids[0]! })).summary).toBe('from Bob over https');

    expect(server.seenAuth.some((h) => h.startsWith('Basic '))).toBe(true);
    for (const dir of [ann.workspace, bobDir]) expect(await filesHolding(dir, TOKEN)).toEqual([]);
  }, 60_000);
});

describe('an https remote that cannot be reached', () => {
  it('fails as offline with advice, and the change stays committed here', async () => {
    const { service } = await makeRepoWorkspace(path.join(root, 'solo'), 'Solo', ['Offline work']);
    // Port 9 (discard) on this machine: nothing listens, the connection is refused.
    const err = await service.syncWorkspace({ remote: 'http://127.0.0.1:9/team.git' }).catch((e: unknown) => e);
    expect(hasErrorCode(err, 'offline')).toBe(true);
    expect((err as Error).message).toMatch(/Could not reach .* sync again when connected/);
    expect((await service.gitStatus({})).changed).toBe(0);
  });
});
