// The reading gate (OpenWorkspaceOptions.readingGate): the background reading of study files
// waits at it before each pass, while titles are searchable; a close while it waits stops the
// reading without reading on.
import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-query';
import { withTempDir } from '../../helpers/temp-dir';
import { anHourAgo, withLessons, writeStudyDated } from '../../helpers/study-files';

function gate(): { wait: () => Promise<void>; release: () => void; waited: () => number } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let waited = 0;
  return {
    wait: () => {
      waited++;
      return opened;
    },
    release: () => open(),
    waited: () => waited,
  };
}

const ids = (page: { entries: { study: { id: string } }[] }): string[] => page.entries.map((e) => e.study.id);

describe('the background reading gate', () => {
  it('holds the reading of sections until released; titles are searchable meanwhile', async () => {
    await withTempDir(async (dir) => {
      for (let n = 0; n < 3; n++) await writeStudyDated(dir, withLessons(n, `Lessons of quill${n}x.`), anHourAgo());
      const held = gate();
      const service = await openWorkspace(dir, { readingGate: held.wait });
      try {
        const search = (query: string) => service.searchLibrary(libraryQuerySchema.parse({ query }));
        expect(ids(await search('Study 1'))).toContain('study-1');
        await sleep(200);
        expect(held.waited()).toBe(1);
        expect(ids(await search('quill1x'))).toEqual([]);
        held.release();
        await expect.poll(async () => ids(await search('quill1x')), { timeout: 10_000 }).toEqual(['study-1']);
      } finally {
        await service.close();
      }
    });
  });

  it('stops at a close while it waits: nothing is read after', async () => {
    await withTempDir(async (dir) => {
      await writeStudyDated(dir, withLessons(0, 'Lessons of quill0x.'), anHourAgo());
      const held = gate();
      const service = await openWorkspace(dir, { readingGate: held.wait });
      await service.searchLibrary(libraryQuerySchema.parse({ query: 'Study 0' }));
      await sleep(200);
      expect(held.waited()).toBe(1);
      await service.close();
      held.release();
      await sleep(200);
      expect(held.waited()).toBe(1); // no second pass after the close
    });
  });
});
