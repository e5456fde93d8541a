// Opening a workspace with many files new to it (first open, a big git pull): the list comes
// from each file's head at once, and nothing damaged gets past the full reads that follow.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { existsSync, promises as fsPromises } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { parseHead, readStudyHeadSync } from '../../../src/core/node/study-head';
import { HEAD_READ_FROM, StudyStore } from '../../../src/core/node/study-store';
import { readSummaryCache, summaryCachePath } from '../../../src/core/node/summary-cache';
import { withTempDir } from '../../helpers/temp-dir';
import { withOpenWorkspaces } from '../../helpers/open-workspaces';
import { sampleStudy, writeStudyFiles } from '../../helpers/study-files';

const studyFile = (dir: string, id: string) => path.join(dir, 'studies', `${id}.json`);
const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Cuts a study file in the middle of its sections: the head still reads as a summary. */
async function truncateBody(dir: string, id: string): Promise<void> {
  const text = await readFile(studyFile(dir, id), 'utf8');
  await writeFile(studyFile(dir, id), text.slice(0, text.indexOf('"decisions"')));
}

describe('a study file head', () => {
  it('gives the summary without the sections, in CRLF files too', async () => {
    await withTempDir(async (dir) => {
      const study = sampleStudy(1, { tags: ['a', 'b'], categories: ['Failure Analysis'], title: 'Tabs\tand "quotes"' });
      const file = path.join(dir, 's.json');
      await writeFile(file, pretty(study));
      const {
        problem: _p,
        decisions: _d,
        tradeoffs: _t,
        lessons: _l,
        schemaVersion: _v,
        metrics: _m,
        authors: _a,
        cover: _c,
        language: _lang,
        conflicts: _conflicts,
        ...summary
      } = study;
      expect(readStudyHeadSync(file)?.summary).toEqual(summary);
      await writeFile(file, pretty(study).replace(/\n/g, '\r\n'));
      expect(readStudyHeadSync(file)?.summary).toEqual(summary);
    });
  });

  it('is not fooled by the key text inside a value, and reads past 8 KB when the head is long', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 's.json');
      const tricky = sampleStudy(2, { summary: 'Ends with \n  "problem": {} on purpose' });
      await writeFile(file, pretty(tricky));
      expect(readStudyHeadSync(file)?.summary.summary).toBe(tricky.summary);
      const longHead = sampleStudy(3, { tags: Array.from({ length: 100 }, (_, i) => `${'t'.repeat(70)}${i}`) });
      await writeFile(file, pretty(longHead));
      expect(readStudyHeadSync(file)?.summary.tags).toHaveLength(100);
    });
  });

  it('refuses what it cannot vouch for, so the whole file is read instead', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 's.json');
      const study = sampleStudy(4);
      const { problem, ...afterProblem } = study;
      const cases: Record<string, string> = {
        'compact JSON': JSON.stringify(study),
        'sections first': pretty({ problem, ...afterProblem }),
        'a newer format': pretty({ ...study, schemaVersion: STUDY_FORMAT + 1 }),
        'a bad slug': pretty({ ...study, slug: 'Not A Slug' }),
        'a missing field': pretty({ ...study, title: undefined }),
        garbage: 'x'.repeat(100),
        empty: '',
      };
      for (const [name, text] of Object.entries(cases)) {
        await writeFile(file, text);
        expect(readStudyHeadSync(file), name).toBeNull();
      }
      expect(parseHead(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x2c]))).toBeNull(); // not UTF-8
      expect(readStudyHeadSync(path.join(dir, 'missing.json'))).toBeNull();
    });
  });
});

