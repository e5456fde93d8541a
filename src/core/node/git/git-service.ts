// The git engine over one open workspace: what the contract's git methods call. One sync at a
// time per workspace, across processes too (a lock file in .git): the app and the CLI may both
// sync the same folder.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { withFileLock } from '../atomic-write';
import { CasebookError } from '../../pure/errors';
import type {
  ConflictRef,
  GitStatus,
  StudyRef,
  StudyVersion,
  SyncProgress,
  SyncResult,
} from '../../pure/git/git-schemas';
import { shownTitle, studyPatchSchema, type Study, type StudyPatch } from '../../pure/schemas/study';
import { KeyedQueue } from '../../pure/keyed-queue';
import { countAhead } from './commit-graph';
import { loadFileMerger } from './file-merger';
import { workspaceChanges } from './git-changes';
import type { GitWorkspace } from './git-handlers';
import { studyAtCommit, studyHistory } from './git-history';
import { originOf } from './git-remotes';
import { gitdirOf, isRepository } from './git-repository';
import { authorIdentity, setAuthor } from './git-identity';
import { commitChanges } from './git-commit';
import type { GitIdentity } from './git-options';
import { initRepository } from './git-setup';
import { currentBranch, resolveOrNull, runSync } from './git-sync';
import { flatTreeOf } from './git-tree';
import type { AppliedMerge } from './merge-apply';
import type { FileConflict } from './tree-merge';
import { studyIdOfPath } from './study-blob';
import { writeAtomically } from './git-fs';
import { settingsFilesInConflict } from '../settings-conflict-handlers';

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

const SYNC_RECORD = 'casebook-sync.json';

export class GitService {
  private readonly gitdir: string;
  private readonly queue = new KeyedQueue();

  constructor(private readonly ws: GitWorkspace) {
    this.gitdir = gitdirOf(ws.workspace);
  }

  async status(): Promise<GitStatus> {
    if (!isRepository(this.ws.workspace)) return notRepositoryStatus;
    const { workspace } = this.ws;
    const gitdir = this.gitdir;
    const cache = {};
    const branch = await currentBranch(gitdir).catch(() => null);
    const head = await resolveOrNull(gitdir, 'HEAD');
    const remote = await originOf(workspace, gitdir);
    const tracking = branch && remote ? await resolveOrNull(gitdir, `refs/remotes/origin/${branch}`) : null;
    const found = await workspaceChanges(workspace, gitdir, await flatTreeOf(gitdir, head, cache));
    const summaries = await this.ws.studies.list();
    return {
      repository: true,
      branch,
      remote,
      toSend: remote ? await countAhead(gitdir, head, tracking, cache) : 0,
      toReceive: remote ? await countAhead(gitdir, tracking, head, cache) : 0,
      changed: found.changes.length,
      // Files holding conflicts to resolve: studies, casebook.json, templates.
      conflicts:
        summaries.filter((s) => s.conflictCount > 0).length + (await settingsFilesInConflict(workspace, this.ws.site)),
      lastSync: await this.lastSync(),
    };
  }

  /**
   * Makes the workspace a repository with a first commit, or sets up an existing one (ignore and
   * attribute files, the merge driver) without committing anything: what is not committed there
   * is its owner's to look at. Never fetches or pushes (sync does).
   */
  async init(author?: GitIdentity): Promise<GitStatus> {
    const { workspace } = this.ws;
    const { created } = await initRepository(workspace, this.ws.options.driverCommand);
    if (author) await setAuthor(workspace, this.gitdir, author);
    if (created)
      await this.queue.run('sync', () =>
        withFileLock(path.join(this.gitdir, 'casebook-sync'), () => this.firstCommit(), 'the sync'),
      );
    return this.status();
  }

  /** The first commit of a repository init made: the workspace's files (.gitignore keeps the local ones out). */
  private async firstCommit(): Promise<void> {
    const { workspace } = this.ws;
    const gitdir = this.gitdir;
    const branch = await currentBranch(gitdir);
    const head = await resolveOrNull(gitdir, `refs/heads/${branch}`);
    if (head) return; // made by another init meanwhile
    const author = await authorIdentity(workspace, gitdir, this.ws.options);
    const found = await workspaceChanges(workspace, gitdir, new Map());
    await commitChanges({ workspace, gitdir, branch, head, found, author, message: 'Start the Casebook workspace' });
  }

  sync(input: { remote?: string; message?: string }, onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
    this.assertRepository();
    return this.queue.run('sync', () =>
      withFileLock(path.join(this.gitdir, 'casebook-sync'), () => this.syncLocked(input, onProgress), 'the sync'),
    );
  }

