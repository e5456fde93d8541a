// A search never waits for the studies folder to be listed again when no file was added,
// removed or replaced since the last list: listing 50,000 files takes ~0.5 s. A file written
// in place (an editor keeps the folder's stamp) is still found, by a list in the background.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryService } from '../../../src/core/node/library-service';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { toSummary, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

afterEach(() => vi.useRealTimers());

function libraryOver(disk: Map<string, Study>, stamp: { now: number }) {
  const calls = { lists: 0, gate: Promise.resolve() };
  const library = new LibraryService({
    listSummaries: async () => {
      calls.lists++;
      await calls.gate;
      return [...disk.values()].map(toSummary);
    },
    readStudy: async (id) => disk.get(id) ?? null,
    site: () => defaultSiteSettings(),
    folderStamp: () => stamp.now,
    quarantinedCount: () => 0,
    unverifiedIds: () => [],
  });
  const ids = async (query: string) =>
    (await library.search(libraryQuerySchema.parse({ query }))).entries.map((e) => e.study.id);
  return { library, calls, ids };
}

describe('a search and the list of the studies folder', () => {
  it('answers at once while an unchanged folder is listed again, and finds a file changed in place after', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const disk = new Map([1, 2, 3].map((n) => [`s${n}`, sampleStudy(n, { id: `s${n}`, title: `Kafka ${n}` })]));
    const stamp = { now: 1 };
    const { library, calls, ids } = libraryOver(disk, stamp);
    await library.sync();
    expect(calls.lists).toBe(1);

    // Rewritten in place with a new title and edit time: the folder's stamp stays.
    disk.set('s2', sampleStudy(9, { id: 's2', title: 'Wombat migration' }));
    expect(await ids('kafka')).toEqual(['s3', 's2', 's1']);
    expect(calls.lists).toBe(1); // listed under RELIST_AFTER_MS ago: not listed again

    vi.advanceTimersByTime(2_100);
    let release!: () => void;
    calls.gate = new Promise((resolve) => (release = resolve));
    // The list in the background is held: the search is answered from what the index has.
    expect(await ids('kafka')).toEqual(['s3', 's2', 's1']);
    expect(calls.lists).toBe(2);
    release();
    await library.sync();
    expect(await ids('wombat')).toEqual(['s2']);
    expect(await ids('kafka')).toEqual(['s3', 's1']);
  });

  it('waits for the list when a file was added, removed or replaced (the folder’s stamp changed)', async () => {
    const disk = new Map([1, 2].map((n) => [`s${n}`, sampleStudy(n, { id: `s${n}`, title: `Kafka ${n}` })]));
    const stamp = { now: 1 };
    const { library, calls, ids } = libraryOver(disk, stamp);
    await library.sync();
    disk.set('s3', sampleStudy(3, { id: 's3', title: 'Kafka 3' }));
    disk.delete('s1');
    stamp.now = 2;
    expect(await ids('kafka')).toEqual(['s3', 's2']);
    expect(calls.lists).toBe(2);
  });
});