describe('listing many new files', () => {
  it('lists every study from its head, then full reads set the damaged aside and verify the rest', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 12);
      await truncateBody(dir, 'study-3');
      const store = new StudyStore(dir, { headReadFrom: 5 });
      await store.open();
      const quarantined: string[] = [];
      store.onQuarantine.push((entry) => quarantined.push(entry.file));

      const listed = await store.list();
      expect(listed).toHaveLength(12); // study-3's head is intact: listed until its full read
      expect(store.unverifiedIds().sort()).toHaveLength(12);
      expect(quarantined).toEqual([]);

      await expect(store.get('study-3')).rejects.toMatchObject({ code: 'not_found' });
      expect(quarantined).toEqual(['studies/study-3.json']);
      expect((await store.get('study-5')).title).toBe('Study 5');
      expect(store.unverifiedIds()).not.toContain('study-5');

      await store.verifyAll();
      expect(store.unverifiedIds()).toEqual([]);
      expect((await store.list()).map((s) => s.id)).not.toContain('study-3');
      expect(existsSync(studyFile(dir, 'study-3'))).toBe(false);
      expect(quarantined).toEqual(['studies/study-3.json']);
    });
  });

  it('reads a file in full at once when its head does not parse, and stops writing on a newer format', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 8);
      await writeFile(studyFile(dir, 'study-1'), '{ "schemaVersion": 1, "id": "study-1", oops');
      await writeFile(studyFile(dir, 'study-2'), pretty({ ...sampleStudy(2), schemaVersion: STUDY_FORMAT + 1 }));
      const store = new StudyStore(dir, { headReadFrom: 5 });
      await store.open();
      const ids = (await store.list()).map((s) => s.id);
      expect(ids).not.toContain('study-1');
      expect(ids).not.toContain('study-2');
      expect(existsSync(studyFile(dir, 'study-1'))).toBe(false); // set aside at the list
      expect(store.readOnlyReason).toMatch(/newer version/);
      expect(existsSync(studyFile(dir, 'study-2'))).toBe(true); // a newer file is never moved
    });
  });

  it('keeps unverified summaries out of the summary cache until their files are read', async () => {
    await withTempDir(async (dir) => {
      // Files an hour old (the cache leaves out files modified just now).
      await writeStudyFiles(dir, 120);
      const past = new Date(Date.now() - 3_600_000);
      const { utimes } = await import('node:fs/promises');
      for (const name of await readdir(path.join(dir, 'studies')))
        await utimes(path.join(dir, 'studies', name), past, past);
      const store = new StudyStore(dir, { headReadFrom: 50 });
      await store.open();
      await store.list();
      await store.saveSummaryCache();
      expect((await readSummaryCache(dir)).size).toBe(0);
      await store.get('study-7');
      await store.saveSummaryCache();
      expect([...(await readSummaryCache(dir)).keys()]).toEqual(['study-7']);
      await store.verifyAll();
      expect((await readSummaryCache(dir)).size).toBe(120);
    });
  });

  it('sets aside a file whose full read names another study (a second "id" after the head)', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 8);
      const text = await readFile(studyFile(dir, 'study-5'), 'utf8');
      await writeFile(studyFile(dir, 'study-5'), text.replace(/\n}\n$/, ',\n  "id": "other-id"\n}\n'));
      const store = new StudyStore(dir, { headReadFrom: 5 });
      await store.open();
      expect((await store.list()).map((s) => s.id)).toContain('study-5'); // its head says so
      await expect(store.get('study-5')).rejects.toMatchObject({ code: 'not_found' });
      expect(existsSync(studyFile(dir, 'study-5'))).toBe(false);
      expect((await store.list()).map((s) => s.id)).not.toContain('study-5');
    });
  });

  it('keeps a study saved while the folder is being read', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 5);
      const store = new StudyStore(dir);
      await store.open();
      await store.list();
      // The folder is read before the save lands, but its answer arrives after it.
      const readdir = fsPromises.readdir;
      fsPromises.readdir = (async (...args: Parameters<typeof readdir>) => {
        const names = await readdir(...args);
        await new Promise((r) => setTimeout(r, 50));
        return names;
      }) as typeof readdir;
      try {
        const listing = store.list();
        await new Promise((r) => setTimeout(r, 5));
        const created = await store.create({ title: 'Saved during a list' });
        await listing;
        expect((await store.list()).map((s) => s.id)).toContain(created.id);
      } finally {
        fsPromises.readdir = readdir;
      }
    });
  });

  it('does not share a list that started before a save', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 30);
      const store = new StudyStore(dir, { headReadFrom: 10 });
      await store.open();
      await store.list();
      const before = store.list();
      const created = await store.create({ title: 'Written during a list' });
      const after = await store.list();
      await before;
      expect(after.map((s) => s.id)).toContain(created.id);
      expect((await store.list()).map((s) => s.id)).toContain(created.id);
    });
  });
});

