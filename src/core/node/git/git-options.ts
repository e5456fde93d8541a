// What the host (the desktop app, `casebook serve`, the CLI) gives the git engine: how to get a
// token for an https remote, and an author identity when the repository has none. Neither is
// ever written into the workspace, the repository's config or a log.
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

/** The CLI's and `casebook serve`'s credentials: $CASEBOOK_GIT_TOKEN, read when asked. */
export const envCredentials: GitCredentialsProvider = async () => {
  const token = process.env.CASEBOOK_GIT_TOKEN?.trim();
  return token ? { token } : null;
};
