// Reopening a large workspace (more studies than go into the index one by one) takes its
// full text from the index file as the titles go in: once they are in, a search for a word of
// a study's sections finds it at once, while a study changed on disk since, or saved while the
// file is read, is searched by what it holds now.
import { describe, expect, it } from 'vitest';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { found as ids, indexedWorkspaces, past, search as page, writeOld } from '../../helpers/indexed-workspace';
import { withLessons } from '../../helpers/study-files';

const COUNT = 260; // above the 200 titles from which a list goes in as a whole
const { inWorkspace, open, openAndQuit } = indexedWorkspaces(COUNT);

describe('a reopened large workspace', () => {
  it('searches the full text from the index file at once, and what changed since as it is now', async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      await writeOld(dir, withLessons(9, 'Rewritten with quokka inside.'), new Date(past.getTime() + 5_000));
      const again = await open(dir);
      again.warmUp();
      const first = await again.searchLibrary(libraryQuerySchema.parse({}));
      expect(first.total).toBe(COUNT);
      // Until the index is made, a search finds titles and summaries (listed-search.ts); then
      // every study but the changed one is searchable in full at once, none read from its file.
      while ((await again.searchLibrary(libraryQuerySchema.parse({}))).indexing?.indexed === 0)
        await new Promise((r) => setTimeout(r, 5));
      const found = await page(again, 'zeta200q');
      expect(found.entries.map((e) => e.study.id)).toEqual(['study-200']);
      expect(found.entries[0]!.match!.snippet.text).toContain('zeta200q');
      expect(found.indexing?.indexed ?? COUNT).toBeGreaterThanOrEqual(COUNT - 1);
      await again.checkCounts({});
      expect(await ids(again, 'quokka')).toEqual(['study-9']);
      expect(await ids(again, 'zeta9q')).toEqual([]);
      await again.flushCaches();
    });
  });

  it('keeps a study saved while the index file is read, with its new words only', async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      const again = await open(dir);
      again.warmUp();
      await again.searchLibrary(libraryQuerySchema.parse({})); // the list is taken; the file is read now
      await again.updateStudy({ id: 'study-11', patch: { lessons: withLessons(11, 'Now about wombat.').lessons } });
      expect(await ids(again, 'wombat')).toEqual(['study-11']);
      expect(await ids(again, 'zeta11q')).toEqual([]);
      expect(await ids(again, 'zeta12q')).toEqual(['study-12']);
      await again.checkCounts({});
      expect(await ids(again, 'zeta11q')).toEqual([]);
      await again.flushCaches();
    });
  });
});