describe('a large workspace through the service', () => {
  const COUNT = HEAD_READ_FROM + 20;

  it('searches titles at once and the full text as it is read, reporting progress and damage found late', async () => {
    await withOpenWorkspaces(async ({ dir, open }) => {
      await writeStudyFiles(dir, COUNT);
      await truncateBody(dir, 'study-9');
      const service = await open();
      expect(await service.listStudies({})).toHaveLength(COUNT);
      const first = await service.searchLibrary(libraryQuerySchema.parse({ query: 'Study 12' }));
      expect(first.quarantined).toBe(0);
      if (first.indexing) expect(first.indexing.total).toBe(COUNT);

      // The background reading finishes: every body is searchable, study-9 is set aside.
      let page = first;
      // Bounded by time, not by a count of polls: a loaded machine reads more slowly.
      const until = Date.now() + 60_000;
      while (Date.now() < until && (page.indexing || page.quarantined === 0)) {
        await new Promise((r) => setTimeout(r, 25));
        page = await service.searchLibrary(libraryQuerySchema.parse({ query: 'body text', limit: 1 }));
      }
      expect(page.indexing).toBeNull();
      expect(page.total).toBe(COUNT - 1);
      expect(page.quarantined).toBe(1);
      const info = await service.getWorkspaceInfo({});
      expect(info.quarantined.map((q) => q.file)).toEqual(['studies/study-9.json']);
      expect(info.studyCount).toBe(COUNT - 1);
      // The reading done, the caches are being written (.casebook/): wait for them, as a quit
      // does, before the folder is removed (it failed with ENOTEMPTY under load).
      await service.flushCaches();
    });
  }, 90_000);

  it('writes the summary cache once every study is read, so the next open reads no file', async () => {
    await withOpenWorkspaces(async ({ dir, open }) => {
      await writeStudyFiles(dir, COUNT);
      const past = new Date(Date.now() - 3_600_000);
      const { utimes } = await import('node:fs/promises');
      for (const name of await readdir(path.join(dir, 'studies')))
        await utimes(path.join(dir, 'studies', name), past, past);
      const service = await open();
      service.warmUp();
      expect(await service.checkCounts({})).toBeDefined(); // waits for the full reading
      await service.flushCaches();
      expect((await readSummaryCache(dir)).size).toBe(COUNT);
      expect(existsSync(summaryCachePath(dir))).toBe(true);
    });
  });

  it('reads in full again files re-dated by a checkout, and finds damage their heads hide', async () => {
    await withOpenWorkspaces(async ({ dir, open }) => {
      await writeStudyFiles(dir, COUNT);
      const service = await open();
      service.warmUp();
      await service.checkCounts({}); // everything read and indexed once
      await truncateBody(dir, 'study-7');
      const now = new Date();
      const { utimes } = await import('node:fs/promises');
      for (const name of await readdir(path.join(dir, 'studies')))
        await utimes(path.join(dir, 'studies', name), now, now);
      // A save through the app changes the folder's stamp: the next search lists again.
      await service.updateStudy({ id: 'study-1', patch: { summary: 'Edited' } });
      let page = await service.searchLibrary(libraryQuerySchema.parse({}));
      // Bounded by time, not by a count of polls: worker threads start slowly on a loaded machine.
      const until = Date.now() + 60_000;
      while (Date.now() < until && page.quarantined === 0) {
        await new Promise((r) => setTimeout(r, 25));
        page = await service.searchLibrary(libraryQuerySchema.parse({}));
      }
      expect(page.quarantined).toBe(1);
      expect((await service.listStudies({})).map((s) => s.id)).not.toContain('study-7');
      await service.checkCounts({}); // the background reading and its index write done before the folder goes
    });
  }, 90_000);

  it('casebook list (verifyStudies) leaves out a study whose sections are damaged', async () => {
    await withOpenWorkspaces(async ({ dir, open }) => {
      await writeStudyFiles(dir, COUNT);
      await truncateBody(dir, 'study-4');
      const service = await open();
      const progress: number[] = [];
      await service.verifyStudies((done) => progress.push(done));
      expect(progress.at(-1)).toBe(COUNT);
      const ids = (await service.listStudies({})).map((s) => s.id);
      expect(ids).toHaveLength(COUNT - 1);
      expect(ids).not.toContain('study-4');
    });
  });
});
