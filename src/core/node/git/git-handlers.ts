// The contract's git methods (issue #15) over an open workspace. The engine and isomorphic-git
// load on the first call, so opening and listing a workspace (`casebook list`, --help, the
// app's first paint) never pay for them.
import type { CasebookHandlers } from '../../pure/contract';
import type { Study } from '../../pure/schemas/study';
import type { SiteStore } from '../site-store';
import type { StudyStore } from '../study-store';
import type { GitOptions } from './git-options';
import type { GitService } from './git-service';

export type GitHandlers = Pick<
  CasebookHandlers,
  'gitStatus' | 'initGitWorkspace' | 'syncWorkspace' | 'studyHistory' | 'studyAtVersion' | 'restoreStudyVersion'
>;

export interface GitWorkspace {
  workspace: string;
  studies: StudyStore;
  site: SiteStore;
  /** Tells the library a study was written (restored, or changed by a merge). */
  indexSaved(study: Study): Promise<void>;
  /** Tells the library a study's file went away (deleted on the other side). */
  indexRemoved(id: string): Promise<void>;
  options: GitOptions;
}

const loadService = () => import('./git-service');

export function gitHandlers(ws: GitWorkspace): GitHandlers {
  // One engine per open workspace, made on first use.
  let engine: Promise<GitService> | null = null;
  const service = () => (engine ??= loadService().then(({ GitService }) => new GitService(ws)));
  return {
    gitStatus: async () => (await service()).status(),
    initGitWorkspace: async ({ author }) => (await service()).init(author),
    syncWorkspace: async (input, onProgress) => (await service()).sync(input, onProgress),
    studyHistory: async ({ id }) => (await service()).history(id),
    studyAtVersion: async ({ id, commit }) => (await service()).studyAt(id, commit),
    restoreStudyVersion: async ({ id, commit }) => (await service()).restore(id, commit),
  };
}
