// $CASEBOOK_GIT_TOKEN is bound to hosts: sent only to those in $CASEBOOK_GIT_TOKEN_HOST (by
// default github.com and gitlab.com). A workspace whose origin names another server — a shared
// workspace can point anywhere — gets a refusal naming the variable, and the server never sees it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { envCredentials, tokenHosts } from '../../../src/core/node/git/git-options';
import { hasErrorCode } from '../../../src/core/pure/errors';
import { hasSystemGit, makeRepoWorkspace, makeRoot } from './git-fixtures';
import { startGitHttpServer, type GitHttpServer } from './git-http-server';

const TOKEN = 'cb-host-bound-token-71c3';
let root: string;
let cleanup: () => Promise<void>;
let server: GitHttpServer | undefined;
beforeEach(async () => {
  ({ root, cleanup } = await makeRoot());
  vi.stubEnv('CASEBOOK_GIT_TOKEN', TOKEN);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
  await cleanup();
});

describe('the CLI token and its hosts', () => {
  it('goes to github.com and gitlab.com by default, and to nowhere else', async () => {
    vi.stubEnv('CASEBOOK_GIT_TOKEN_HOST', '');
    expect(tokenHosts()).toEqual(['github.com', 'gitlab.com']);
    expect(await envCredentials('https://github.com/team/blog.git')).toEqual({ token: TOKEN });
    expect(await envCredentials('https://GitLab.com/team/blog.git')).toEqual({ token: TOKEN });
    const refused = await envCredentials('https://git.example.net/team/blog.git').catch((e: unknown) => e);
    expect(hasErrorCode(refused, 'auth_failed')).toBe(true);
    expect((refused as Error).message).toMatch(/did not send \$CASEBOOK_GIT_TOKEN to git\.example\.net/);
    expect((refused as Error).message).toContain('CASEBOOK_GIT_TOKEN_HOST=github.com,gitlab.com,git.example.net');
    // A look-alike host is another host.
    await expect(envCredentials('https://github.com.example.net/x.git')).rejects.toThrow(/did not send/);
  });

  it('goes to the hosts $CASEBOOK_GIT_TOKEN_HOST lists instead (comma-separated, with a port if given)', async () => {
    vi.stubEnv('CASEBOOK_GIT_TOKEN_HOST', ' git.example.net , code.example.org:8443');
    expect(await envCredentials('https://git.example.net/x.git')).toEqual({ token: TOKEN });
    expect(await envCredentials('https://code.example.org:8443/x.git')).toEqual({ token: TOKEN });
    await expect(envCredentials('https://github.com/x.git')).rejects.toThrow(/did not send/);
  });

  it.skipIf(!hasSystemGit)(
    'a sync to a server not listed is refused before the token is sent',
    async () => {
      execFileSync('git', ['init', '-q', '--bare', '--initial-branch=main', path.join(root, 'srv', 'team.git')]);
      const srv = await startGitHttpServer(path.join(root, 'srv'), TOKEN);
      server = srv;
      const { service } = await makeRepoWorkspace(path.join(root, 'ann'), 'Ann', ['Shared'], {
        git: { credentials: envCredentials },
      });
      const remote = `${srv.url}/team.git`;
      const refused = await service.syncWorkspace({ remote }).catch((e: unknown) => e);
      expect(hasErrorCode(refused, 'auth_failed')).toBe(true);
      expect((refused as Error).message).toMatch(/CASEBOOK_GIT_TOKEN_HOST=github\.com,gitlab\.com,127\.0\.0\.1:\d+/);
      expect(srv.seenAuth.filter((h) => h !== '')).toEqual([]);
      expect((await service.gitStatus({})).changed).toBe(0);

      vi.stubEnv('CASEBOOK_GIT_TOKEN_HOST', '127.0.0.1');
      expect((await service.syncWorkspace({})).sent).toBe(1);
    },
    60_000,
  );
});
