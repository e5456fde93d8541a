// Where a workspace's repository lives, and whether it has one.
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';

export const gitdirOf = (workspace: string): string => path.join(workspace, '.git');

/** Whether the workspace folder holds its own repository (.git is a folder with a HEAD). */
export function isRepository(workspace: string): boolean {
  try {
    return statSync(path.join(gitdirOf(workspace), 'HEAD')).isFile();
  } catch {
    return false;
  }
}

/**
 * The folder whose repository already holds `workspace` (a parent with .git, or the workspace's
 * own .git when it is a file: a submodule or linked worktree); null when none. Making a second
 * repository inside one would hide the workspace's files from it and confuse both.
 */
export function enclosingRepository(workspace: string): string | null {
  let dir = path.resolve(workspace);
  for (;;) {
    try {
      lstatSync(path.join(dir, '.git'));
      return dir;
    } catch {
      // none here: look one folder up
    }
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}
