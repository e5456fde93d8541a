// A temporary workspace folder whose services are all closed before it is removed: an open
// service's background read (the library's full text) must not outlive its folder, nor keep
// reading into the next test's time.
import { openWorkspace, type CasebookService } from '../../src/core/node/casebook-service';
import { withTempDir } from './temp-dir';

export interface OpenWorkspaces {
  /** The test's folder. */
  dir: string;
  /** Opens `at` (the test's folder unless given); closed when the folder goes. */
  open(at?: string): Promise<CasebookService>;
  /** A service opened some other way (freshly loaded modules), closed with the rest. */
  track(service: CasebookService): CasebookService;
}

export async function withOpenWorkspaces(test: (workspaces: OpenWorkspaces) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const opened: CasebookService[] = [];
    const track = (service: CasebookService) => {
      opened.push(service);
      return service;
    };
    try {
      await test({ dir, track, open: async (at = dir) => track(await openWorkspace(at)) });
    } finally {
      // Settled, not all: every service is closed, and a failed close does not hide the test's own error.
      await Promise.allSettled(opened.splice(0).map((service) => service.close()));
    }
  });
}
