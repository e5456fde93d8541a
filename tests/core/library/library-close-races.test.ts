// close() while the library is still starting: a list in flight is let finish but nothing it
// found is taken in, read or loaded after close() resolved, and a search after close answers
// from what the index holds.
import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { LibraryService } from '../../../src/core/node/library-service';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { toSummary, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const disk = new Map<string, Study>(Array.from({ length: 300 }, (_, n) => [`s${n}`, sampleStudy(n, { id: `s${n}` })]));

function libraryOver(listGate: Promise<void>) {
  const log: string[] = [];
  const library = new LibraryService({
    listSummaries: async () => {
      await listGate;
      log.push('list');
      return [...disk.values()].map(toSummary);
    },
    readStudy: async (id) => {
      log.push(`read ${id}`);
      return disk.get(id) ?? null;
    },
    site: () => defaultSiteSettings(),
    folderStamp: () => 1,
    quarantinedCount: () => 0,
    unverifiedIds: () => [],
    indexFiles: {
      load: async () => {
        log.push('load index file');
        return null;
      },
      save: async () => {
        log.push('save index file');
        return new Map();
      },
      mayWrite: () => true,
    },
  });
  return { library, log };
}

describe('closing the library while it starts', () => {
  it('lets a list in flight finish but takes nothing of it in, and reads nothing after', async () => {
    let release!: () => void;
    const { library, log } = libraryOver(new Promise<void>((resolve) => (release = resolve)));
    const warm = library.sync(); // what warmUp() starts
    await sleep(10);
    const closed = library.close();
    release();
    await closed;
    await warm.catch(() => undefined);
    const atClose = [...log];
    await sleep(100);
    expect(log).toEqual(atClose);
    expect(log.filter((entry) => entry.startsWith('read') || entry === 'load index file')).toEqual([]);
    // Closed: a search lists nothing again and answers from the index as it is (nothing taken in).
    expect((await library.search(libraryQuerySchema.parse({ query: 'study' }))).total).toBe(0);
    expect(log).toEqual(atClose);
  });

  it('answers a search after close from what was indexed, twice closed', async () => {
    const { library } = libraryOver(Promise.resolve());
    await library.sync();
    await library.close();
    await library.close();
    expect((await library.search(libraryQuerySchema.parse({ query: 'study' }))).total).toBe(300);
  });
});
