// Workspaces for the tests of the full-text index on disk: a temporary folder of studies old
// enough for the caches (each with its own word in its lessons: "zeta0q", "zeta1q", …), services
// opened on it that are all closed before the folder is removed (an open service's background
// read must not outlive its folder), and the open-index-quit round a reopen test starts from.
import type { CasebookService } from '../../src/core/node/casebook-service';
import { libraryQuerySchema } from '../../src/core/pure/library/library-page-schema';
import type { Study } from '../../src/core/pure/schemas/study';
import { withOpenWorkspaces, type OpenWorkspaces } from './open-workspaces';
import { anHourAgo, withLessons, writeStudyDated } from './study-files';

/** When the studies were written: older than the caches' racy window, like any file not just saved. */
export const past = anHourAgo();

export const writeOld = (dir: string, study: Study, when = past): Promise<void> => writeStudyDated(dir, study, when);

/** The word only study `n` holds. */
const wordOf = (n: number | string): string => `zeta${n}q`;

export interface IndexedWorkspaces {
  /** Runs `test` in a new folder (holding `count` studies unless `empty`); closes every service `open` made. */
  inWorkspace(test: (dir: string) => Promise<void>, opts?: { empty?: boolean }): Promise<void>;
  /** Opens the workspace, to be closed when the test's folder goes. */
  open(dir: string): Promise<CasebookService>;
  /** Opens, waits until every study is indexed in full (checkCounts needs it), and writes the caches as a quit does. */
  openAndQuit(dir: string): Promise<CasebookService>;
}

export function indexedWorkspaces(count: number): IndexedWorkspaces {
  let current: OpenWorkspaces | null = null;
  const open = (dir: string): Promise<CasebookService> => {
    if (!current) throw new Error('open() is for use inside inWorkspace()');
    return current.open(dir);
  };
  return {
    open,
    async inWorkspace(test, opts = {}) {
      await withOpenWorkspaces(async (workspaces) => {
        current = workspaces;
        try {
          if (!opts.empty)
            for (let n = 0; n < count; n++)
              await writeOld(workspaces.dir, withLessons(n, `Lessons of ${wordOf(n)} here.`));
          await test(workspaces.dir);
        } finally {
          current = null;
        }
      });
    },
    async openAndQuit(dir) {
      const service = await open(dir);
      service.warmUp();
      await service.checkCounts({});
      await service.flushCaches();
      return service;
    },
  };
}

export const search = (service: CasebookService, query: string) =>
  service.searchLibrary(libraryQuerySchema.parse({ query }));

/** The ids of the studies a search finds, best first. */
export const found = async (service: CasebookService, query: string): Promise<string[]> =>
  (await search(service, query)).entries.map((e) => e.study.id);
