// The library's badges (error and warning counts) follow the site settings: counts written to
// the index file under other settings are checked again at a reopen, and counts made before a
// change of the settings are made again at once (and not written as if made under the new ones).
// Each open runs on freshly loaded modules, as a new process would: the publish checks are
// loaded on demand, and a module kept from an earlier open would hide a missing load.
import { describe, expect, it, vi } from 'vitest';
import { MIN_STUDIES_FOR_CACHE } from '../../../src/core/node/library-on-disk';
import { withOpenWorkspaces, type OpenWorkspaces } from '../../helpers/open-workspaces';
import { anHourAgo, sampleStudy, writeStudyDated } from '../../helpers/study-files';

const COUNT = MIN_STUDIES_FOR_CACHE + 10;
const past = anHourAgo(); // older than the caches' racy window

async function freshOpen({ dir, track }: OpenWorkspaces) {
  vi.resetModules();
  const { openWorkspace } = await import('../../../src/core/node/casebook-service');
  const service = track(await openWorkspace(dir));
  service.warmUp();
  return service;
}

describe('the library badges', () => {
  it('count every study again when the settings changed since the index file was written', async () => {
    await withOpenWorkspaces(async (workspaces) => {
      const { dir } = workspaces;
      // Drafts with empty sections: each has findings.
      for (let n = 0; n < COUNT; n++) await writeStudyDated(dir, sampleStudy(n), past);
      const first = await freshOpen(workspaces);
      const before = await first.checkCounts({});
      expect(Object.keys(before)).toHaveLength(COUNT);
      await first.flushCaches(); // the index file, with the counts under these settings
      await first.updateSite({ patch: { title: 'Another Site' } });

      const again = await freshOpen(workspaces);
      const after = await again.checkCounts({});
      expect(Object.keys(after)).toHaveLength(COUNT);
      expect(after['study-3']).toEqual(before['study-3']);
      expect(after['study-3']!.errors + after['study-3']!.warnings).toBeGreaterThan(0);
    });
  }, 60_000);

  it('follow a change of the settings at once, and still after a reopen', async () => {
    await withOpenWorkspaces(async (workspaces) => {
      const { dir } = workspaces;
      for (let n = 0; n < COUNT; n++)
        await writeStudyDated(dir, sampleStudy(n, { categories: ['Failure Analysis'] }), past);
      const first = await freshOpen(workspaces);
      const before = (await first.checkCounts({}))['study-3']!;
      // The study's category is no longer one of the site's: one warning more, for every study.
      await first.updateSite({ patch: { categories: ['Architecture & Design'] } });
      const now = (await first.checkCounts({}))['study-3']!;
      expect(now).toEqual({ errors: before.errors, warnings: before.warnings + 1 });
      await first.flushCaches();

      const again = await freshOpen(workspaces);
      expect((await again.checkCounts({}))['study-3']).toEqual(now);
    });
  }, 60_000);
});
