// A remote that is a repository on disk (a path or a file:// URL: a shared drive, a test's bare
// repository). Fetch and push copy objects directly (object-copy.ts); the remote's branch moves
// by compare-and-swap under git's own lock file (refs/heads/<b>.lock), so two clones pushing at
// once cannot overwrite each other's commits: the later one is told to merge first.
import { existsSync, promises as fsp, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { CasebookError } from '../../pure/errors';
import { gitFs } from './git-fs';
import { copyHistory, type Repo } from './object-copy';

/** A lock file older than this was left by a process that died mid-push (a push holds it for milliseconds). */
const STALE_LOCK_MS = 5_000;
const LOCK_WAIT_MS = 15_000;

/** The repository folder a local remote names: its .git for a working folder, else the folder. */
export function localGitdir(folder: string): { gitdir: string; bare: boolean } | null {
  if (existsSync(path.join(folder, '.git', 'HEAD'))) return { gitdir: path.join(folder, '.git'), bare: false };
  if (existsSync(path.join(folder, 'HEAD')) && existsSync(path.join(folder, 'objects')))
    return { gitdir: folder, bare: true };
  return null;
}

async function readRef(gitdir: string, branch: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: gitFs, gitdir, ref: `refs/heads/${branch}` });
  } catch {
    return null;
  }
}

/** The branch a remote's HEAD names (what a clone checks out), or null for none. */
export async function remoteHeadBranch(gitdir: string): Promise<string | null> {
  try {
    const head = await git.resolveRef({ fs: gitFs, gitdir, ref: 'HEAD', depth: 2 });
    return head.startsWith('refs/heads/') ? head.slice('refs/heads/'.length) : null;
  } catch {
    return null;
  }
}

export class LocalRemote {
  constructor(
    readonly folder: string,
    /** Whether a missing folder may be made a new bare repository (only when the remote is being set). */
    private readonly mayCreate = false,
  ) {}

  private repo(): Repo & { bare: boolean } {
    const found = localGitdir(this.folder);
    if (!found)
      throw new CasebookError(
        'offline',
        `There is no git repository at ${this.folder} (is the shared folder connected?).`,
      );
    return { gitdir: found.gitdir, bare: found.bare, cache: {} };
  }

  /** Copies the remote branch's commits here; returns its tip (null: the remote has no such branch yet). */
  async fetch(local: Repo, branch: string): Promise<string | null> {
    // A folder still to be made (its parent is there) or an empty one: a new remote, nothing to fetch.
    if (this.isNew()) return null;
    const remote = this.repo();
    const tip = await readRef(remote.gitdir, branch);
    if (tip) await copyHistory(remote, local, tip);
    return tip;
  }

  private isNew(): boolean {
    // A configured remote that went missing is offline (an unplugged drive), never made again.
    if (!this.mayCreate) return false;
    return existsSync(this.folder) ? isEmptyFolder(this.folder) : existsSync(path.dirname(this.folder));
  }

  /** The branch the remote's HEAD names (for a clone). */
  async defaultBranch(): Promise<string | null> {
    return remoteHeadBranch(this.repo().gitdir);
  }

  /**
   * Copies our commits there and moves its branch from `expected` to `tip`. false: the branch
   * moved meanwhile (someone else pushed): fetch, merge and try again.
   */
  async push(local: Repo, branch: string, tip: string, expected: string | null): Promise<boolean> {
    if (this.isNew()) {
      // A new shared repository: made bare here, so no machine needs system git for it.
      await git.init({ fs: gitFs, gitdir: this.folder, bare: true, defaultBranch: branch });
    }
    const remote = this.repo();
    if (!remote.bare && (await remoteHeadBranch(remote.gitdir)) === branch)
      throw new CasebookError(
        'not_configured',
        `${this.folder} is someone's working folder with "${branch}" checked out; sync through a bare repository instead (an empty folder given as the remote becomes one).`,
      );
    await copyHistory(local, remote, tip);
    const lock = path.join(remote.gitdir, 'refs', 'heads', `${branch}.lock`);
    await fsp.mkdir(path.dirname(lock), { recursive: true });
    await takeLock(lock);
    try {
      const current = await readRef(remote.gitdir, branch);
      if (current !== expected) return false;
      // The lock file becomes the ref (git's own protocol), so a crash leaves the old ref or the new.
      await fsp.writeFile(lock, `${tip}\n`);
      await fsp.rename(lock, path.join(remote.gitdir, 'refs', 'heads', branch));
      if (current === null && (await readRef(remote.gitdir, (await remoteHeadBranch(remote.gitdir)) ?? '')) === null) {
        // A remote with no branch yet: point its HEAD at ours, so clones check it out.
        await git.writeRef({
          fs: gitFs,
          gitdir: remote.gitdir,
          ref: 'HEAD',
          value: `refs/heads/${branch}`,
          symbolic: true,
          force: true,
        });
      }
      return true;
    } finally {
      await fsp.rm(lock, { force: true });
    }
  }
}

function isEmptyFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory() && readdirSync(folder).length === 0;
  } catch {
    return false;
  }
}

async function takeLock(lock: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      await (await fsp.open(lock, 'wx')).close();
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const age = await fsp.stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > STALE_LOCK_MS) {
      await fsp.rm(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new CasebookError(
        'io_error',
        `The remote is busy: ${lock} has been locked for a while. Try again in a moment.`,
      );
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, 5 * 2 ** attempt)));
  }
}
