// The git engine over one open workspace: what the contract's git methods call.
import { CasebookError } from '../../pure/errors';
import type { GitStatus, StudyVersion, SyncProgress, SyncResult } from '../../pure/git/git-schemas';
import type { Study } from '../../pure/schemas/study';
import { isRepository } from './git-repository';
import type { GitWorkspace } from './git-handlers';

export const notRepositoryStatus: GitStatus = {
  repository: false,
  branch: null,
  remote: null,
  toSend: 0,
  toReceive: 0,
  changed: 0,
  conflicts: 0,
  lastSync: null,
};

export class GitService {
  constructor(private readonly ws: GitWorkspace) {}

  async status(): Promise<GitStatus> {
    if (!isRepository(this.ws.workspace)) return notRepositoryStatus;
    throw new CasebookError('not_configured', 'Git status is not built yet.');
  }

  async sync(
    _input: { remote?: string; message?: string },
    _onProgress?: (p: SyncProgress) => void,
  ): Promise<SyncResult> {
    this.assertRepository();
    throw new CasebookError('not_configured', 'Sync is not built yet.');
  }

  async history(_id: string): Promise<StudyVersion[]> {
    this.assertRepository();
    return [];
  }

  async studyAt(_id: string, _commit: string): Promise<Study> {
    this.assertRepository();
    throw new CasebookError('not_found', 'No such version.');
  }

  async restore(id: string, commit: string): Promise<Study> {
    return this.studyAt(id, commit);
  }

  private assertRepository(): void {
    if (!isRepository(this.ws.workspace))
      throw new CasebookError(
        'not_configured',
        `${this.ws.workspace} is not a git repository yet. Make it one with: casebook init --git --workspace "${this.ws.workspace}"`,
      );
  }
}
