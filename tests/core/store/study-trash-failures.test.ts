// The trash when the file system says no: a trash folder that cannot be read is an error, not
// an empty trash (the author would think their deleted studies gone), and a delete that cannot
// keep the version already in the trash fails before it overwrites that version.
import { promises as fsp } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, writeStudy } from '../../helpers/study-files';

afterEach(() => {
  vi.restoreAllMocks();
});

function systemError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} failed, '${file}'`), { code, syscall, path: file });
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('the trash when the file system refuses', () => {
  it('a trash folder that cannot be read is reported, not listed as empty', async () => {
    await withTempDir(async (dir) => {
      const trash = path.join(dir, '.trash');
      await mkdir(trash);
      await writeFile(path.join(trash, 'kept.json'), pretty(sampleStudy(1, { id: 'kept', slug: 'kept' })));
      const store = new StudyStore(dir);
      await store.open();
      expect((await store.listTrash()).map((s) => s.id)).toEqual(['kept']);
      const readdir = fsp.readdir.bind(fsp);
      vi.spyOn(fsp, 'readdir').mockImplementation(((folder: string, ...rest: []) => {
        if (folder === trash) return Promise.reject(systemError('EACCES', 'scandir', folder));
        return readdir(folder, ...rest);
      }) as typeof fsp.readdir);
      await expect(store.listTrash()).rejects.toMatchObject({ code: 'EACCES' });
    });
  });

  it('a delete that cannot move the trashed version aside fails and keeps both versions', async () => {
    await withTempDir(async (dir) => {
      const earlier = sampleStudy(1, { id: 'kept', slug: 'kept', title: 'Deleted before' });
      await mkdir(path.join(dir, '.trash'));
      await writeFile(path.join(dir, '.trash', 'kept.json'), pretty(earlier));
      await writeStudy(dir, sampleStudy(2, { id: 'kept', slug: 'kept', title: 'In the workspace' }));
      const store = new StudyStore(dir);
      await store.open();
      expect((await store.list()).map((s) => s.title)).toEqual(['In the workspace']);
      // Only the rename that would keep the trashed version fails (as EACCES would, which root
      // cannot provoke with chmod).
      const rename = fsp.rename.bind(fsp);
      vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
        if (String(to).includes('@')) throw systemError('EACCES', 'rename', String(from));
        return rename(from, to);
      });
      await expect(store.delete('kept')).rejects.toThrow(/Could not move "In the workspace" to the trash/);
      vi.restoreAllMocks();
      expect((await store.list()).map((s) => s.title)).toEqual(['In the workspace']);
      expect(await readdir(path.join(dir, '.trash'))).toEqual(['kept.json']);
      expect(JSON.parse(await readFile(path.join(dir, '.trash', 'kept.json'), 'utf8'))).toMatchObject({
        title: 'Deleted before',
      });
    });
  });
});
