// When the summary cache is written: whenever what the next open would find differs from it
// (a file's mtime or size, a study gone), and only then. A flush with nothing new, or only
// saves still in the racy window (which would be left out), leaves the file alone: on a large
// workspace each rewrite costs a write of every summary.
import { readFile, rm, stat, utimes } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { MIN_STUDIES_FOR_CACHE } from '../../../src/core/node/library-on-disk';
import { summaryCachePath } from '../../../src/core/node/summary-cache';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile, writeStudy, writeStudyFiles } from '../../helpers/study-files';

const COUNT = MIN_STUDIES_FOR_CACHE + 10;
/** An hour ago: older than the cache's racy window, like any file not just saved. */
const past = new Date(Date.now() - 3_600_000);
/**
 * Two hours ago, on a whole second: the cache file's own mtime, to tell whether it was written
 * since. (A time with milliseconds comes back from utimes + stat off by a float rounding.)
 */
const older = new Date(Math.floor((Date.now() - 7_200_000) / 1000) * 1000);

async function oldStudies(dir: string, count = COUNT): Promise<void> {
  await writeStudyFiles(dir, count);
  for (let n = 0; n < count; n++) await utimes(studyFile(dir, `study-${n}`), past, past);
}

async function openStore(dir: string, options: { headReadFrom?: number } = {}): Promise<StudyStore> {
  const store = new StudyStore(dir, options);
  await store.open();
  return store;
}

/** A workspace of `count` old studies whose cache exists, its file dated two hours back. */
async function cachedWorkspace(dir: string, count = COUNT): Promise<void> {
  await oldStudies(dir, count);
  expect(await (await openStore(dir)).list()).toHaveLength(count);
  await utimes(summaryCachePath(dir), older, older);
}

const cacheWritten = async (dir: string) =>
  Math.abs((await stat(summaryCachePath(dir))).mtimeMs - older.getTime()) >= 1;

type CacheFile = { studies: Array<{ id: string; mtimeMs: number; size: number; summary: { title: string } }> };
const cached = async (dir: string) =>
  new Map((JSON.parse(await readFile(summaryCachePath(dir), 'utf8')) as CacheFile).studies.map((e) => [e.id, e]));

describe('the summary cache is written', () => {
  it(`for a workspace of exactly ${MIN_STUDIES_FOR_CACHE} studies`, async () => {
    await withTempDir(async (dir) => {
      await oldStudies(dir, MIN_STUDIES_FOR_CACHE);
      expect(await (await openStore(dir)).list()).toHaveLength(MIN_STUDIES_FOR_CACHE);
      expect((await cached(dir)).size).toBe(MIN_STUDIES_FOR_CACHE);
    });
  });

  it('when a list finds a file touched at the same size: the new mtime is kept', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const touched = new Date(past.getTime() + 1_000);
      await utimes(studyFile(dir, 'study-5'), touched, touched);
      expect(await (await openStore(dir)).list()).toHaveLength(COUNT);
      expect((await cached(dir)).get('study-5')?.mtimeMs).toBe((await stat(studyFile(dir, 'study-5'))).mtimeMs);
    });
  });

  it('when a list finds a file edited outside at the same mtime: the edit is kept', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      await writeStudy(dir, sampleStudy(7, { title: 'Edited outside Casebook, a longer title' }));
      await utimes(studyFile(dir, 'study-7'), past, past);
      expect(await (await openStore(dir)).list()).toHaveLength(COUNT);
      expect((await cached(dir)).get('study-7')?.summary.title).toBe('Edited outside Casebook, a longer title');
    });
  });

  it('at a flush after a study was removed outside: it leaves the cache', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      await rm(studyFile(dir, 'study-2'));
      const store = await openStore(dir);
      expect(await store.list()).toHaveLength(COUNT - 1);
      await store.saveSummaryCache();
      expect((await cached(dir)).has('study-2')).toBe(false);
      expect((await cached(dir)).size).toBe(COUNT - 1);
    });
  });
});

describe('the summary cache is left alone', () => {
  it('by a flush with nothing new, and every study taken from it counts as verified', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const store = await openStore(dir);
      expect(await store.list()).toHaveLength(COUNT);
      // Taken from the cache: the background indexing need read none of them again.
      expect(store.unverifiedIds()).toEqual([]);
      await store.saveSummaryCache();
      expect(await cacheWritten(dir)).toBe(false);
    });
  });

  it('by a flush right after a save (the saved file would be left out as racy)', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const store = await openStore(dir);
      await store.update('study-1', { title: 'Saved just now' });
      await store.saveSummaryCache();
      expect(await cacheWritten(dir)).toBe(false);
      expect((await cached(dir)).get('study-1')?.summary.title).toBe('Study 1');
    });
  });

  it('by a flush while new studies are only listed from their heads', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      for (let n = COUNT; n < COUNT + 3; n++) await writeStudy(dir, sampleStudy(n));
      const store = await openStore(dir, { headReadFrom: 2 });
      expect(await store.list()).toHaveLength(COUNT + 3);
      expect(store.unverifiedIds().sort()).toEqual([`study-${COUNT}`, `study-${COUNT + 1}`, `study-${COUNT + 2}`]);
      await store.saveSummaryCache();
      expect(await cacheWritten(dir)).toBe(false);
    });
  });
});
