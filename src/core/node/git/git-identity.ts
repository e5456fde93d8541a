// Who a commit is by: the repository's git config (user.name, user.email), else git's own
// environment variables, else the user's global git config (read as a file: no system git
// needed), else the app's settings; else a clear error saying how to set it.
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { CasebookError } from '../../pure/errors';
import { gitFs } from './git-fs';
import type { GitIdentity, GitOptions } from './git-options';

/** [user] name and email of a git config file's text (the last value wins, as in git). */
export function userOfConfig(text: string): Partial<GitIdentity> {
  const out: Partial<GitIdentity> = {};
  let inUser = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[\s*([^\]\s]+)[^\]]*\]/.exec(line);
    if (section) {
      inUser = section[1].toLowerCase() === 'user';
      continue;
    }
    const pair = inUser ? /^(name|email)\s*=\s*(.*)$/i.exec(line) : null;
    if (pair) out[pair[1].toLowerCase() as 'name' | 'email'] = pair[2].replace(/^"(.*)"$/, '$1').trim();
  }
  return out;
}

async function globalConfigUser(): Promise<Partial<GitIdentity>> {
  const home = os.homedir();
  const xdg = process.env.XDG_CONFIG_HOME || path.join(home, '.config');
  let found: Partial<GitIdentity> = {};
  for (const file of [path.join(xdg, 'git', 'config'), path.join(home, '.gitconfig')]) {
    const text = await fsp.readFile(file, 'utf8').catch(() => '');
    found = { ...found, ...userOfConfig(text) };
  }
  return found;
}

const complete = (who: Partial<GitIdentity>): who is GitIdentity => Boolean(who.name && who.email);

export async function authorIdentity(workspace: string, gitdir: string, options: GitOptions): Promise<GitIdentity> {
  const get = async (key: string) =>
    (await git.getConfig({ fs: gitFs, dir: workspace, gitdir, path: key }).catch(() => undefined)) as
      string | undefined;
  const repo = { name: await get('user.name'), email: await get('user.email') };
  if (complete(repo)) return repo;
  const env = { name: process.env.GIT_AUTHOR_NAME, email: process.env.GIT_AUTHOR_EMAIL };
  const global = await globalConfigUser();
  const app: Partial<GitIdentity> = (await options.identity?.()) ?? {};
  const merged = {
    name: repo.name || env.name || global.name || app.name,
    email: repo.email || env.email || global.email || app.email,
  };
  if (complete(merged)) return merged;
  throw new CasebookError(
    'not_configured',
    `Casebook needs your name and email for the history. Set them for this workspace with: casebook init --git --author "Your Name <you@example.com>" --workspace "${workspace}" (or git config user.name / user.email, or the variables GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL).`,
  );
}

/** Parses "Name <email>" as given to --author. */
export function parseAuthor(text: string): GitIdentity | null {
  const m = /^\s*([^<>]*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  return m && m[1] ? { name: m[1], email: m[2] } : null;
}

export async function setAuthor(workspace: string, gitdir: string, who: GitIdentity): Promise<void> {
  await git.setConfig({ fs: gitFs, dir: workspace, gitdir, path: 'user.name', value: who.name });
  await git.setConfig({ fs: gitFs, dir: workspace, gitdir, path: 'user.email', value: who.email });
}
