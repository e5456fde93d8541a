// The bulk rebuild of the full-text index from its file (search-index-restore.ts) runs once, at
// a reopen. A study taken from the file later (moved out of studies/ and back with its size and
// modification time) goes the study-by-study way: a second bulk build would adopt every other
// study from the live index in one synchronous stretch — seconds without an answer at 10,000.
import { afterEach, expect, it, vi } from 'vitest';
import { LibraryService } from '../../../src/core/node/library-service';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { toSummary, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

afterEach(() => vi.restoreAllMocks());

it('a study put back with its old size and time is taken alone, not by rebuilding the whole index', async () => {
  const studies = Array.from({ length: 300 }, (_, n) => sampleStudy(n));
  const disk = new Map<string, Study>(studies.map((s) => [s.id, s]));
  const stamp = { mtimeMs: 1_000, size: 10 };
  // An index file holding study 0, recorded at the stamp the store vouches for.
  const first = studies[0]!;
  const probe = new SearchIndex();
  probe.upsert(first);
  const body = probe.indexedBody(first.id)!;
  const table = body.words;
  const loaded = {
    checkKey: 'x',
    studies: new Map([
      [
        first.id,
        {
          ...stamp,
          counts: { errors: 0, warnings: 0 },
          at: 0,
          from: 0,
          n: table.length,
          indexed: () => ({ words: table, bits: body.bits }),
          sections: () => body.sections,
        },
      ],
    ]),
    postings: { table, wordOf: Uint32Array.from(table.map((_, i) => i)), bitsOf: Uint8Array.from(body.bits) },
  };
  const service = new LibraryService({
    listSummaries: async () => [...disk.values()].map(toSummary),
    readStudy: async (id) => disk.get(id) ?? null,
    site: () => defaultSiteSettings(),
    prompts: () => undefined,
    folderStamp: () => null,
    quarantinedCount: () => 0,
    unverifiedIds: () => [],
    statOf: (id) => (disk.has(id) ? stamp : null),
    verifiedStamp: (id) => (disk.has(id) ? stamp : null),
    indexFiles: { load: async () => loaded as never, save: async () => new Map(), mayWrite: () => false },
  });
  await service.sync();
  disk.delete(first.id); // moved out of studies/ (a file manager, the OS trash, a sync client)…
  await service.sync();
  disk.set(first.id, first); // …and put back as it was
  const adopt = vi.spyOn(SearchIndex.prototype, 'adopt');
  await service.sync();
  expect(adopt).not.toHaveBeenCalled();
  const page = await service.search({ query: first.title });
  expect(page.entries.map((e) => e.study.id)).toContain(first.id);
  expect((await service.search({ query: '' })).total).toBe(300);
}, 60_000);
