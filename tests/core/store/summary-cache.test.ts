// The summary cache (.casebook/summaries.json) lets a large workspace open without reading
// every study file, but never vouches for a file: a file whose mtime or size changed is read
// and validated in full, and a damaged or foreign cache is ignored and replaced.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { MIN_STUDIES_FOR_CACHE } from '../../../src/core/node/library-on-disk';
import { StudyStore } from '../../../src/core/node/study-store';
import {
  CACHE_DIR,
  RACY_MS,
  readSummaryCache,
  summaryCacheMac,
  summaryCachePath,
} from '../../../src/core/node/summary-cache';
import { localSecret, macOf } from '../../../src/core/node/local-secret';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, writeStudyFiles } from '../../helpers/study-files';

/** Enough studies for a search index file too (library-on-disk.ts). */
const COUNT = MIN_STUDIES_FOR_CACHE + 10;
const studyFile = (dir: string, id: string) => path.join(dir, 'studies', `${id}.json`);
/** An hour ago: older than the cache's racy window, like any file not just saved. */
const past = new Date(Date.now() - 3_600_000);

/** `count` studies, last modified an hour ago. */
async function oldStudies(dir: string, count = COUNT): Promise<void> {
  await writeStudyFiles(dir, count);
  for (let n = 0; n < count; n++) await utimes(studyFile(dir, `study-${n}`), past, past);
}

/** A workspace of COUNT studies last modified an hour ago, opened once so the cache exists. */
async function cachedWorkspace(dir: string): Promise<void> {
  await oldStudies(dir);
  const first = await openWorkspace(dir);
  expect(await first.listStudies({})).toHaveLength(COUNT);
  expect(existsSync(summaryCachePath(dir))).toBe(true);
}

/** Replaces a file's bytes, keeping (or setting) its mtime. */
async function replaceBytes(file: string, bytes: Buffer | string, mtime = past): Promise<void> {
  await writeFile(file, bytes);
  await utimes(file, mtime, mtime);
}

const titles = async (dir: string) =>
  new Map((await (await openWorkspace(dir)).listStudies({})).map((s) => [s.id, s.title]));

