// The open study is polled for outside changes (updatedAt): a file deleted outside is reported
// as gone, a study written outside before any list is read, and a file edited outside is read
// once in full, after which it is not queued for a second full read.
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile, writeStudy, writeStudyFiles } from '../../helpers/study-files';

async function openStore(dir: string): Promise<StudyStore> {
  const store = new StudyStore(dir);
  await store.open();
  return store;
}

describe('polling a study for outside changes', () => {
  it('reports a study whose file was deleted outside as not found', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 2);
      const store = await openStore(dir);
      expect(await store.list()).toHaveLength(2);
      await rm(studyFile(dir, 'study-1'));
      await expect(store.updatedAt('study-1')).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  it('reads a study written outside since the last list', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 1);
      const store = await openStore(dir);
      expect(await store.list()).toHaveLength(1);
      const added = sampleStudy(5, { updatedAt: '2026-02-03T04:05:06.000Z' });
      await writeStudy(dir, added);
      expect(await store.updatedAt('study-5')).toBe('2026-02-03T04:05:06.000Z');
    });
  });

  it('reads an edit made outside once, in full', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 2);
      const store = await openStore(dir);
      expect(await store.list()).toHaveLength(2);
      await writeStudy(dir, sampleStudy(1, { title: 'Edited outside', updatedAt: '2026-02-03T04:05:06.000Z' }));
      expect(await store.updatedAt('study-1')).toBe('2026-02-03T04:05:06.000Z');
      expect(store.unverifiedIds()).toEqual([]);
      expect((await store.list()).find((s) => s.id === 'study-1')?.title).toBe('Edited outside');
    });
  });
});
