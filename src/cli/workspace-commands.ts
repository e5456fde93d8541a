// `casebook init` and `casebook list`. Like every command, they reach the workspace only
// through the contract (dispatchingApi: the same validation and errors as IPC and HTTP), and
// load the core when they run, not when the CLI starts.
import type { Command } from 'commander';
import type { DispatchTarget } from '../core/pure/dispatch';
import { progressReporter } from './progress-line';
import { reportWorkspaceProblems } from './workspace-problems';

/** Resolves --workspace (or its default) and opens the workspace there. */
export type OpenWorkspace = (workspace: string | undefined) => Promise<DispatchTarget>;

/**
 * The contract over an open workspace, through dispatch. Given the workspace still opening,
 * the contract's code loads meanwhile (the two are read from disk at once, not one after the other).
 */
export async function contractOf(target: DispatchTarget | Promise<DispatchTarget>) {
  const [opened, { dispatchingApi }] = await Promise.all([target, import('../core/pure/dispatch')]);
  return dispatchingApi(opened);
}

export function registerInitCommand(program: Command, open: OpenWorkspace, workspaceHelp: string): void {
  program
    .command('init')
    .description('create a Casebook workspace (casebook.json, studies/, assets/) or check an existing one')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--git', 'make the workspace a git repository (first commit, merge driver, .gitignore)')
    .option('--author <who>', 'with --git: your name and email for commits, "Name <email>"')
    .option('--ci <provider>', 'write a CI workflow that checks and publishes the site: github or gitlab')
    .option('--ci-run <command>', 'with --ci: how CI runs Casebook, e.g. "npx --yes github:your-org/casebook#v0.1.0"')
    .action(async (opts: { workspace?: string; git?: boolean; author?: string; ci?: string; ciRun?: string }) => {
      const api = await contractOf(open(opts.workspace));
      const info = await api.getWorkspaceInfo({});
      console.log(
        `Casebook workspace ready at ${info.path} (${info.studyCount} case ${info.studyCount === 1 ? 'study' : 'studies'}).`,
      );
      reportWorkspaceProblems(info);
      if (opts.git || opts.ci) {
        const gitInit = await import('./git-init');
        if (opts.ci) await gitInit.initCi(info.path, opts.ci, opts.ciRun, 'main');
        if (opts.git) await gitInit.initGit(api, info.path, opts.author);
      }
    });
}

export function registerListCommand(program: Command, open: OpenWorkspace, workspaceHelp: string): void {
  program
    .command('list')
    .description('list the case studies in a workspace, newest edit first')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      // The table's code reads the study schemas' labels: loaded here, not at start-up (--help),
      // and while the workspace opens.
      const table = opts.json ? null : import('./study-table');
      table?.catch(() => undefined); // a failure is met below, where it is awaited
      const api = await contractOf(open(opts.workspace));
      const progress = progressReporter('Checking study files');
      // verify: studies known only from their file's head are read in full, so damage is found now.
      const studies = await api.listStudies({ verify: true }, ({ done, total }) => progress.update(done, total));
      progress.done();
      if (opts.json) console.log(JSON.stringify(studies, null, 2));
      else {
        const { formatSettingsConflicts, formatStudyTable } = (await table)!;
        console.log(studies.length ? formatStudyTable(studies) : 'No case studies yet.');
        const settings = formatSettingsConflicts(await api.settingsConflicts({}));
        if (settings.length)
          console.log(
            ['', ...settings, 'Resolve them in Casebook: Site settings (or casebook resolve --settings).'].join('\n'),
          );
      }
      reportWorkspaceProblems(await api.getWorkspaceInfo({}));
    });
}
