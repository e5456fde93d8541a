// A large workspace opened for the first time is read on worker threads (study-intake.ts):
// searched in full, its badges counted and its files vouched for exactly as a read on the
// main thread would, with nothing lost when a worker fails or is too slow.
import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CasebookService } from '../../../src/core/node/casebook-service';
import { LibraryService } from '../../../src/core/node/library-service';
import { intakeStats, readOnThreads, type IntakeItem } from '../../../src/core/node/study-intake';
import { HEAD_READ_FROM } from '../../../src/core/node/study-index';
import { readSummaryCache } from '../../../src/core/node/summary-cache';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { toSummary } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';
import { withOpenWorkspaces } from '../../helpers/open-workspaces';
import { anHourAgo, sampleStudy, studyFile, withLessons, writeStudyDated } from '../../helpers/study-files';

// Above the 200 studies from which a first read goes to worker threads, and listed from their files' heads only (HEAD_READ_FROM): the workers' reads are the first full ones.
const HEADS_ONLY = HEAD_READ_FROM + 20;

const ids = async (service: CasebookService, query: string) =>
  (await service.searchLibrary(libraryQuerySchema.parse({ query }))).entries.map((e) => e.study.id);

describe('the first read of a large workspace, on worker threads', () => {
  it('searches every section, counts every badge and vouches for every file as the main thread would', async () => {
    await withOpenWorkspaces(async ({ dir, open }) => {
      for (let n = 0; n < HEADS_ONLY; n++) {
        // Some studies with findings: a shared title (an error for both), an empty problem.
        const study = withLessons(n, `Lessons of quill${n}x here.`);
        if (n === 3 || n === 4) study.title = 'Same title twice';
        if (n === 5) study.problem = { type: 'doc', content: [] };
        await writeStudyDated(dir, study, anHourAgo());
      }
      const before = intakeStats.answered;
      const service = await open();
      service.warmUp();
      const counts = await service.checkCounts({}); // waits for the full read
      expect(intakeStats.answered - before).toBe(HEADS_ONLY);

      expect(await ids(service, 'quill123x')).toEqual(['study-123']);
      for (const id of ['study-3', 'study-4', 'study-5', 'study-6']) {
        const findings = await service.checkStudy({ id });
        const errors = findings.filter((f) => f.severity === 'error').length;
        expect(counts[id], id).toEqual({ errors, warnings: findings.length - errors });
      }
      expect(counts['study-3']!.errors).toBeGreaterThan(0);
      expect(counts['study-5']).not.toEqual(counts['study-6']);
      // Every file was read in full and found valid: the summary cache vouches for all of them.
      await service.flushCaches();
      expect((await readSummaryCache(dir)).size).toBe(HEADS_ONLY);
    });
  }, 90_000);

  it('keeps a study saved while the workers read it, and sets aside the damaged file they pass back', async () => {
    await withOpenWorkspaces(async ({ dir, open }) => {
      for (let n = 0; n < HEADS_ONLY; n++)
        await writeStudyDated(dir, withLessons(n, `Lessons of quill${n}x.`), anHourAgo());
      const { writeFile } = await import('node:fs/promises');
      // Valid JSON, a valid head, but not a study: only the full read finds it.
      await writeFile(studyFile(dir, 'study-7'), JSON.stringify({ ...sampleStudy(7), lessons: 'not a document' }));
      const service = await open();
      service.warmUp();
      await service.searchLibrary(libraryQuerySchema.parse({})); // listed: the reading starts
      await service.updateStudy({ id: 'study-200', patch: { lessons: withLessons(200, 'Now about wombat.').lessons } });
      await service.checkCounts({});
      expect(await ids(service, 'wombat')).toEqual(['study-200']);
      expect(await ids(service, 'quill200x')).toEqual([]);
      expect(await ids(service, 'quill7x')).toEqual([]);
      expect((await service.getWorkspaceInfo({})).quarantined.map((q) => q.file)).toEqual(['studies/study-7.json']);
      await service.flushCaches();
    });
  }, 90_000);
});

