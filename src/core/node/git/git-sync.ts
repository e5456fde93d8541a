// One sync: commit every change, fetch, merge by meaning, push — and when someone pushed in
// between, fetch and merge again. Each step leaves the repository valid if the process dies
// (objects before refs, files by rename, the merge journal), and the next sync completes it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { CasebookError } from '../../pure/errors';
import type { SyncProgress } from '../../pure/git/git-schemas';
import { countAhead, isAncestor, mergeBase } from './commit-graph';
import { commitChanges } from './git-commit';
import { workspaceChanges } from './git-changes';
import { gitFs } from './git-fs';
import { authorIdentity } from './git-identity';
import { readIndexFile } from './git-index-file';
import type { GitOptions } from './git-options';
import { normalizeRemote, originOf, remoteFor, setOrigin } from './git-remotes';
import { flatTreeOf, writeFlatTree } from './git-tree';
import { checkoutWithoutLinks, staysOffDisk } from './link-guard';
import { inScope } from './workspace-scan';
import { applyMerge, clearJournal, readJournal, type AppliedMerge } from './merge-apply';
import { studyIdOfPath } from './study-blob';
import { mergeTrees, type FileConflict, type FileMerger } from './tree-merge';

const MAX_ROUNDS = 5;

export interface SyncContext {
  workspace: string;
  gitdir: string;
  options: GitOptions;
  mergeFile: FileMerger;
  onProgress?: (progress: SyncProgress) => void;
  /** Called after files on disk changed (the store and library take them in). */
  onApplied(applied: AppliedMerge): Promise<void>;
}

export interface SyncOutcome {
  committed: boolean;
  sent: number;
  /** Paths changed by what came in. */
  received: string[];
  conflicts: FileConflict[];
  /** Committed files set aside here (quarantine): kept as committed. */
  setAside: string[];
  /** Files one side deleted and the other edited: kept (here, or back here), the edit winning. */
  editsKept: string[];
  /** Whether there is a remote at all (without one, sync only commits). */
  remote: string | null;
}

export async function currentBranch(gitdir: string): Promise<string> {
  const branch = await git.currentBranch({ fs: gitFs, gitdir, fullname: false });
  if (!branch)
    throw new CasebookError(
      'not_configured',
      'The repository is not on a branch (detached HEAD): check out a branch with git first.',
    );
  return branch;
}

export async function resolveOrNull(gitdir: string, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: gitFs, gitdir, ref });
  } catch {
    return null;
  }
}

const UNFINISHED = ['MERGE_HEAD', 'rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD', 'REVERT_HEAD'];

/** What sync must not run on: a git operation left half-done, or an index it cannot keep (sparse, v4). */
async function refuseUnfinishedGit(workspace: string, gitdir: string): Promise<void> {
  const index = await readIndexFile(gitdir);
  const unmerged = [...index.entries.values()].some((e) => e.stage !== 0);
  if (unmerged || UNFINISHED.some((name) => existsSync(path.join(gitdir, name))))
    throw new CasebookError(
      'conflict',
      'A merge, rebase, cherry-pick or revert started with git is unfinished in this workspace: finish it with git (or abort it), then sync.',
    );
  const sparse = await git.getConfig({ fs: gitFs, dir: workspace, gitdir, path: 'core.sparseCheckout' });
  // A sparse checkout leaves files off disk on purpose: committing "what is missing" would delete them for everyone.
  if (index.unsupported === 'sparse' || sparse === true || sparse === 'true')
    throw new CasebookError(
      'not_configured',
      'This workspace is a sparse checkout (git sparse-checkout): Casebook syncs only full checkouts, or studies left out would be committed as deleted. Run `git sparse-checkout disable`, then sync. Nothing was sent.',
    );
  if (index.unsupported === 'version')
    throw new CasebookError(
      'not_configured',
      'The git index of this workspace is in a format Casebook does not read (index.version 4, or feature.manyFiles): run `git config index.version 2 && git update-index --index-version 2`, then sync. Nothing was sent.',
    );
}

/** Finishes a merge a killed sync left half-applied (merge-apply.ts). */
export async function resumeMerge(ctx: SyncContext, branch: string): Promise<void> {
  const journal = await readJournal(ctx.gitdir);
  if (!journal) return;
  const head = await resolveOrNull(ctx.gitdir, `refs/heads/${branch}`);
  if (journal.branch === branch && (head === journal.ours || head === journal.merged))
    await ctx.onApplied(await applyMerge(ctx.workspace, ctx.gitdir, journal, ctx.mergeFile));
  else await clearJournal(ctx.gitdir);
}

