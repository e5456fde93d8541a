// The folders (and casebook.json) Casebook writes in a workspace must be real, inside it. A
// workspace is shared through git, so it is untrusted: `studies -> ~/.config/app` or
// `.quarantine -> /somewhere` would make Casebook move and write files outside it. A link
// among them is refused with a message saying what to do, never followed. (The workspace
// folder itself may be a link: that is the user's choice of path, resolved once at open.)
import { promises as fsp, readlinkSync } from 'node:fs';
import path from 'node:path';
import { CasebookError } from '../pure/errors';
import { entryKind, lstatOrNull } from './regular-file';

/** Why `workspace/name` cannot be used as a workspace folder (or file), or null when it can. */
export function workspaceEntryRefusal(workspace: string, name: string, kind: 'folder' | 'file'): string | null {
  const stat = lstatOrNull(path.join(workspace, name));
  if (!stat) return null; // created when needed
  if (stat.isSymbolicLink()) {
    let target = '';
    try {
      target = ` (to ${readlinkSync(path.join(workspace, name))})`;
    } catch {
      // the target is only shown
    }
    return `The workspace ${kind} "${name}" is a symbolic link${target}; Casebook does not follow links out of a workspace. Replace it with a real ${kind}.`;
  }
  if (kind === 'folder' && !stat.isDirectory())
    return `The workspace folder "${name}" is ${entryKind(stat)}, not a folder. Move it away so Casebook can create the folder.`;
  if (kind === 'file' && !stat.isFile())
    return `The workspace file "${name}" is ${entryKind(stat)}, not a regular file. Move it away so Casebook can create the file.`;
  return null;
}

/** Throws when any of the workspace's own folders or files is a link or of the wrong kind. */
export function assertWorkspaceEntries(workspace: string, folders: readonly string[], files: readonly string[]): void {
  const reasons = [
    ...folders.map((name) => workspaceEntryRefusal(workspace, name, 'folder')),
    ...files.map((name) => workspaceEntryRefusal(workspace, name, 'file')),
  ].filter((reason): reason is string => reason !== null);
  if (reasons.length > 0) throw new CasebookError('invalid_input', reasons.join(' '));
}

/**
 * Creates `workspace/name` when missing and checks it is a real folder. Writers call it just
 * before writing into a folder created on demand, so a link planted after the open (a git
 * pull while the app runs) is refused too. Never creates the workspace folder itself.
 */
export async function ensureWorkspaceFolder(workspace: string, name: string): Promise<string> {
  const dir = path.join(workspace, name);
  try {
    await fsp.mkdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const refusal = workspaceEntryRefusal(workspace, name, 'folder');
  if (refusal) throw new CasebookError('invalid_input', refusal);
  return dir;
}
