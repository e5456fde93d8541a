// Remote addresses: a folder path, a file:// URL or an https:// URL. A URL carrying a password
// or token is refused (it would be stored in .git/config in clear): the token goes in
// $CASEBOOK_GIT_TOKEN or the app's settings instead.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import git from 'isomorphic-git';
import { CasebookError } from '../../pure/errors';
import { gitFs } from './git-fs';
import type { GitOptions } from './git-options';
import { HttpRemote, LOOPBACK_HOSTS } from './http-remote';
import { LocalRemote } from './local-remote';

export type Remote = LocalRemote | HttpRemote;

/** The address as stored in the repository's config: a folder as an absolute path, a URL as given. */
export function normalizeRemote(address: string, cwd = process.cwd()): string {
  const text = address.trim();
  if (/^file:\/\//i.test(text)) return fileURLToPath(text);
  if (/^https?:\/\//i.test(text)) {
    const url = new URL(text);
    if (url.username || url.password)
      throw new CasebookError(
        'invalid_input',
        'Leave the credentials out of the remote address: give the token in $CASEBOOK_GIT_TOKEN (CLI) or the app, never in the URL.',
      );
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.includes(url.hostname))
      throw new CasebookError('invalid_input', `Use https:// for ${url.host}: a token must not travel unencrypted.`);
    return text;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^/\\]+@[^:]+:/.test(text))
    throw new CasebookError(
      'invalid_input',
      `Casebook syncs with a folder, a file:// URL or an https:// URL; "${text}" is none of these (for ssh, use system git).`,
    );
  return path.resolve(cwd, text);
}

/** `mayCreate`: a local folder that does not exist yet becomes a new bare repository (when the remote is first set). */
export function remoteFor(address: string, options: GitOptions, mayCreate = false): Remote {
  return /^https?:\/\//i.test(address)
    ? new HttpRemote(address, options.credentials)
    : new LocalRemote(address, mayCreate);
}

export async function originOf(workspace: string, gitdir: string): Promise<string | null> {
  const url = (await git.getConfig({ fs: gitFs, dir: workspace, gitdir, path: 'remote.origin.url' })) as unknown;
  return typeof url === 'string' && url ? url : null;
}

/** Sets `origin` (and the branch's upstream, so a plain `git pull` knows where to pull from). */
export async function setOrigin(workspace: string, gitdir: string, address: string, branch: string): Promise<void> {
  const set = (key: string, value: string) => git.setConfig({ fs: gitFs, dir: workspace, gitdir, path: key, value });
  await set('remote.origin.url', address);
  await set('remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*');
  await set(`branch.${branch}.remote`, 'origin');
  await set(`branch.${branch}.merge`, `refs/heads/${branch}`);
}
