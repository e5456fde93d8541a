// The `casebook` command: a thin transport over the core service, like IPC and HTTP.
import { Command, CommanderError } from 'commander';
import { openWorkspace } from '../core/node/casebook-service';
import { CasebookError } from '../core/pure/errors';
import { registerCheckCommand } from './check-command';
import { registerExportCommand } from './export-command';
import { registerImportCommand } from './import-command';
import { CliUsageError, openExistingWorkspace, openOrCreateWorkspace, resolveWorkspace } from './cli-options';
import { progressReporter } from './progress-line';
import { formatStudyTable } from './study-table';
import { registerServeCommand } from './serve-command';
import { reportWorkspaceProblems } from './workspace-problems';

const program = new Command()
  .name('casebook')
  .description('Draft structured engineering case studies; export Markdown or a static site.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

const workspaceHelp = 'workspace folder (default: $CASEBOOK_WORKSPACE or the current folder)';

program
  .command('init')
  .description('create a Casebook workspace (casebook.json, studies/, assets/) or check an existing one')
  .option('-w, --workspace <dir>', workspaceHelp)
  .action(async (opts: { workspace?: string }) => {
    const service = await openWorkspace(resolveWorkspace(opts.workspace));
    const info = await service.getWorkspaceInfo({});
    console.log(
      `Casebook workspace ready at ${info.path} (${info.studyCount} case ${info.studyCount === 1 ? 'study' : 'studies'}).`,
    );
    reportWorkspaceProblems(info);
  });

program
  .command('list')
  .description('list the case studies in a workspace, newest edit first')
  .option('-w, --workspace <dir>', workspaceHelp)
  .option('--json', 'print JSON instead of a table')
  .action(async (opts: { workspace?: string; json?: boolean }) => {
    const service = await openExistingWorkspace(opts.workspace);
    const progress = progressReporter('Checking study files');
    await service.verifyStudies((done, total) => progress.update(done, total));
    progress.done();
    const studies = await service.listStudies({});
    if (opts.json) console.log(JSON.stringify(studies, null, 2));
    else console.log(studies.length ? formatStudyTable(studies) : 'No case studies yet.');
    reportWorkspaceProblems(await service.getWorkspaceInfo({}));
  });

registerServeCommand(program, workspaceHelp);

registerExportCommand(program, openExistingWorkspace, workspaceHelp);

registerImportCommand(program, openOrCreateWorkspace, workspaceHelp);
registerCheckCommand(program, openExistingWorkspace, workspaceHelp);

export async function runCli(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed help, the version or the usage error.
      return err.exitCode;
    }
    if (err instanceof CliUsageError || err instanceof CasebookError) {
      console.error(`casebook: ${err.message}`);
      return err instanceof CliUsageError ? 2 : 1;
    }
    console.error(`casebook: ${(err as Error).message ?? String(err)}`);
    return 1;
  }
}

const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exit(code);
