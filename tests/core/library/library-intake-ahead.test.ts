// A large workspace opened for the first time starts its intake workers while the titles go in
// (study-intake-workers.ts), so their start-up is not added to the wait for the full text. The
// workers started ahead are the ones that read: none is started twice, none is left running,
// and one that ended while it waited is passed over at once rather than waited for.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryService } from '../../../src/core/node/library-service';
import { intakeStats, readOnThreads, type IntakeItem } from '../../../src/core/node/study-intake';
import { intakeThreads, IntakeWorkers } from '../../../src/core/node/study-intake-workers';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-query';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { toSummary } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';
import { anHourAgo, sampleStudy, studyFile, withLessons, writeStudyDated } from '../../helpers/study-files';

const until = async (done: () => boolean): Promise<void> => {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 10_000) throw new Error('waited 10 s in vain');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('intake workers started ahead', () => {
  it('start while the titles go in, before the reading, and are the ones that read', async () => {
    await withTempDir(async (dir) => {
      const studies = Array.from({ length: 230 }, (_, n) => withLessons(n, `Lessons of quill${n}x.`));
      for (const study of studies) await writeStudyDated(dir, study, anHourAgo());
      // The reading waits for the templates' prompts before its first study: held here.
      let promptsIn!: () => void;
      const prompts = new Promise<void>((resolve) => (promptsIn = resolve));
      const library = new LibraryService({
        listSummaries: async () => studies.map(toSummary),
        readStudy: async (id) => studies.find((s) => s.id === id) ?? null,
        site: () => defaultSiteSettings(),
        promptsRead: () => prompts,
        folderStamp: () => 1,
        quarantinedCount: () => 0,
        unverifiedIds: () => [],
        intake: { fileOf: (id) => studyFile(dir, id), vouch: () => undefined, templates: () => [] },
      });
      const { started, answered } = intakeStats;
      await library.search(libraryQuerySchema.parse({ query: 'quill' })); // the titles are in
      await until(() => intakeStats.started - started === intakeThreads());
      promptsIn();
      await library.sync();
      expect(intakeStats.answered - answered).toBe(230);
      expect(intakeStats.started - started).toBe(intakeThreads()); // none started again
      const found = await library.search(libraryQuerySchema.parse({ query: 'quill217x' }));
      expect(found.entries.map((e) => e.study.id)).toEqual(['study-217']);
      await until(() => intakeStats.running === 0);
      await library.close();
    });
  }, 90_000);

  it('pass over one that ended while it waited, without waiting out its time', async () => {
    await withTempDir(async (dir) => {
      for (let n = 0; n < 40; n++) await writeStudyDated(dir, sampleStudy(n), anHourAgo());
      const names = await readdir(path.join(dir, 'studies'));
      const items: IntakeItem[] = names.map((name) => ({
        id: name.replace(/\.json$/, ''),
        file: path.join(dir, 'studies', name),
      }));
      const pool = new IntakeWorkers(2);
      const handles = pool.take(2);
      await Promise.all(handles.map((h) => h.ready));
      await handles[0]!.worker.terminate(); // ended while it waited in the pool
      const given = { take: () => handles } as unknown as IntakeWorkers;
      const answered: string[] = [];
      const start = performance.now();
      const context = { site: defaultSiteSettings(), templates: null, names: [] };
      const left = await readOnThreads(items, context, (r) => answered.push(r.id), { threads: 2, pool: given });
      expect(performance.now() - start).toBeLessThan(10_000); // not the 30 s a silent worker is given
      expect(left).toEqual([]);
      expect(answered.sort()).toEqual(items.map((i) => i.id).sort());
    });
  }, 60_000);
});
