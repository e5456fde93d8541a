// The `casebook` command: a thin transport over the core service, like IPC and HTTP.
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { openWorkspace } from '../core/casebook-service';
import { CasebookError } from '../core/errors';
import { startServer } from '../server/http-server';
import { registerCheckCommand } from './check-command';
import { registerExportCommand } from './export-command';
import { CliUsageError, parseOption, portOption, resolveWorkspace } from './cli-options';
import { progressReporter } from './progress-line';
import { formatStudyTable } from './study-table';
import { findRendererDir } from './renderer-location';

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
    const service = await openWorkspace(resolveWorkspace(opts.workspace));
    const progress = progressReporter('Checking study files');
    await service.verifyStudies((done, total) => progress.update(done, total));
    progress.done();
    const studies = await service.listStudies({});
    if (opts.json) console.log(JSON.stringify(studies, null, 2));
    else console.log(studies.length ? formatStudyTable(studies) : 'No case studies yet.');
    reportWorkspaceProblems(await service.getWorkspaceInfo({}));
  });

program
  .command('serve')
  .description('open the app in your browser (browser mode): serves the UI and API on 127.0.0.1 with a secret token')
  .option('-w, --workspace <dir>', workspaceHelp)
  .option('-p, --port <n>', 'port to listen on (0 picks a free one)', '0')
  .action(async (opts: { workspace?: string; port: string }) => {
    const port = parseOption(portOption, opts.port, '--port');
    const rendererDir = findRendererDir();
    if (!rendererDir) throw new CliUsageError('the app is not built: run `npm run build` first');
    const service = await openWorkspace(resolveWorkspace(opts.workspace));
    service.warmUp();
    const server = await startServer({ handlers: service, workspaceDir: service.workspace, rendererDir, port });
    console.log(`Casebook is serving ${service.workspace} — open this address in your browser (Ctrl+C to stop):`);
    console.log(server.url);
    const stop = (): void => {
      void server.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

registerExportCommand(program, async (workspace) => openWorkspace(resolveWorkspace(workspace)), workspaceHelp);

program
  .command('import')
  .description(
    'import Markdown files or folders (front matter + Problem/Decisions/Tradeoffs/Lessons sections) as new studies',
  )
  .option('-w, --workspace <dir>', workspaceHelp)
  .argument('<paths...>', 'Markdown files or folders')
  .action(async (paths: string[], opts: { workspace?: string }) => {
    const service = await openWorkspace(resolveWorkspace(opts.workspace));
    const progress = progressReporter('Importing');
    const report = await service.importWithProgress(
      paths.map((p) => path.resolve(p)),
      (done, total, file) => progress.update(done, total, path.basename(file)),
    );
    progress.done();
    for (const warning of report.warnings) console.error(`Warning: ${warning}`);
    for (const bad of report.skipped) console.error(`Skipped ${bad.file}:${bad.line}: ${bad.reason}`);
    console.log(
      `Imported ${report.imported.length} ${report.imported.length === 1 ? 'study' : 'studies'}; skipped ${report.skipped.length} ${report.skipped.length === 1 ? 'file' : 'files'}.`,
    );
    if (report.imported.length === 0 && report.skipped.length > 0) process.exitCode = 1;
  });

registerCheckCommand(program, async (workspace) => openWorkspace(resolveWorkspace(workspace)), workspaceHelp);

function reportWorkspaceProblems(
  info: Awaited<ReturnType<Awaited<ReturnType<typeof openWorkspace>>['getWorkspaceInfo']>>,
): void {
  if (info.readOnly) console.error(`Note: ${info.readOnlyReason}`);
  for (const q of info.quarantined) console.error(`Quarantined ${q.file} → ${q.storedAs}: ${q.reason}`);
}

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