describe('summary cache', () => {
  it('a second open reads no study file whose mtime and size are unchanged', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      // Same size, same mtime, but not a study at all: only a read would notice.
      const file = studyFile(dir, 'study-4');
      const { size } = await stat(file);
      await replaceBytes(file, Buffer.alloc(size, 0x21));
      const service = await openWorkspace(dir);
      const list = await service.listStudies({});
      expect(list).toHaveLength(COUNT);
      expect(list.find((s) => s.id === 'study-4')?.title).toBe('Study 4');
      expect(await service.listQuarantined({})).toEqual([]);
      expect((await readFile(file)).equals(Buffer.alloc(size, 0x21))).toBe(true);
    });
  });

  it('a file whose size changed is read again: garbage is quarantined, an edit is shown', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      // Same mtime as cached: the size alone must give them away.
      await replaceBytes(studyFile(dir, 'study-2'), 'not a study');
      const edited = sampleStudy(7, { title: 'Edited outside Casebook' });
      await replaceBytes(studyFile(dir, 'study-7'), `${JSON.stringify(edited, null, 2)}\n`);
      const service = await openWorkspace(dir);
      const list = await service.listStudies({});
      expect(list.map((s) => s.id)).not.toContain('study-2');
      expect(list.find((s) => s.id === 'study-7')?.title).toBe('Edited outside Casebook');
      const quarantined = await service.listQuarantined({});
      expect(quarantined.map((q) => q.file)).toEqual(['studies/study-2.json']);
      expect(quarantined[0]!.reason).toMatch(/not valid JSON/);
      // The next open has learned the edit and still sets nothing else aside.
      expect((await titles(dir)).get('study-7')).toBe('Edited outside Casebook');
      expect(await service.listQuarantined({})).toHaveLength(1);
    });
  });

  it('a file whose mtime changed is read again even at the same size', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const file = studyFile(dir, 'study-5');
      const { size } = await stat(file);
      await replaceBytes(file, Buffer.alloc(size, 0x21), new Date(past.getTime() + 1_000));
      const service = await openWorkspace(dir);
      expect((await service.listStudies({})).map((s) => s.id)).not.toContain('study-5');
      expect((await service.listQuarantined({})).map((q) => q.file)).toEqual(['studies/study-5.json']);
    });
  });

  for (const [label, cache] of [
    ['not JSON', '{"format":1,"studies":['],
    ['the wrong shape', JSON.stringify({ format: 1, studies: [{ id: 'study-1', mtimeMs: 'yesterday' }] })],
    ['from a newer Casebook', null],
  ] as const) {
    it(`a cache that is ${label} is ignored, never quarantined, and replaced`, async () => {
      await withTempDir(async (dir) => {
        await cachedWorkspace(dir);
        const cacheFile = summaryCachePath(dir);
        const good = JSON.parse(await readFile(cacheFile, 'utf8')) as {
          studies: Array<{ summary: { title: string } }>;
        };
        // A newer format's entries may mean anything: even matching mtimes must not be used.
        for (const entry of good.studies) entry.summary.title = 'From the cache';
        await writeFile(cacheFile, cache ?? JSON.stringify({ ...good, format: 2 }));
        const service = await openWorkspace(dir);
        const list = await service.listStudies({});
        expect(list).toHaveLength(COUNT);
        expect(list.every((s) => s.title === `Study ${s.id.slice('study-'.length)}`)).toBe(true);
        expect(await service.listQuarantined({})).toEqual([]);
        const replaced = JSON.parse(await readFile(cacheFile, 'utf8')) as { format: number; studies: unknown[] };
        expect(replaced.format).toBe(1);
        expect(replaced.studies).toHaveLength(COUNT);
      });
    });
  }

  it('a cache planted by someone else (a synced folder or an archive keeps mtimes) is not used', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const cacheFile = summaryCachePath(dir);
      const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as {
        mac?: string;
        studies: Array<{ summary: { title: string; status: string } }>;
      };
      // The files and their stamps are as cached; only the summaries lie (a published study
      // listed as a draft), with the signature of another user's secret, or none.
      for (const entry of cache.studies) Object.assign(entry.summary, { title: 'Harmless draft', status: 'draft' });
      for (const mac of ['A'.repeat(43), undefined]) {
        await writeFile(cacheFile, JSON.stringify({ ...cache, mac }));
        expect([...(await titles(dir)).values()].includes('Harmless draft')).toBe(false);
      }
    });
  });

  it('uses only the studies its signature covers: signed entries with more beside them are not used', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const text = await readFile(summaryCachePath(dir), 'utf8');
      const cache = JSON.parse(text) as { studies: Array<{ summary: { title: string } }> };
      const planted = structuredClone(cache.studies);
      for (const entry of planted) entry.summary.title = 'Planted';
      const signed = JSON.stringify(cache.studies);
      const at = text.indexOf(signed);
      expect(at).toBeGreaterThan(0);
      // The signed text kept as it is, with a second studies key after it (JSON.parse keeps the
      // last one), or entries added inside the signed list.
      for (const tampered of [
        `${text.slice(0, at + signed.length)},"studies":${JSON.stringify(planted)}}`,
        `${text.slice(0, at + signed.length - 1)},${JSON.stringify(planted[0])}]}`,
      ]) {
        await writeFile(summaryCachePath(dir), tampered);
        expect([...(await readSummaryCache(dir)).values()].some((e) => e.summary.title === 'Planted')).toBe(false);
        expect([...(await titles(dir)).values()].includes('Planted')).toBe(false);
      }
      // Laid out otherwise (reformatted by hand) it is not used either, and the next list replaces it.
      await writeFile(summaryCachePath(dir), JSON.stringify(JSON.parse(text), null, 2));
      expect((await readSummaryCache(dir)).size).toBe(0);
      expect(await titles(dir)).toHaveProperty('size', COUNT);
      expect((await readSummaryCache(dir)).size).toBe(COUNT);
    });
  });

  it('a cache entry whose summary names another study is not used', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const cacheFile = summaryCachePath(dir);
      const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { studies: Array<{ id: string }> };
      cache.studies.find((e) => e.id === 'study-3')!.id = 'study-9';
      cache.studies = cache.studies.filter((e, i, all) => all.findIndex((o) => o.id === e.id) === i);
      await writeFile(cacheFile, JSON.stringify(cache));
      expect((await titles(dir)).get('study-9')).toBe('Study 9');
    });
  });

  it('a workspace from a newer Casebook gets no cache written', async () => {
    await withTempDir(async (dir) => {
      await oldStudies(dir);
      await writeFile(path.join(dir, 'casebook.json'), JSON.stringify({ schemaVersion: 3, site: {} }));
      const service = await openWorkspace(dir);
      expect(await service.listStudies({})).toHaveLength(COUNT);
      expect((await service.getWorkspaceInfo({})).readOnly).toBe(true);
      expect(existsSync(path.join(dir, CACHE_DIR))).toBe(false);
    });
  });

  it('a study file from a newer Casebook makes the store write no cache', async () => {
    await withTempDir(async (dir) => {
      await oldStudies(dir);
      await replaceBytes(
        studyFile(dir, 'study-1'),
        JSON.stringify({ ...sampleStudy(1), schemaVersion: STUDY_FORMAT + 1 }),
      );
      const service = await openWorkspace(dir);
      expect(await service.listStudies({})).toHaveLength(COUNT - 1);
      expect((await service.getWorkspaceInfo({})).readOnlyReason).toMatch(/newer version of Casebook/);
      expect(existsSync(path.join(dir, CACHE_DIR))).toBe(false);
    });
  });

  it('saves leave the cache alone; the next open is still right after create, update, delete and restore', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const cacheBefore = await readFile(summaryCachePath(dir));
      const service = await openWorkspace(dir);
      await service.listStudies({});
      const created = await service.createStudy({ title: 'Created after the cache' });
      await service.updateStudy({ id: 'study-1', patch: { title: 'Renamed after the cache' } });
      await service.deleteStudy({ id: 'study-2' });
      await service.deleteStudy({ id: 'study-3' });
      await service.restoreStudy({ id: 'study-3' });
      await service.listStudies({});
      // A save costs the same in a workspace of 10 or 10,000: it never rewrites the cache.
      expect((await readFile(summaryCachePath(dir))).equals(cacheBefore)).toBe(true);
      const reopened = await titles(dir);
      expect(reopened.get(created.id)).toBe('Created after the cache');
      expect(reopened.get('study-1')).toBe('Renamed after the cache');
      expect(reopened.has('study-2')).toBe(false);
      expect(reopened.get('study-3')).toBe('Study 3');
      expect(reopened.size).toBe(COUNT);
    });
  });

  it('saveSummaryCache keeps saves for the next open, which then reads none of them', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const store = new StudyStore(dir);
      await store.open();
      const created = await store.create({ title: 'Created' });
      await store.update('study-1', { title: 'Renamed' });
      await store.delete('study-2');
      // Files saved within the racy window are left out of the cache; wait it out.
      await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
      await store.saveSummaryCache();
      const cache = JSON.parse(await readFile(summaryCachePath(dir), 'utf8')) as {
        format: number;
        studies: Array<{ id: string; summary: { title: string } }>;
      };
      const cached = new Map(cache.studies.map((e) => [e.id, e.summary.title]));
      expect(cached.get(created.id)).toBe('Created');
      expect(cached.get('study-1')).toBe('Renamed');
      expect(cached.has('study-2')).toBe(false);
      // Prove the next open takes both saved studies from the cache, not from their files:
      // mark their cached titles (a test can set no mtime back to the nanosecond).
      for (const entry of cache.studies) if ([created.id, 'study-1'].includes(entry.id)) entry.summary.title += ' *';
      await writeFile(summaryCachePath(dir), JSON.stringify({ ...cache, mac: await summaryCacheMac(cache.studies) }));
      const reopened = new StudyStore(dir);
      await reopened.open();
      const list = new Map((await reopened.list()).map((s) => [s.id, s.title]));
      expect(list.get(created.id)).toBe('Created *');
      expect(list.get('study-1')).toBe('Renamed *');
      expect(list.size).toBe(COUNT);
    });
  }, 20_000);

  it('a small workspace is cached too (a CLI list then reads no study file); an empty one gets no cache folder', async () => {
    await withTempDir(async (dir) => {
      await openWorkspace(dir);
      expect(await (await openWorkspace(dir)).listStudies({})).toEqual([]);
      expect(existsSync(path.join(dir, CACHE_DIR))).toBe(false);
      await oldStudies(dir, 3);
      expect(await (await openWorkspace(dir)).listStudies({})).toHaveLength(3);
      expect([...(await readSummaryCache(dir)).keys()].sort()).toEqual(['study-0', 'study-1', 'study-2']);
    });
  });

  it('is trusted only as signed with the summary fields of this Casebook: another shape is read again from the files', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      const cache = JSON.parse(await readFile(summaryCachePath(dir), 'utf8')) as {
        studies: Array<{ id: string; summary: { title: string } }>;
      };
      for (const entry of cache.studies) entry.summary.title += ' *';
      // Signed as a Casebook whose summaries had other fields would sign it (no shape, or another).
      const secret = (await localSecret())!;
      await writeFile(
        summaryCachePath(dir),
        JSON.stringify({ ...cache, mac: macOf(secret, JSON.stringify(cache.studies)) }),
      );
      expect([...(await titles(dir)).values()].some((t) => t.endsWith(' *'))).toBe(false);
      // Signed as this Casebook signs: trusted, and an entry naming another study is left out.
      cache.studies[0]!.summary = { ...cache.studies[0]!.summary, id: 'someone-else' } as never;
      await writeFile(summaryCachePath(dir), JSON.stringify({ ...cache, mac: await summaryCacheMac(cache.studies) }));
      const cached = await readSummaryCache(dir);
      expect(cached.size).toBe(COUNT - 1);
      expect([...cached.values()].every((e) => e.summary.title.endsWith(' *'))).toBe(true);
    });
  });

  it('the cache folder tells git to ignore it and lists only study files', async () => {
    await withTempDir(async (dir) => {
      await cachedWorkspace(dir);
      expect((await readdir(path.join(dir, CACHE_DIR))).sort()).toEqual(['.gitignore', 'summaries.json']);
      expect(await readFile(path.join(dir, CACHE_DIR, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
      // The cache is not a study: it is never listed or quarantined as one.
      expect((await titles(dir)).size).toBe(COUNT);
    });
  });
});
