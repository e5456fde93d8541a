// A reopened workspace large enough for its list to be taken in slices (TITLES_IN_SLICES_FROM)
// takes its studies from the index file in bulk at the first list, before any title is indexed
// one by one; what the file cannot vouch for (a study changed, damaged or saved since) is still
// read from the study files, and nothing is lost or stale.
import { utimes, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace, type CasebookService } from '../../../src/core/node/casebook-service';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-query';
import type { Study } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile, writeStudy } from '../../helpers/study-files';

const COUNT = 240; // above TITLES_IN_SLICES_FROM (200)
const past = new Date(Date.now() - 3_600_000);

const withLessons = (n: number, text: string): Study =>
  sampleStudy(n, { lessons: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } });

async function writeOld(dir: string, study: Study, when = past): Promise<void> {
  await writeStudy(dir, study);
  await utimes(studyFile(dir, study.id), when, when);
}

async function openAndQuit(dir: string): Promise<CasebookService> {
  const service = await openWorkspace(dir);
  service.warmUp();
  await service.checkCounts({});
  await service.flushCaches();
  return service;
}

const found = async (service: CasebookService, query: string) =>
  (await service.searchLibrary(libraryQuerySchema.parse({ query }))).entries.map((e) => e.study.id);

afterEach(() => vi.restoreAllMocks());

describe('a large workspace reopened with its index file', () => {
  it('takes every unchanged study from the file without indexing its title first, and reads the changed ones', async () => {
    await withTempDir(async (dir) => {
      for (let n = 0; n < COUNT; n++) await writeOld(dir, withLessons(n, `Lessons of zeta${n}q here.`));
      await openAndQuit(dir);
      // Same size and time, other words: the file vouches for it (only a read could tell).
      await writeOld(dir, withLessons(7, 'Lessons of omeg7q here.'));
      // Changed since: read again.
      await writeOld(dir, withLessons(8, 'Rewritten with quokka inside.'), new Date(past.getTime() + 5_000));
      // Damaged since: set aside.
      await writeFile(studyFile(dir, 'study-9'), '{ "id": "study-9", damaged');
      const upserted: string[] = [];
      const upsert = SearchIndex.prototype.upsert;
      vi.spyOn(SearchIndex.prototype, 'upsert').mockImplementation(function (this: SearchIndex, study) {
        upserted.push(study.id);
        upsert.call(this, study);
      });
      const again = await openWorkspace(dir);
      again.warmUp();
      expect(await found(again, 'zeta120q')).toEqual(['study-120']);
      await again.checkCounts({});
      expect(await found(again, 'zeta7q')).toEqual(['study-7']);
      expect(await found(again, 'omeg7q')).toEqual([]);
      expect(await found(again, 'quokka')).toEqual(['study-8']);
      expect(await found(again, 'zeta8q')).toEqual([]);
      expect(await found(again, 'zeta9q')).toEqual([]);
      expect((await again.listQuarantined({})).map((q) => q.file)).toContain('studies/study-9.json');
      // Only what the file could not vouch for went in study by study.
      expect(upserted.filter((id) => id !== 'study-8' && id !== 'study-9')).toEqual([]);
      expect(upserted).toContain('study-8');
      await again.flushCaches();
    });
  });

  it('keeps a study saved while the reopen takes the others from the file', async () => {
    await withTempDir(async (dir) => {
      for (let n = 0; n < COUNT; n++) await writeOld(dir, withLessons(n, `Lessons of zeta${n}q here.`));
      await openAndQuit(dir);
      const again = await openWorkspace(dir);
      again.warmUp();
      const saving = again.updateStudy({
        id: 'study-11',
        patch: { lessons: withLessons(11, 'Now about wombat.').lessons },
      });
      const early = found(again, 'zeta12q'); // the first list, taken in from the file meanwhile
      await saving;
      expect(await early).toEqual(['study-12']);
      await again.checkCounts({});
      expect(await found(again, 'wombat')).toEqual(['study-11']);
      expect(await found(again, 'zeta11q')).toEqual([]);
      await again.flushCaches();
      const third = await openAndQuit(dir);
      expect(await found(third, 'wombat')).toEqual(['study-11']);
      expect(await found(third, 'zeta11q')).toEqual([]);
    });
  });
});
