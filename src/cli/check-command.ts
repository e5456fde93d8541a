// `casebook check [--strict] [--published-only]`: the publish-readiness report for a
// workspace, grouped by study. With --strict the command fails (exit 1) while any error remains.
// The report comes from the contract's checkWorkspace, through dispatch, like the app's.
import { CommanderError, type Command } from 'commander';
import type { DispatchTarget } from '../core/pure/dispatch';
import type { CheckOptions, CheckRun } from './check-report';
import { contractOf, type OpenWorkspace } from './workspace-commands';
import { reportWorkspaceProblems } from './workspace-problems';

export async function checkOpenWorkspace(
  target: DispatchTarget,
  options: Pick<CheckOptions, 'strict' | 'publishedOnly'> = {},
): Promise<CheckRun> {
  const [api, { formatCheck }] = await Promise.all([contractOf(target), import('./check-report')]);
  const report = await api.checkWorkspace({ publishedOnly: Boolean(options.publishedOnly) });
  return formatCheck(report, options);
}

/** Adds `check` to the CLI; `open` resolves --workspace (or its default) and opens it. */
export function registerCheckCommand(program: Command, open: OpenWorkspace, workspaceHelp = 'workspace folder'): void {
  program
    .command('check')
    .description('check every case study is ready to publish (summary, sections, categories, date, links, images)')
    .option('-w, --workspace <dir>', workspaceHelp)
    .option('--strict', 'exit with status 1 when any error remains')
    .option('--published-only', 'check only published studies (drafts are not exported)')
    .action(async (opts: { workspace?: string; strict?: boolean; publishedOnly?: boolean }) => {
      const target = await open(opts.workspace);
      const run = await checkOpenWorkspace(target, opts);
      console.log(run.text);
      reportWorkspaceProblems(await (await contractOf(target)).getWorkspaceInfo({}));
      // runCli turns a CommanderError into its exit code without printing anything more.
      if (run.exitCode !== 0) throw new CommanderError(run.exitCode, 'casebook.check.failed', '');
    });
}
