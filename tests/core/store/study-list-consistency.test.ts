// The library list stays one entry per study file: a copied file is not a second listing of
// the study inside it, a study created while a list runs is in that list, and an edit saved
// within the same clock tick as the summary cache is never hidden by it.
import { existsSync, promises as fsPromises } from 'node:fs';
import { copyFile, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { StudyStore } from '../../../src/core/node/study-store';
import { MIN_STUDIES_FOR_CACHE } from '../../../src/core/node/library-on-disk';
import { summaryCachePath } from '../../../src/core/node/summary-cache';
import { withTempDir } from '../../helpers/temp-dir';
import { writeStudyFiles } from '../../helpers/study-files';

const studyFile = (dir: string, id: string) => path.join(dir, 'studies', `${id}.json`);

afterEach(() => {
  vi.useRealTimers();
});

describe('one entry per study file', () => {
  it('a copy of a study file under another name is set aside, not listed as the study twice', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 8);
      // A duplicated file (a file manager's "copy", a merge): its head names study-3.
      await copyFile(studyFile(dir, 'study-3'), studyFile(dir, 'study-3-copy'));
      const store = new StudyStore(dir, { headReadFrom: 5 });
      await store.open();
      const ids = (await store.list()).map((s) => s.id);
      expect(ids.filter((id) => id === 'study-3')).toHaveLength(1);
      expect(ids).not.toContain('study-3-copy');
      expect(ids).toHaveLength(8);
      expect(existsSync(studyFile(dir, 'study-3-copy'))).toBe(false);
      expect((await store.get('study-3')).title).toBe('Study 3');
    });
  });

  it('a study created while the folder is being read is in the list that was running', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 5);
      const store = new StudyStore(dir);
      await store.open();
      await store.list();
      // The list's folder read starts before the save lands, but its answer arrives after it
      // (a slow disk or network folder); the save's own look at the folder is quick. Held by
      // promises, not by time: on a loaded machine a wait of any length can come out the other way.
      const readdir = fsPromises.readdir;
      let calls = 0;
      let listRead!: () => void;
      const listReading = new Promise<void>((resolve) => (listRead = resolve));
      let answerList!: () => void;
      const listMayAnswer = new Promise<void>((resolve) => (answerList = resolve));
      fsPromises.readdir = (async (...args: Parameters<typeof readdir>) => {
        const slow = calls++ === 0;
        const names = await readdir(...args);
        if (slow) {
          listRead();
          await listMayAnswer;
        }
        return names;
      }) as typeof readdir;
      try {
        const listing = store.list();
        await listReading; // the list has read the folder, without the study below
        const created = await store.create({ title: 'Saved during a list' });
        answerList();
        const listed = (await listing).map((s) => s.id);
        expect(listed).toContain(created.id);
        expect(listed).toHaveLength(6);
      } finally {
        fsPromises.readdir = readdir;
      }
    });
  });
});

describe('the summary cache and a save in the same clock tick', () => {
  it('a file saved just before the cache is written is read again at the next open', async () => {
    await withTempDir(async (dir) => {
      const count = MIN_STUDIES_FOR_CACHE + 5;
      await writeStudyFiles(dir, count);
      const past = new Date(Date.now() - 3_600_000);
      for (let n = 0; n < count; n++) await utimes(studyFile(dir, `study-${n}`), past, past);
      // study-7 was saved a moment ago: the cache is written one second later.
      const file = studyFile(dir, 'study-7');
      const savedAt = new Date(Date.now() - 10_000);
      await utimes(file, savedAt, savedAt);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(savedAt.getTime() + 1_000);
      expect(await (await openWorkspace(dir)).listStudies({})).toHaveLength(count);
      vi.useRealTimers();
      expect(existsSync(summaryCachePath(dir))).toBe(true);

      // A second edit in the same tick: same size, same mtime, another title.
      const before = await stat(file);
      await writeFile(file, (await readFile(file, 'utf8')).replace('"title": "Study 7"', '"title": "Xtudy 7"'));
      await utimes(file, before.atime, before.mtime);
      expect((await stat(file)).size).toBe(before.size);

      const list = await (await openWorkspace(dir)).listStudies({});
      expect(list.find((s) => s.id === 'study-7')?.title).toBe('Xtudy 7');
      expect(list.find((s) => s.id === 'study-8')?.title).toBe('Study 8');
    });
  });
});
