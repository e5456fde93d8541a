// The reading gate (OpenWorkspaceOptions.readingGate): the background reading of study files
// waits at it before each pass, while titles are searchable; a close while it waits ends at
// once (the gate is given the close signal) and leaves no listener behind.
import { describe, expect, it } from 'vitest';
import { getEventListeners } from 'node:events';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { withTempDir } from '../../helpers/temp-dir';
import { anHourAgo, withLessons, writeStudyDated } from '../../helpers/study-files';

function gate(): {
  wait: (closing: AbortSignal) => Promise<void>;
  release: () => void;
  waited: () => number;
  signal: () => AbortSignal;
} {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let waited = 0;
  let signal: AbortSignal | undefined;
  return {
    wait: (closing) => {
      waited++;
      signal = closing;
      return opened; // deaf to the close signal: the reading must stop waiting on its own
    },
    release: () => open(),
    waited: () => waited,
    signal: () => signal!,
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
        await expect.poll(() => held.waited(), { timeout: 10_000 }).toBe(1);
        expect(ids(await search('quill1x'))).toEqual([]);
        held.release();
        await expect.poll(async () => ids(await search('quill1x')), { timeout: 10_000 }).toEqual(['study-1']);
      } finally {
        await service.close();
      }
    });
  });

  it('ends at a close while it waits, leaving no listener on the close signal', async () => {
    await withTempDir(async (dir) => {
      for (let n = 0; n < 3; n++) await writeStudyDated(dir, withLessons(n, `Lessons of quill${n}x.`), anHourAgo());
      const held = gate();
      const service = await openWorkspace(dir, { readingGate: held.wait });
      await service.searchLibrary(libraryQuerySchema.parse({ query: 'Study 0' }));
      await expect.poll(() => held.waited(), { timeout: 10_000 }).toBe(1);
      expect(getEventListeners(held.signal(), 'abort').length).toBeGreaterThan(0);
      await service.close(); // with the gate still shut
      expect(held.signal().aborted).toBe(true);
      expect(getEventListeners(held.signal(), 'abort')).toHaveLength(0);
      held.release();
    });
  });
});