describe('answers from worker threads', () => {
  it('never overwrite a study saved after its file was read', async () => {
    await withTempDir(async (dir) => {
      const studies = Array.from({ length: 210 }, (_, n) => withLessons(n, `Lessons of quill${n}x.`));
      for (const study of studies) await writeStudyDated(dir, study, anHourAgo());
      const last = studies.at(-1)!;
      const saved = { ...withLessons(209, 'Now about wombat.'), updatedAt: '2030-01-01T00:00:00.000Z' };
      let vouched = 0;
      const disk = new Map(studies.map((s) => [s.id, s]));
      const library: LibraryService = new LibraryService({
        // The store's view: the save is in it at once (the file the workers read stays as it was).
        listSummaries: async () => [...disk.values()].map(toSummary),
        readStudy: async (id) => disk.get(id) ?? null,
        site: () => defaultSiteSettings(),
        folderStamp: () => 1,
        quarantinedCount: () => 0,
        unverifiedIds: () => [],
        intake: {
          fileOf: (id) => studyFile(dir, id),
          // At the first answer indexed the last study is saved: the workers' answer for it
          // (from its file as it was) arrives after, stale.
          vouch: () => {
            if (vouched++ > 0) return;
            disk.set(saved.id, saved);
            library.saved(saved);
          },
          templates: () => [],
        },
      });
      await library.sync();
      expect(vouched).toBe(209); // every study but the one saved
      const find = async (query: string) =>
        (await library.search(libraryQuerySchema.parse({ query }))).entries.map((e) => e.study.id);
      expect(await find('wombat')).toEqual([last.id]);
      expect(await find(`quill209x`)).toEqual([]);
      expect(await find('quill208x')).toEqual(['study-208']);
    });
  }, 60_000);
});

describe('the worker threads', () => {
  const context = { site: defaultSiteSettings(), templates: null, names: [] };

  async function someFiles(dir: string, count: number): Promise<IntakeItem[]> {
    for (let n = 0; n < count; n++) await writeStudyDated(dir, sampleStudy(n), anHourAgo());
    const names = await readdir(path.join(dir, 'studies'));
    return names.map((name) => ({ id: name.replace(/\.json$/, ''), file: path.join(dir, 'studies', name) }));
  }

  it('hand back what a worker too slow to answer held: every study answered or returned, none twice', async () => {
    await withTempDir(async (dir) => {
      const items = await someFiles(dir, 60);
      const answered: string[] = [];
      const stopped = intakeStats.stopped;
      // 1 ms is less than any worker takes to start: every one is stopped, everything comes back.
      const left = await readOnThreads(items, context, (r) => answered.push(r.id), { threads: 2, studyMs: 1 });
      expect(intakeStats.stopped - stopped).toBe(2);
      expect([...answered, ...left.map((i) => i.id)].sort()).toEqual(items.map((i) => i.id).sort());
    });
  }, 60_000);

  it('leave a file over their size bound to the main thread (a heap running out would end the process)', async () => {
    await withTempDir(async (dir) => {
      const items = await someFiles(dir, 3);
      const big = withLessons(2, 'many words '.repeat(110_000)); // ~1.2 MB, still a valid study
      await writeStudyDated(dir, big, anHourAgo());
      const results = new Map<string, boolean>();
      await readOnThreads(items, context, (r) => results.set(r.id, r.read !== null), { threads: 1 });
      expect(Object.fromEntries(results)).toEqual({ 'study-0': true, 'study-1': true, 'study-2': false });
    });
  }, 60_000);

  it('answer each study once, null for a file that is not a study of that id', async () => {
    await withTempDir(async (dir) => {
      const items = await someFiles(dir, 40);
      items[0] = { ...items[0]!, id: 'another-id' }; // the file names another study
      const results = new Map<string, boolean>();
      const left = await readOnThreads(items, context, (r) => results.set(r.id, r.read !== null), { threads: 2 });
      expect(left).toEqual([]);
      expect(results.size).toBe(40);
      expect(results.get('another-id')).toBe(false);
      expect([...results.values()].filter(Boolean)).toHaveLength(39);
    });
  }, 60_000);
});