export async function runSync(ctx: SyncContext, input: { remote?: string; message?: string }): Promise<SyncOutcome> {
  const { workspace, gitdir } = ctx;
  const cache = {};
  const progress = (stage: SyncProgress['stage'], done: number, total: number) =>
    ctx.onProgress?.({ stage, done, total });
  // Before the branch check: an unfinished rebase also detaches HEAD, and its message is the useful one.
  await refuseUnfinishedGit(workspace, gitdir);
  const branch = await currentBranch(gitdir);
  await resumeMerge(ctx, branch);
  let origin = await originOf(workspace, gitdir);
  // A folder remote is made only when --remote names it and nothing has been pushed there yet.
  let mayCreate = false;
  if (input.remote) {
    const wanted = normalizeRemote(input.remote);
    if (origin && origin !== wanted)
      throw new CasebookError(
        'invalid_input',
        `This workspace already syncs with ${origin}; --remote only sets it the first time.`,
      );
    if (!origin) await setOrigin(workspace, gitdir, (origin = wanted), branch);
    mayCreate = !(await resolveOrNull(gitdir, `refs/remotes/origin/${branch}`));
  }
  const author = await authorIdentity(workspace, gitdir, ctx.options);

  progress('commit', 0, 1);
  let head = await resolveOrNull(gitdir, `refs/heads/${branch}`);
  const found = await workspaceChanges(workspace, gitdir, await flatTreeOf(gitdir, head, cache));
  const made = await commitChanges({ workspace, gitdir, branch, head, found, author, message: input.message, cache });
  head = made.commit ?? head;
  progress('commit', 1, 1);
  const outcome: SyncOutcome = {
    committed: made.commit !== null,
    sent: 0,
    received: [],
    conflicts: [],
    setAside: found.setAside,
    editsKept: [],
    remote: origin,
  };
  if (!origin) return outcome;

  const remote = remoteFor(origin, ctx.options, mayCreate);
  const local = { gitdir, cache };
  for (let round = 1; ; round++) {
    progress('fetch', 0, 1);
    const theirs = await remote.fetch(local, branch);
    if (theirs)
      await git.writeRef({ fs: gitFs, gitdir, ref: `refs/remotes/origin/${branch}`, value: theirs, force: true });
    progress('fetch', 1, 1);
    if (theirs && head && !(await isAncestor(gitdir, theirs, head, cache))) {
      const merged = await mergeWith(ctx, branch, head, theirs, author, cache, outcome);
      head = merged;
    } else if (theirs && !head) {
      // Nothing here yet (an empty folder): take theirs as it is.
      await git.writeRef({ fs: gitFs, gitdir, ref: `refs/heads/${branch}`, value: theirs, force: true });
      await checkoutWithoutLinks(workspace, gitdir, branch, theirs);
      outcome.received.push(...(await flatTreeOf(gitdir, theirs, cache)).keys());
      head = theirs;
    }
    if (!head || head === theirs) return outcome;
    progress('push', 0, 1);
    const ahead = await countAhead(gitdir, head, theirs, cache);
    if (await remote.push(local, branch, head, theirs)) {
      await git.writeRef({ fs: gitFs, gitdir, ref: `refs/remotes/origin/${branch}`, value: head, force: true });
      outcome.sent += ahead;
      progress('push', 1, 1);
      return outcome;
    }
    if (round >= MAX_ROUNDS)
      throw new CasebookError(
        'conflict',
        'Others kept pushing while this sync merged their work; everything is committed here. Sync again.',
      );
  }
}

/** Merges `theirs` into the branch (fast-forward when we have nothing of our own) and applies it to the files. */
async function mergeWith(
  ctx: SyncContext,
  branch: string,
  head: string,
  theirs: string,
  author: { name: string; email: string },
  cache: object,
  outcome: SyncOutcome,
): Promise<string> {
  const { gitdir } = ctx;
  ctx.onProgress?.({ stage: 'merge', done: 0, total: 1 });
  // Each conflict records who made the other side's change.
  const theirsAuthor = (await git.readCommit({ fs: gitFs, gitdir, oid: theirs, cache })).commit.author.name;
  const mergeFile: FileMerger = (p, b, o, t) => ctx.mergeFile(p, b, o, t, { theirsAuthor });
  let merged = theirs;
  const ours = await flatTreeOf(gitdir, head, cache);
  if (!(await isAncestor(gitdir, head, theirs, cache))) {
    const base = await mergeBase(gitdir, head, theirs, cache);
    const result = await mergeTrees(
      gitdir,
      await flatTreeOf(gitdir, base, cache),
      ours,
      await flatTreeOf(gitdir, theirs, cache),
      mergeFile,
      cache,
    );
    outcome.conflicts.push(...result.conflicts);
    outcome.editsKept.push(...result.editsKept);
    const who = { name: author.name, email: author.email };
    merged = await git.commit({
      fs: gitFs,
      gitdir,
      message: `Merge the remote's changes${result.conflicts.length ? ` (${result.conflicts.length} kept for the author to resolve)` : ''}`,
      author: who,
      committer: who,
      tree: await writeFlatTree(gitdir, result.tree),
      parent: [head, theirs],
      noUpdateBranch: true,
      cache,
    });
  }
  const after = await flatTreeOf(gitdir, merged, cache);
  // What reached the files: not links, submodules or the local-only folders (never written here).
  const shown = (p: string) => inScope(p) && !staysOffDisk(after.get(p)?.mode ?? ours.get(p)?.mode);
  for (const p of new Set([...ours.keys(), ...after.keys()]))
    if (ours.get(p)?.oid !== after.get(p)?.oid && shown(p) && !outcome.received.includes(p)) outcome.received.push(p);
  // A study deleted here that comes back: a teammate's merge kept their edit over our deletion.
  for (const p of after.keys())
    if (!ours.has(p) && studyIdOfPath(p) && !outcome.editsKept.includes(p) && (await hadPath(gitdir, head, p, cache)))
      outcome.editsKept.push(p);
  const applied = await applyMerge(
    ctx.workspace,
    gitdir,
    { branch, ours: head, merged },
    mergeFile,
    (done, total) => ctx.onProgress?.({ stage: 'merge', done, total }),
    cache,
  );
  outcome.conflicts.push(...applied.conflicts);
  await ctx.onApplied(applied);
  return merged;
}

/** Whether one of the last commits before `head` (first parents) held `p`: it was deleted here. */
async function hadPath(gitdir: string, head: string, p: string, cache: object): Promise<boolean> {
  let commit: string | undefined = head;
  for (let i = 0; i < 20 && commit; i++) {
    const found = await git.readBlob({ fs: gitFs, gitdir, oid: commit, filepath: p, cache }).then(
      () => true,
      () => false,
    );
    if (found) return true;
    commit = (await git.readCommit({ fs: gitFs, gitdir, oid: commit, cache })).commit.parent[0];
  }
  return false;
}
