// A remote reached over https (GitHub, GitLab, any git host), through isomorphic-git's http
// client. The token comes from the host's provider each time it is asked for ($CASEBOOK_GIT_TOKEN,
// the desktop's stored token) and goes only into the request's Authorization header.
import git, { Errors } from 'isomorphic-git';
import { CasebookError } from '../../pure/errors';
import { gitFs } from './git-fs';
import type { GitCredentialsProvider } from './git-options';
import type { Repo } from './object-copy';

/** The user name a host accepts beside a token when none is given. */
export function tokenUsername(url: string): string {
  const host = new URL(url).hostname;
  if (host === 'gitlab.com' || host.includes('gitlab')) return 'oauth2';
  if (host === 'bitbucket.org') return 'x-token-auth';
  return 'x-access-token';
}

/** Hosts plain http:// may reach with a token: this machine only (the request never leaves it). */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * No token over plain http:// beyond this machine: anyone on the way would read it. An origin
 * set with plain git (or a shared config) can be http; asked before any token is looked up.
 */
function refuseCleartext(remoteUrl: string): void {
  const url = new URL(remoteUrl);
  if (url.protocol !== 'http:' || LOOPBACK_HOSTS.includes(url.hostname)) return;
  throw new CasebookError(
    'auth_failed',
    `Casebook does not send a token over plain http:// to ${url.host}: it would travel unencrypted. Change the remote to https:// (git remote set-url origin https://${url.host}${url.pathname}), then sync again. Nothing was sent.`,
  );
}

const loadHttp = async () => (await import('isomorphic-git/http/node')).default;

export class HttpRemote {
  constructor(
    readonly url: string,
    private readonly credentials: GitCredentialsProvider | undefined,
  ) {}

  private auth() {
    let asked = false;
    return {
      onAuth: async () => {
        asked = true;
        refuseCleartext(this.url);
        const found = await this.credentials?.(this.url);
        if (!found) return { cancel: true };
        return { username: found.username ?? tokenUsername(this.url), password: found.token };
      },
      // A refused token is not retried in a loop: the call fails with auth_failed.
      onAuthFailure: () => ({ cancel: true }),
      asked: () => asked,
    };
  }

  async fetch(local: Repo, branch: string): Promise<string | null> {
    const auth = this.auth();
    try {
      const result = await git.fetch({
        fs: gitFs,
        http: await loadHttp(),
        gitdir: local.gitdir,
        url: this.url,
        ref: branch,
        singleBranch: true,
        tags: false,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
        cache: local.cache,
      });
      return result.fetchHead ?? null;
    } catch (err) {
      // A new, empty remote has no branch to fetch yet.
      if (err instanceof Errors.NotFoundError || err instanceof Errors.EmptyServerResponseError) return null;
      throw remoteError(err, this.url, auth.asked());
    }
  }

  async defaultBranch(): Promise<string | null> {
    const auth = this.auth();
    try {
      const info = await git.getRemoteInfo2({
        http: await loadHttp(),
        url: this.url,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
      });
      const head = info.refs?.find((r) => r.ref === 'HEAD')?.target;
      return head?.startsWith('refs/heads/') ? head.slice('refs/heads/'.length) : null;
    } catch (err) {
      throw remoteError(err, this.url, auth.asked());
    }
  }

  async push(local: Repo, branch: string, _tip: string, _expected: string | null): Promise<boolean> {
    const auth = this.auth();
    try {
      const result = await git.push({
        fs: gitFs,
        http: await loadHttp(),
        gitdir: local.gitdir,
        url: this.url,
        ref: branch,
        remoteRef: branch,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
        cache: local.cache,
      });
      return result.ok;
    } catch (err) {
      if (err instanceof Errors.PushRejectedError) return false;
      throw remoteError(err, this.url, auth.asked());
    }
  }
}

/** A failed remote call as the author can act on it: offline, refused credentials, or what git said. */
export function remoteError(err: unknown, url: string, askedForAuth: boolean): CasebookError {
  // Already said plainly (a token refused for this host by the credentials provider).
  if (err instanceof CasebookError) return err;
  const e = err as { code?: string; data?: { statusCode?: number }; message?: string; caller?: string };
  const status = e.data?.statusCode;
  if (status === 401 || status === 403 || (err instanceof Errors.UserCanceledError && askedForAuth)) {
    return new CasebookError(
      'auth_failed',
      `${url} refused the credentials${askedForAuth ? '' : ' (none were given)'}. Set a token with push access: $CASEBOOK_GIT_TOKEN for the CLI and casebook serve, or the app's Sync settings. Nothing was lost; sync again once it is set.`,
    );
  }
  const netCodes = new Set([
    'ENOTFOUND',
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
  ]);
  const cause = (err as { cause?: { code?: string } }).cause;
  if ((e.code && netCodes.has(e.code)) || (cause?.code && netCodes.has(cause.code))) {
    return new CasebookError(
      'offline',
      `Could not reach ${url} (offline?). Your changes are committed here; sync again when connected.`,
    );
  }
  return new CasebookError('io_error', `The remote ${url} answered with an error: ${e.message ?? String(err)}`);
}
