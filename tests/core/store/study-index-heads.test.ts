// When the list comes from file heads (many new files) and when from full reads, and what the
// list keeps across notes of other folders: the threshold counts files new to the index, a
// workspace without a studies folder lists as empty, and a skipped trash entry stays reported
// after the studies are listed.
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, writeStudy, writeStudyFiles } from '../../helpers/study-files';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('listing from file heads', () => {
  it('starts at exactly headReadFrom new files; one fewer are read in full', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 4);
      const atThreshold = new StudyStore(dir, { headReadFrom: 4 });
      expect(await atThreshold.list()).toHaveLength(4);
      expect(atThreshold.unverifiedIds()).toHaveLength(4);
      const below = new StudyStore(dir, { headReadFrom: 5 });
      expect(await below.list()).toHaveLength(4);
      expect(below.unverifiedIds()).toEqual([]);
    });
  });

  it('counts only files new or changed since the last list', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 3);
      const store = new StudyStore(dir, { headReadFrom: 3 });
      await store.list();
      await store.verifyAll();
      for (const n of [3, 4]) await writeStudy(dir, sampleStudy(n));
      expect(await store.list()).toHaveLength(5);
      expect(store.unverifiedIds()).toEqual([]); // two new files: read in full
      for (const n of [5, 6, 7]) await writeStudy(dir, sampleStudy(n));
      expect(await store.list()).toHaveLength(8);
      expect(store.unverifiedIds().sort()).toEqual(['study-5', 'study-6', 'study-7']);
    });
  });

  it('a head naming another study is read in full and set aside; the rest are listed from heads', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 4);
      await writeFile(path.join(dir, 'studies', 'renamed.json'), pretty(sampleStudy(1)));
      const store = new StudyStore(dir, { headReadFrom: 2 });
      await store.open();
      const quarantined: string[] = [];
      store.onQuarantine.push((entry) => quarantined.push(entry.file));
      expect((await store.list()).map((s) => s.id).sort()).toEqual(['study-0', 'study-1', 'study-2', 'study-3']);
      expect(quarantined).toEqual(['studies/renamed.json']);
      expect(store.unverifiedIds()).toHaveLength(4);
    });
  });
});

describe('the list of a workspace', () => {
  it('is empty when the studies folder does not exist (a workspace opened read-only)', async () => {
    await withTempDir(async (dir) => {
      const store = new StudyStore(dir);
      expect(await store.list()).toEqual([]);
      expect(store.skippedFiles()).toEqual([]);
    });
  });

  it('fails plainly when "studies" is a file, not a folder', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'studies'), 'not a folder');
      await expect(new StudyStore(dir).list()).rejects.toMatchObject({ code: 'ENOTDIR' });
    });
  });

  it('keeps reporting a skipped trash entry after the studies are listed', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 1);
      await mkdir(path.join(dir, '.trash'));
      await symlink(path.join(dir, 'studies', 'study-0.json'), path.join(dir, '.trash', 'gone.json'));
      const store = new StudyStore(dir);
      await store.open();
      expect(await store.listTrash()).toEqual([]);
      expect(store.skippedFiles().map((s) => s.file)).toEqual(['.trash/gone.json']);
      await store.list();
      expect(store.skippedFiles().map((s) => s.file)).toEqual(['.trash/gone.json']);
      await rm(path.join(dir, '.trash', 'gone.json'));
      await store.listTrash();
      expect(store.skippedFiles()).toEqual([]);
    });
  });

  it('reports skipped entries sorted by path', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'studies'));
      const names = ['m', 'c', 'x', 'a', 'q', 'f'];
      for (const name of names) await mkdir(path.join(dir, 'studies', `${name}.json`));
      const store = new StudyStore(dir);
      await store.list();
      expect(store.skippedFiles().map((s) => s.file)).toEqual([...names].sort().map((name) => `studies/${name}.json`));
    });
  });
});