  private async syncLocked(input: { remote?: string; message?: string }, onProgress?: (p: SyncProgress) => void) {
    const outcome = await runSync(
      {
        workspace: this.ws.workspace,
        gitdir: this.gitdir,
        options: this.ws.options,
        mergeFile: await loadFileMerger(),
        onProgress,
        onApplied: (applied) => this.takeIn(applied),
      },
      input,
    );
    if (outcome.remote)
      await writeAtomically(
        path.join(this.gitdir, SYNC_RECORD),
        JSON.stringify({ lastSync: new Date().toISOString() }),
      );
    return {
      sent: outcome.sent,
      received: await this.studyRefs(outcome.received),
      receivedFiles: outcome.received.filter((p) => !studyIdOfPath(p)),
      conflicts: await this.conflictRefs(outcome.conflicts),
      setAside: outcome.setAside.map((p) => ({ id: p, title: p })),
      editsKept: await this.studyRefs(outcome.editsKept, true),
      status: await this.status(),
    };
  }

  /** Tells the store, the library and the site settings what a merge changed on disk. */
  private async takeIn(applied: AppliedMerge): Promise<void> {
    for (const p of applied.changed) {
      if (p === 'casebook.json') await this.ws.site.refresh();
      const id = studyIdOfPath(p);
      if (!id) continue;
      const study = await this.ws.studies.get(id).catch(() => null);
      if (study) await this.ws.indexSaved(study);
      else await this.ws.indexRemoved(id);
    }
  }

  /** Studies named by id and title; with `files`, other files too (id: their path), e.g. site settings in conflict. */
  private async studyRefs(paths: string[], files = false): Promise<StudyRef[]> {
    const refs: StudyRef[] = [];
    for (const p of new Set(paths)) {
      const id = studyIdOfPath(p);
      if (!id) {
        if (files) refs.push({ id: p, title: p === 'casebook.json' ? 'Site settings' : p });
        continue;
      }
      const study = await this.ws.studies.get(id).catch(() => null);
      refs.push({ id, title: study ? shownTitle(study.title) : `${id} (deleted)` });
    }
    return refs;
  }

  /**
   * Each file in conflict once, saying whether it records theirs. A file met twice (merged, then
   * merged again with a save made during the sync) records only if every merge recorded.
   */
  private async conflictRefs(conflicts: readonly FileConflict[]): Promise<ConflictRef[]> {
    const recorded = new Map<string, boolean>();
    for (const c of conflicts) recorded.set(c.path, (recorded.get(c.path) ?? true) && c.recorded);
    const paths = [...recorded.keys()];
    const refs = await this.studyRefs(paths, true);
    return refs.map((ref, i) => ({ ...ref, recorded: recorded.get(paths[i]!) ?? false }));
  }

  private async lastSync(): Promise<string | null> {
    try {
      const record = JSON.parse(await fsp.readFile(path.join(this.gitdir, SYNC_RECORD), 'utf8')) as {
        lastSync?: unknown;
      };
      return typeof record.lastSync === 'string' ? record.lastSync : null;
    } catch {
      return null;
    }
  }

  async history(id: string): Promise<StudyVersion[]> {
    this.assertRepository();
    return studyHistory(this.ws.workspace, this.gitdir, id);
  }

  async studyAt(id: string, commit: string): Promise<Study> {
    this.assertRepository();
    return studyAtCommit(this.gitdir, id, commit);
  }

  /** The study as it was at `commit`, saved through the store as a new change. */
  async restore(id: string, commit: string): Promise<Study> {
    const old = await this.studyAt(id, commit);
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(studyPatchSchema.shape))
      if (Object.hasOwn(old, key)) patch[key] = old[key as keyof Study];
    const exists = await this.ws.studies.get(id).then(
      () => true,
      (err: unknown) => {
        if (err instanceof CasebookError && err.code === 'not_found') return false;
        throw err;
      },
    );
    const saved = exists
      ? await this.ws.studies.update(id, patch as StudyPatch)
      : await this.ws.studies.create({ ...(patch as StudyPatch), id });
    await this.ws.indexSaved(saved);
    return saved;
  }

  private assertRepository(): void {
    if (!isRepository(this.ws.workspace))
      throw new CasebookError(
        'not_configured',
        `${this.ws.workspace} is not a git repository yet. Make it one with: casebook init --git --workspace "${this.ws.workspace}"`,
      );
  }
}
