// Making a workspace a repository (`casebook init --git`) and cloning one (`casebook clone`):
// the files that tell git what to keep out and how to merge studies, the merge driver in the
// repository's config (so a plain `git pull` merges studies as Casebook does), the first commit.
import { existsSync, promises as fsp, readdirSync } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { CasebookError } from '../../pure/errors';
import { gitFs } from './git-fs';
import { enclosingRepository, gitdirOf, isRepository } from './git-repository';
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

/** Refuses a .gitignore or .gitattributes that is a link (or a folder): written through, it would change a file elsewhere. */
async function refuseLinkedFile(file: string): Promise<void> {
  const st = await fsp.lstat(file).catch(() => null);
  if (!st || st.isFile()) return;
  throw new CasebookError(
    'conflict',
    `${path.basename(file)} in ${path.dirname(file)} is ${st.isSymbolicLink() ? 'a link' : 'not a plain file'}: Casebook never writes through links. Replace it with a plain file (or remove it), then run this again. Nothing was changed.`,
  );
}

/** Adds the lines a file lacks (an existing .gitignore keeps the author's own lines); true when it added any. */
async function ensureLines(file: string, lines: readonly string[]): Promise<boolean> {
  await refuseLinkedFile(file);
  const text = await fsp.readFile(file, 'utf8').catch(() => '');
  const have = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = lines.filter((l) => !have.has(l));
  if (missing.length === 0) return false;
  const sep = text && !text.endsWith('\n') ? '\n' : '';
  await fsp.writeFile(file, `${text}${sep}${missing.join('\n')}\n`);
  return true;
}

/**
 * The merge driver in the repository's config: `driver` runs `casebook merge-driver %O %A %B %P`.
 * git expands every %-sequence of the line (%A, %O, %P…) and reads %% as one %: a '%' in the
 * command's own path (a user or folder name) is written %%, or git would put a file name there.
 */
export async function setMergeDriver(workspace: string, driverCommand: string): Promise<void> {
  const gitdir = gitdirOf(workspace);
  const set = (key: string, value: string) => git.setConfig({ fs: gitFs, dir: workspace, gitdir, path: key, value });
  await set('merge.casebook.name', 'Casebook: merge studies by field and block');
  await set('merge.casebook.driver', `${driverCommand.replaceAll('%', '%%')} merge-driver %O %A %B %P`);
}

/**
 * What isomorphic-git's init leaves fixed (filemode = false, ignorecase = true), probed as git
 * itself does when it makes a repository: otherwise plain git in the folder would ignore
 * executable bits, and treat a case-sensitive folder as if it were not.
 */
async function probeCoreConfig(dir: string, gitdir: string, onlyMissing = false): Promise<boolean> {
  // An existing repository's settings are its owner's (git probed them when it made it).
  if (onlyMissing && (await git.getConfig({ fs: gitFs, dir, gitdir, path: 'core.filemode' })) !== undefined)
    return false;
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
  return true;
}

/**
 * Makes the workspace a repository, or sets up in an existing one only what it lacks (ignore
 * and attribute lines, the merge driver, core.filemode); returns what it set up. Refused inside
 * another repository, and through a linked .gitignore or .gitattributes, before anything is written.
 */
export async function initRepository(
  workspace: string,
  driverCommand: string | undefined,
): Promise<{ created: boolean; setUp: string[] }> {
  const created = !isRepository(workspace);
  const outer = created ? enclosingRepository(workspace) : null;
  if (outer)
    throw new CasebookError(
      'conflict',
      `${workspace} is inside the git repository of ${outer}: a repository made here would be nested in it (its files hidden from ${outer}'s git). Sync that repository with git, or move the workspace out of it. Nothing was changed.`,
    );
  for (const name of ['.gitignore', '.gitattributes']) await refuseLinkedFile(path.join(workspace, name));
  const setUp: string[] = [];
  if (created) await git.init({ fs: gitFs, dir: workspace, defaultBranch: DEFAULT_BRANCH });
  if (await probeCoreConfig(workspace, gitdirOf(workspace), !created)) setUp.push('core.filemode');
  if (await ensureLines(path.join(workspace, '.gitignore'), GITIGNORE_LINES)) setUp.push('.gitignore');
  if (await ensureLines(path.join(workspace, '.gitattributes'), GITATTRIBUTES_LINES)) setUp.push('.gitattributes');
  if (driverCommand) {
    // This machine's own setting (not shared): pointed at this Casebook, said when it changed.
    const driver = () =>
      git.getConfig({ fs: gitFs, dir: workspace, gitdir: gitdirOf(workspace), path: 'merge.casebook.driver' });
    const before: unknown = await driver();
    await setMergeDriver(workspace, driverCommand);
    if (before !== (await driver())) setUp.push('the merge driver');
  }
  return { created, setUp };
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
