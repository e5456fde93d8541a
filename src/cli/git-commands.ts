// `casebook clone`, `sync`, `history` and `restore`: the git-backed workspace from the command
// line (issue #15). Exit 0 when everything merged, 3 when conflicts were kept in studies for
// the author to resolve, 1 on errors (offline, refused token: nothing lost, run again).
import path from 'node:path';
import { CommanderError, type Command } from 'commander';
import { CasebookError } from '../core/pure/errors';
import { receivedFilesParts } from '../core/pure/sync/received-files';
import type { OpenWorkspace } from './workspace-commands';
import { contractOf } from './workspace-commands';

export const CONFLICTS_EXIT = 3;

export function registerCloneCommand(program: Command): void {
  program
    .command('clone')
    .description('clone a workspace from a remote (a folder, file:// or https:// URL; token in $CASEBOOK_GIT_TOKEN)')
    .argument('<remote>', 'where the workspace is shared')
    .argument('<dir>', 'a new (or empty) folder for it')
    .action(async (remote: string, dir: string) => {
      // Not through dispatch: the contract speaks to an open workspace, and there is none until
      // the clone has made the folder. What follows the clone (counting studies) goes through it.
      const [{ cloneRepository }, { normalizeRemote }, { envCredentials }, { driverCommand }] = await Promise.all([
        import('../core/node/git/git-setup'),
        import('../core/node/git/git-remotes'),
        import('../core/node/git/git-options'),
        import('./git-cli-support'),
      ]);
      const target = path.resolve(dir);
      const { branch, empty, links } = await cloneRepository(normalizeRemote(remote), target, driverCommand(), {
        credentials: envCredentials,
      });
      const { openOrCreateWorkspace } = await import('./cli-workspace');
      const info = await (await contractOf(openOrCreateWorkspace(target, false))).getWorkspaceInfo({});
      console.log(
        empty
          ? `Cloned an empty remote into ${target}: a new workspace; sync to share it.`
          : `Cloned ${info.studyCount} case ${info.studyCount === 1 ? 'study' : 'studies'} into ${target} (branch ${branch}).`,
      );
      if (links.length)
        console.log(`Left out symbolic links (Casebook never makes them; they stay committed): ${links.join(', ')}.`);
    });
}

export function registerSyncCommand(program: Command, open: OpenWorkspace, workspaceHelp: string): void {
  program
    .command('sync')
    .description('commit every change, fetch, merge by field and block, push (exit 3: conflicts kept to resolve)')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--remote <url>', 'set origin the first time: a folder, file:// or https:// URL')
    .option('-m, --message <message>', 'the commit message (default: a summary of what changed)')
    .action(async (opts: { workspace?: string; remote?: string; message?: string }) => {
      const api = await contractOf(open(opts.workspace));
      const result = await api.syncWorkspace(
        { remote: opts.remote, message: opts.message },
        ({ stage, done, total }) => {
          if (process.stderr.isTTY && done === 0) process.stderr.write(`\r${stage}…\x1b[K`);
          if (process.stderr.isTTY && total > 0 && done === total) process.stderr.write('\r\x1b[K');
        },
      );
      const names = (refs: Array<{ title: string }>) => refs.map((r) => `'${r.title}'`).join(', ');
      const { status } = result;
      // In the order a first sync happens to the reader: what went out, then what came in.
      if (!status.remote) console.log('Committed here; no remote is set yet (casebook sync --remote <url>).');
      else {
        console.log(
          result.sent === 0
            ? `Sent: nothing new to ${status.remote}.`
            : `Sent: ${result.sent} ${result.sent === 1 ? 'commit' : 'commits'} to ${status.remote}.`,
        );
        const came = [...result.received.map((r) => `'${r.title}'`), ...receivedFilesParts(result.receivedFiles)];
        console.log(came.length ? `Received: ${came.join(', ')}.` : 'Received: nothing new.');
      }
      if (result.editsKept?.length)
        console.log(
          `Kept, though deleted on one side: ${names(result.editsKept)} (one side deleted it while the other edited it; the edit wins, so it stays here — delete it again if it should go).`,
        );
      if (result.setAside?.length)
        console.log(
          `Set aside here, kept as committed (they did not parse; see .quarantine): ${result.setAside.map((r) => r.id).join(', ')}.`,
        );
      if (result.conflicts.length) {
        // Said on stdout with the rest, in order; exit 3 tells a script. Errors alone go to stderr.
        const inFile = result.conflicts.filter((c) => c.recorded);
        const whole = result.conflicts.filter((c) => !c.recorded);
        if (inFile.length)
          console.log(
            `Conflicts kept for you to resolve (both sides changed the same thing; yours is kept, theirs is recorded beside it): ${names(inFile)}. Open them in Casebook, or see casebook list.`,
          );
        if (whole.length)
          console.log(
            `Not merged, yours kept whole (both sides changed the same thing, and theirs could not be read or has no place for a second version): ${names(whole)}. Theirs is in the history that came in (casebook history <study>, or git log -p -- <file>).`,
          );
        throw new CommanderError(CONFLICTS_EXIT, 'casebook.sync.conflicts', '');
      }
    });
}

export function registerHistoryCommand(program: Command, open: OpenWorkspace, workspaceHelp: string): void {
  program
    .command('history')
    .description('the commits that changed a study, newest first')
    .argument('<id-or-slug>', 'the study')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--json', 'print JSON instead of lines')
    .action(async (idOrSlug: string, opts: { workspace?: string; json?: boolean }) => {
      const api = await contractOf(open(opts.workspace));
      const { studyIdFor } = await import('./git-cli-support');
      const id = await studyIdFor(api, idOrSlug);
      const versions = await api.studyHistory({ id });
      // An id that is neither a study here nor in any commit is a typo, not an empty history.
      if (versions.length === 0 && !(await api.listStudies({})).some((s) => s.id === id)) {
        throw new CasebookError(
          'not_found',
          `No study "${idOrSlug}" here or in the history (casebook list shows them).`,
        );
      }
      if (opts.json) console.log(JSON.stringify(versions, null, 2));
      else if (versions.length === 0)
        console.log('No committed versions of this study yet (casebook sync commits them).');
      else
        for (const v of versions)
          console.log(`${v.short}  ${v.date.slice(0, 16).replace('T', ' ')}  ${v.author}  ${v.message.split('\n')[0]}`);
    });
}

export function registerRestoreCommand(program: Command, open: OpenWorkspace, workspaceHelp: string): void {
  program
    .command('restore')
    .description('save a study as it was at a commit, as a new change (history is kept)')
    .argument('<id-or-slug>', 'the study')
    .requiredOption('--at <commit>', 'the version (a hash from casebook history)')
    .option('-w, --workspace <dir>', workspaceHelp)
    .action(async (idOrSlug: string, opts: { workspace?: string; at: string }) => {
      const api = await contractOf(open(opts.workspace));
      const { studyIdFor } = await import('./git-cli-support');
      const study = await api.restoreStudyVersion({ id: await studyIdFor(api, idOrSlug), commit: opts.at });
      console.log(`Restored '${study.title}' as it was at ${opts.at.slice(0, 7)} (a new change: sync to share it).`);
    });
}
