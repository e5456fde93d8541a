// What the host (the desktop app, `casebook serve`, the CLI) gives the git engine: how to get a
// token for an https remote, and an author identity when the repository has none. Neither is
// ever written into the workspace, the repository's config or a log.
import { CasebookError } from '../../pure/errors';

export interface GitCredentials {
  /** The user name sent with the token; by default one the host accepts for tokens (see git-auth.ts). */
  username?: string;
  token: string;
}

/** Asked each time an https remote wants credentials; null: none known (the call fails with auth_failed). */
export type GitCredentialsProvider = (remoteUrl: string) => Promise<GitCredentials | null>;

export interface GitIdentity {
  name: string;
  email: string;
}

export interface GitOptions {
  credentials?: GitCredentialsProvider;
  /** The app's settings' identity, used when the repository's git config names none. */
  identity?: () => Promise<GitIdentity | null>;
  /**
   * How plain git runs Casebook's merge driver (`<command> merge-driver %O %A %B %P`), written to
   * the repository's config when it is made one. Absent (a host that cannot be run as a command):
   * none is written, and a plain `git pull` merges studies as text until one is set.
   */
  driverCommand?: string;
}

/** Where $CASEBOOK_GIT_TOKEN goes when $CASEBOOK_GIT_TOKEN_HOST names no hosts. */
export const DEFAULT_TOKEN_HOSTS: readonly string[] = ['github.com', 'gitlab.com'];

/** The hosts $CASEBOOK_GIT_TOKEN may be sent to: $CASEBOOK_GIT_TOKEN_HOST (comma-separated), else the defaults. */
export function tokenHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.CASEBOOK_GIT_TOKEN_HOST ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return listed.length ? listed : [...DEFAULT_TOKEN_HOSTS];
}

/**
 * The CLI's and `casebook serve`'s credentials: $CASEBOOK_GIT_TOKEN, read when asked, and only
 * for a remote on one of tokenHosts(). A workspace's config names its remote, and a shared
 * workspace may name any server: the token must not follow it there. Refused with the variable
 * to set, so the author decides.
 */
export const envCredentials: GitCredentialsProvider = async (remoteUrl) => {
  const token = process.env.CASEBOOK_GIT_TOKEN?.trim();
  if (!token) return null;
  let url: URL;
  try {
    url = new URL(remoteUrl);
  } catch {
    return null;
  }
  const hosts = tokenHosts();
  const host = url.host.toLowerCase();
  if (hosts.includes(url.hostname.toLowerCase()) || hosts.includes(host)) return { token };
  throw new CasebookError(
    'auth_failed',
    `Casebook did not send $CASEBOOK_GIT_TOKEN to ${host}: the token goes only to ${hosts.join(', ')} ($CASEBOOK_GIT_TOKEN_HOST). If ${host} is your team's git server, run with CASEBOOK_GIT_TOKEN_HOST=${[...hosts, host].join(',')}. Nothing was sent or lost.`,
  );
};
