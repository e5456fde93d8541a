// Making a workspace a repository (`casebook init --git`) and cloning one (`casebook clone`):
// the files that tell git what to keep out and how to merge studies, the merge driver in the
// repository's config (so a plain `git pull` merges studies as Casebook does), the first commit.
import { existsSync, promises as fsp, readdirSync } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { CasebookError } from '../../pure/errors';
import { gitFs } from './git-fs';
import { gitdirOf, isRepository } from './git-repository';
import { originOf, remoteFor, setOrigin } from './git-remotes';
import type { GitOptions } from './git-options';
import { LOCAL_FOLDERS } from './workspace-scan';
import { checkoutWithoutLinks } from './link-guard';
import { LOCK_PREFIX, TEMP_PREFIX } from '../atomic-write';

export const DEFAULT_BRANCH = 'main';

export const GITIGNORE_LINES = [
  '# Casebook: caches, the trash, set-aside files and temp files stay on this machine',
  ...LOCAL_FOLDERS.filter((f) => f !== '.git').map((f) => `${f}/`),
  `${TEMP_PREFIX}*`,
  `${LOCK_PREFIX}*`,
];

export const GITATTRIBUTES_LINES = [
  '# Casebook merges studies, site settings and templates by field and block (casebook merge-driver)',
  'studies/*.json merge=casebook',
  'casebook.json merge=casebook',
  'templates/*.json merge=casebook',
];

/** Adds the lines a file lacks (an existing .gitignore keeps the author's own lines). */
async function ensureLines(file: string, lines: readonly string[]): Promise<void> {
  const text = await fsp.readFile(file, 'utf8').catch(() => '');
  const have = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = lines.filter((l) => !have.has(l));
  if (missing.length === 0) return;
  const sep = text && !text.endsWith('\n') ? '\n' : '';
  await fsp.writeFile(file, `${text}${sep}${missing.join('\n')}\n`);
}

/** The merge driver in the repository's config: `driver` runs `casebook merge-driver %O %A %B %P`. */
export async function setMergeDriver(workspace: string, driverCommand: string): Promise<void> {
  const gitdir = gitdirOf(workspace);
  const set = (key: string, value: string) => git.setConfig({ fs: gitFs, dir: workspace, gitdir, path: key, value });
  await set('merge.casebook.name', 'Casebook: merge studies by field and block');
  await set('merge.casebook.driver', `${driverCommand} merge-driver %O %A %B %P`);
}

/**
 * What isomorphic-git's init leaves fixed (filemode = false, ignorecase = true), probed as git
 * itself does when it makes a repository: otherwise plain git in the folder would ignore
 * executable bits, and treat a case-sensitive folder as if it were not.
 */
async function probeCoreConfig(dir: string, gitdir: string): Promise<void> {
  const probe = path.join(gitdir, 'casebook-probe');
  await fsp.writeFile(probe, '');
  try {
    await fsp.chmod(probe, 0o755);
    const filemode = process.platform !== 'win32' && ((await fsp.stat(probe)).mode & 0o100) !== 0;
    const ignorecase = existsSync(path.join(gitdir, 'CASEBOOK-PROBE'));
    await git.setConfig({ fs: gitFs, dir, gitdir, path: 'core.filemode', value: filemode });
    await git.setConfig({ fs: gitFs, dir, gitdir, path: 'core.ignorecase', value: ignorecase });
  } finally {
    await fsp.rm(probe, { force: true });
  }
}

/** Makes the workspace a repository (if it is not one) with its ignore and attribute files. */
export async function initRepository(
  workspace: string,
  driverCommand: string | undefined,
): Promise<{ created: boolean }> {
  const created = !isRepository(workspace);
  if (created) {
    await git.init({ fs: gitFs, dir: workspace, defaultBranch: DEFAULT_BRANCH });
    await probeCoreConfig(workspace, gitdirOf(workspace));
  }
  await ensureLines(path.join(workspace, '.gitignore'), GITIGNORE_LINES);
  await ensureLines(path.join(workspace, '.gitattributes'), GITATTRIBUTES_LINES);
  if (driverCommand) await setMergeDriver(workspace, driverCommand);
  return { created };
}

/**
 * Clones `address` into `dir` (new or empty): a folder or file:// remote by copying objects,
 * an https one through isomorphic-git. Returns the branch checked out (null: the remote is empty).
 */
export async function cloneRepository(
  address: string,
  dir: string,
  driverCommand: string,
  options: GitOptions,
): Promise<{ branch: string; empty: boolean; links: string[] }> {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new CasebookError('invalid_input', `${dir} is not empty: clone into a new folder.`);
  const existed = existsSync(dir);
  await fsp.mkdir(dir, { recursive: true });
  try {
    const gitdir = gitdirOf(dir);
    const remote = remoteFor(address, options);
    const branch = (await remote.defaultBranch().catch(() => null)) ?? DEFAULT_BRANCH;
    await git.init({ fs: gitFs, dir, defaultBranch: branch });
    await probeCoreConfig(dir, gitdir);
    await setOrigin(dir, gitdir, address, branch);
    let links: string[] = [];
    const tip = await remote.fetch({ gitdir, cache: {} }, branch);
    if (tip) {
      await git.writeRef({ fs: gitFs, gitdir, ref: `refs/remotes/origin/${branch}`, value: tip, force: true });
      await git.writeRef({ fs: gitFs, gitdir, ref: `refs/heads/${branch}`, value: tip, force: true });
      links = await checkoutWithoutLinks(dir, gitdir, branch, tip);
    } else {
      // An empty remote: this clone starts the workspace, with the files a repository needs.
      await ensureLines(path.join(dir, '.gitignore'), GITIGNORE_LINES);
      await ensureLines(path.join(dir, '.gitattributes'), GITATTRIBUTES_LINES);
    }
    await setMergeDriver(dir, driverCommand);
    if (!(await originOf(dir, gitdir))) throw new CasebookError('internal', 'The clone has no origin.');
    return { branch, empty: !tip, links };
  } catch (err) {
    // A failed clone leaves nothing behind, so the same command can be run again.
    if (existed)
      for (const name of readdirSync(dir)) await fsp.rm(path.join(dir, name), { recursive: true, force: true });
    else await fsp.rm(dir, { recursive: true, force: true });
    throw err;
  }
}
