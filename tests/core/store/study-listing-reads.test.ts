// The list and the reads of one study as the library sees them: lists asked for at once agree
// and do not share one array, the full check of a large workspace reports its progress and
// copes with a study deleted meanwhile, and the polled version of the open study is exact.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile, writeStudyFiles } from '../../helpers/study-files';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('lists asked for at once', () => {
  it('each get the whole list, newest first, and changing one leaves the others whole', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 4);
      const store = new StudyStore(dir);
      await store.open();
      const [first, second] = await Promise.all([store.list(), store.list()]);
      expect(first.map((s) => s.id)).toEqual(['study-3', 'study-2', 'study-1', 'study-0']);
      first.length = 0;
      expect(second).toHaveLength(4);
      expect(await store.list()).toHaveLength(4);
    });
  });
});

describe('the full check of studies listed from their heads', () => {
  it('reports its progress to the last study and leaves nothing unverified', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 6);
      const store = new StudyStore(dir, { headReadFrom: 3 });
      await store.open();
      await store.list();
      expect(store.unverifiedIds()).toHaveLength(6);
      const progress: string[] = [];
      await store.verifyAll((done, total) => progress.push(`${done}/${total}`));
      expect(progress).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
      expect(store.unverifiedIds()).toEqual([]);
    });
  });

  it('skips a study deleted or made newer since the list, and checks the rest', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 6);
      const store = new StudyStore(dir, { headReadFrom: 3 });
      await store.open();
      await store.list();
      await rm(studyFile(dir, 'study-2'));
      await writeFile(studyFile(dir, 'study-4'), pretty({ ...sampleStudy(4), schemaVersion: STUDY_FORMAT + 1 }));
      await store.verifyAll();
      expect(store.unverifiedIds().sort()).toEqual(['study-2', 'study-4']);
      expect(store.readOnlyReason).toMatch(/newer version/);
      expect((await store.list()).map((s) => s.id)).toEqual(['study-5', 'study-3', 'study-1', 'study-0']);
    });
  });

  it('a study read in full is verified with what the file holds, not what its head said', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 4);
      const store = new StudyStore(dir, { headReadFrom: 2 });
      await store.open();
      await store.list();
      expect((await store.get('study-1')).title).toBe('Study 1');
      expect(store.unverifiedIds()).not.toContain('study-1');
      expect(store.unverifiedIds()).toHaveLength(3);
    });
  });

  it('a study changed on disk after its head was listed stays unverified by a read of the new file', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 4);
      const store = new StudyStore(dir, { headReadFrom: 2 });
      await store.open();
      await store.list();
      await writeFile(studyFile(dir, 'study-1'), pretty(sampleStudy(1, { title: 'Changed in git, longer title' })));
      // The read is of another file than the one listed: the next list reads it again.
      expect((await store.get('study-1')).title).toBe('Changed in git, longer title');
      expect((await store.list()).find((s) => s.id === 'study-1')?.title).toBe('Changed in git, longer title');
    });
  });
});

describe('the version of the open study', () => {
  it('is not found once the study is deleted, and the one saved here is known without a read', async () => {
    await withTempDir(async (dir) => {
      const store = new StudyStore(dir);
      await store.open();
      const study = await store.create({ title: 'Polled' });
      const saved = await store.update(study.id, { summary: 'saved' });
      expect(await store.updatedAt(study.id)).toBe(saved.updatedAt);
      await store.delete(study.id);
      await expect(store.updatedAt(study.id)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});
