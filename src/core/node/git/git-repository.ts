// Where a workspace's repository lives, and whether it has one.
import { statSync } from 'node:fs';
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
