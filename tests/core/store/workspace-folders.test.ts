// The folders and files Casebook writes in a workspace must be real and inside it: a link among
// them (planted through git) or an entry of the wrong kind is refused with a message that says
// what it is and what to do, and nothing is followed.
import { mkdir, symlink, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertWorkspaceEntries,
  ensureWorkspaceFolder,
  workspaceEntryRefusal,
} from '../../../src/core/node/workspace-folders';
import { CasebookError } from '../../../src/core/pure/errors';
import { casebookFailure, casebookRefusal } from '../../helpers/casebook-failure';
import { withTempDir } from '../../helpers/temp-dir';

describe('a workspace entry', () => {
  it('is usable when missing or of its kind, and refused as a link, naming where it points', async () => {
    await withTempDir(async (ws) => {
      await mkdir(path.join(ws, 'studies'));
      await writeFile(path.join(ws, 'casebook.json'), '{}');
      expect(workspaceEntryRefusal(ws, 'studies', 'folder')).toBeNull();
      expect(workspaceEntryRefusal(ws, 'casebook.json', 'file')).toBeNull();
      expect(workspaceEntryRefusal(ws, 'assets', 'folder')).toBeNull();
      await symlink('/etc', path.join(ws, 'assets'));
      expect(workspaceEntryRefusal(ws, 'assets', 'folder')).toBe(
        'The workspace folder "assets" is a symbolic link (to /etc); Casebook does not follow links out of a workspace. Replace it with a real folder.',
      );
      await symlink('/etc/hostname', path.join(ws, 'site.json'));
      expect(workspaceEntryRefusal(ws, 'site.json', 'file')).toBe(
        'The workspace file "site.json" is a symbolic link (to /etc/hostname); Casebook does not follow links out of a workspace. Replace it with a real file.',
      );
    });
  });

  it('is refused when it is of the other kind, saying what it is', async () => {
    await withTempDir(async (ws) => {
      await writeFile(path.join(ws, 'studies'), 'not a folder');
      await mkdir(path.join(ws, 'casebook.json'));
      expect(workspaceEntryRefusal(ws, 'studies', 'folder')).toBe(
        'The workspace folder "studies" is a file, not a folder. Move it away so Casebook can create the folder.',
      );
      expect(workspaceEntryRefusal(ws, 'casebook.json', 'file')).toBe(
        'The workspace file "casebook.json" is a folder, not a regular file. Move it away so Casebook can create the file.',
      );
    });
  });

  it('is checked all at once: every reason in one refusal, none when all are sound', async () => {
    await withTempDir(async (ws) => {
      expect(() => assertWorkspaceEntries(ws, ['studies', 'assets'], ['casebook.json'])).not.toThrow();
      await symlink('/tmp', path.join(ws, 'assets'));
      await mkdir(path.join(ws, 'casebook.json'));
      const err = casebookRefusal(() => assertWorkspaceEntries(ws, ['studies', 'assets'], ['casebook.json']));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toBe(
        'The workspace folder "assets" is a symbolic link (to /tmp); Casebook does not follow links out of a workspace. Replace it with a real folder. The workspace file "casebook.json" is a folder, not a regular file. Move it away so Casebook can create the file.',
      );
    });
  });

  it('is made when missing, kept when there, refused as a link planted since, and never makes the workspace', async () => {
    await withTempDir(async (ws) => {
      expect(await ensureWorkspaceFolder(ws, 'assets')).toBe(path.join(ws, 'assets'));
      expect(await ensureWorkspaceFolder(ws, 'assets')).toBe(path.join(ws, 'assets'));
      expect(await readdir(ws)).toEqual(['assets']);
      await symlink('/tmp', path.join(ws, '.quarantine'));
      const err = await casebookFailure(ensureWorkspaceFolder(ws, '.quarantine'));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toMatch(/^The workspace folder ".quarantine" is a symbolic link \(to \/tmp\)/);
      const gone = path.join(ws, 'no-such-workspace');
      const missing = await ensureWorkspaceFolder(gone, 'assets').catch((e: unknown) => e);
      expect(missing).not.toBeInstanceOf(CasebookError);
      expect((missing as NodeJS.ErrnoException).code).toBe('ENOENT');
    });
  });
});
