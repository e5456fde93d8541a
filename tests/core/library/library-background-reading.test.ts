// The library's background reading of full studies, against sources the test controls: a
// search never waits for it, a read overtaken by a newer change is not applied, and the
// folder is listed again only when it may have changed.
import { describe, expect, it } from 'vitest';
import { LibraryService } from '../../../src/core/node/library-service';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import { toSummary, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const search = (library: LibraryService, query = '') => library.search(libraryQuerySchema.parse({ query }));
const tick = () => new Promise((r) => setTimeout(r, 5));

/** A workspace in memory whose full reads wait until released. */
function fakeWorkspace(studies: Study[]) {
  const disk = new Map(studies.map((s) => [s.id, s]));
  const blocked: Array<() => void> = [];
  const state = { stamp: 1, block: false, lists: 0 };
  const library = new LibraryService({
    listSummaries: async () => {
      state.lists++;
      return [...disk.values()].map(toSummary);
    },
    readStudy: async (id) => {
      const snapshot = disk.get(id) ?? null; // the file as it is when opened
      if (state.block) await new Promise<void>((release) => blocked.push(release));
      return snapshot;
    },
    site: () => defaultSiteSettings(),
    folderStamp: () => state.stamp,
    quarantinedCount: () => 0,
    unverifiedIds: () => [],
  });
  const release = () => blocked.splice(0).forEach((go) => go());
  return { disk, state, library, release };
}

const withBody = (n: number, text: string, fields: Partial<Study> = {}) =>
  sampleStudy(n, {
    lessons: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    ...fields,
  });

describe('library background reading', () => {
  it('answers a search from titles at once and reports progress until the bodies are read', async () => {
    const { state, library, release } = fakeWorkspace([withBody(1, 'zeppelin'), withBody(2, 'kraken')]);
    state.block = true;
    const first = await search(library, 'zeppelin');
    expect(first.total).toBe(0); // only titles and summaries so far
    expect(first.indexing).toEqual({ indexed: 0, total: 2 });
    expect((await search(library, 'Study 2')).entries.map((e) => e.study.id)).toEqual(['study-2']);
    release(); // still blocking: a study read once and unchanged must not be read again
    await library.sync();
    const after = await search(library, 'zeppelin');
    expect(after.entries.map((e) => e.study.id)).toEqual(['study-1']);
    expect(after.indexing).toBeNull();
  });

  it('does not apply a read overtaken by a newer change on disk', async () => {
    const { disk, state, library, release } = fakeWorkspace([withBody(1, 'first'), withBody(2, 'other')]);
    await library.sync();
    disk.set('study-1', withBody(1, 'second', { title: 'Version 2', updatedAt: '2026-01-01T00:00:00.000Z' }));
    state.stamp++;
    state.block = true;
    await search(library); // lists, queues study-1; its read opens version 2 and waits
    await tick();
    disk.set('study-1', withBody(1, 'third', { title: 'Version 3', updatedAt: '2026-02-01T00:00:00.000Z' }));
    state.stamp++;
    await search(library); // lists again while that read is in flight
    state.block = false;
    release();
    await library.sync();
    const page = await search(library, 'third');
    expect(page.entries.map((e) => e.study.title)).toEqual(['Version 3']);
    expect((await search(library, 'second')).total).toBe(0);
  });

  it('lists the folder again only when its stamp changed or the last list is old', async () => {
    const { state, library } = fakeWorkspace([withBody(1, 'a')]);
    await library.sync();
    const lists = state.lists;
    for (const word of ['s', 'st', 'stu']) await search(library, word);
    expect(state.lists).toBe(lists); // typing does not re-read the folder
    state.stamp++;
    await search(library, 'stud');
    expect(state.lists).toBe(lists + 1);
  });
});
