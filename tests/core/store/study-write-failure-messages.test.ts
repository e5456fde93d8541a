// A save or a purge the disk refuses tells the author which study and what to do, in words
// (the failures are injected into the store's real write path: tests run as root, where
// chmod stops nothing).
import { promises as fsp } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lockFileFor } from '../../../src/core/node/atomic-write';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { studyFile, writeStudyFiles } from '../../helpers/study-files';

afterEach(() => {
  vi.restoreAllMocks();
});

function systemError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} failed, '${file}'`), { code, syscall, path: file });
}

async function openStore(dir: string): Promise<StudyStore> {
  await writeStudyFiles(dir, 2);
  const store = new StudyStore(dir);
  await store.open();
  expect(await store.list()).toHaveLength(2);
  return store;
}

describe('a write the disk refuses', () => {
  it('names the study a save was for when its lock file cannot be made', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const lock = lockFileFor(studyFile(dir, 'study-1'));
      const open = fsp.open.bind(fsp);
      vi.spyOn(fsp, 'open').mockImplementation(async (file, ...rest) => {
        if (file === lock) throw systemError('EACCES', 'open', lock);
        return open(file, ...rest);
      });
      await expect(store.update('study-1', { title: 'Never saved' })).rejects.toThrow(
        /^Could not save "Study 1": Casebook is not allowed to write in .* \(EACCES\)/,
      );
      vi.restoreAllMocks();
      expect((await store.get('study-1')).title).toBe('Study 1');
    });
  });

  it('says a purge failed', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      await store.delete('study-1');
      vi.spyOn(fsp, 'rm').mockImplementation(async (file) => {
        throw systemError('EIO', 'unlink', String(file));
      });
      await expect(store.purge('study-1')).rejects.toThrow(
        /^Could not delete the study permanently: the disk reported an input\/output error \(EIO\)/,
      );
      vi.restoreAllMocks();
      expect((await store.listTrash()).map((s) => s.id)).toEqual(['study-1']);
    });
  });
});
