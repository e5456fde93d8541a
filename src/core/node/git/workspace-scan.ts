// The files of a workspace that belong in its repository, with their stats: everything but
// the repository itself, Casebook's local folders (caches, trash, set-aside files), temp and
// lock files, links, and what the workspace's .gitignore excludes.
import type { BigIntStats } from 'node:fs';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { LOCK_PREFIX, TEMP_PREFIX } from '../atomic-write';
import { QUARANTINE_DIR } from '../quarantine';
import { CACHE_DIR } from '../summary-cache';
import { TRASH_DIR } from '../study-files';
import { gitFs } from './git-fs';

/** Folders that stay on this machine (also listed in the .gitignore that init --git writes). */
export const LOCAL_FOLDERS: readonly string[] = ['.git', CACHE_DIR, TRASH_DIR, QUARANTINE_DIR, 'node_modules'];
/** Folders whose files are the workspace's own: not asked about .gitignore one by one. */
const OWN_FOLDERS = new Set(['studies', 'templates', 'assets']);

export interface ScannedFile {
  path: string;
  stats: BigIntStats;
}

/** Whether a file name is one Casebook writes for a moment (a temp or lock file). */
export const isTransientName = (name: string): boolean => name.startsWith(TEMP_PREFIX) || name.startsWith(LOCK_PREFIX);

/** Whether `p` (workspace-relative, with /) is one the repository may hold by Casebook's own rules. */
export function inScope(p: string): boolean {
  const parts = p.split('/');
  if (LOCAL_FOLDERS.includes(parts[0])) return false;
  return !parts.some(isTransientName);
}

/**
 * The mode a file keeps on disk and in commits: studies, templates and casebook.json are data,
 * never executable, whatever a commit says (a teammate's chmod must not spread); others as given.
 */
export function plainFileMode<T extends string | undefined>(p: string, mode: T): T | '100644' {
  const data = p === 'casebook.json' || /^(studies|templates)\/[^/]+\.json$/.test(p);
  return data && mode === '100755' ? '100644' : mode;
}

export async function scanWorkspace(workspace: string): Promise<ScannedFile[]> {
  const out: ScannedFile[] = [];
  await scanFolder(workspace, '', out, false);
  return out;
}

async function scanFolder(workspace: string, rel: string, out: ScannedFile[], askIgnore: boolean): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(path.join(workspace, rel));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  await Promise.all(
    names.map(async (name) => {
      const p = rel ? `${rel}/${name}` : name;
      if (!inScope(p)) return;
      let stats: BigIntStats;
      try {
        stats = await fsp.lstat(path.join(workspace, p), { bigint: true });
      } catch {
        return; // Gone since the folder was read (a save's rename).
      }
      const ask = askIgnore || (rel === '' && !OWN_FOLDERS.has(name));
      if (ask && (await git.isIgnored({ fs: gitFs, dir: workspace, filepath: p }))) return;
      if (stats.isDirectory()) await scanFolder(workspace, p, out, ask);
      else if (stats.isFile()) out.push({ path: p, stats });
    }),
  );
}
