// The `casebook` command: a thin transport over the contract, like IPC and HTTP. Start-up loads
// only commander and the command table; each command loads what it needs when it runs, so
// `casebook --help` costs little more than starting Node.
import { Command, CommanderError } from 'commander';
import type { CasebookService } from '../core/node/casebook-service';
import type * as CliWorkspace from './cli-workspace';
import { CasebookError } from '../core/pure/errors';
import { registerCheckCommand } from './check-command';
import { registerExportCommand } from './export-command';
import {
  registerCloneCommand,
  registerHistoryCommand,
  registerRestoreCommand,
  registerSyncCommand,
} from './git-commands';
import { registerImportCommand } from './import-command';
import { registerMergeDriverCommand } from './merge-driver-command';
import { registerResolveCommand } from './resolve-command';
import { registerServeCommand } from './serve-command';
import { CliUsageError } from './usage-error';
import { registerInitCommand, registerListCommand, type OpenWorkspace } from './workspace-commands';

const program = new Command()
  .name('casebook')
  .description('Draft structured engineering case studies; export Markdown or a static site.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

const workspaceHelp = 'workspace folder (default: $CASEBOOK_WORKSPACE or the current folder)';

// The workspaces this run opened. When the command ends their summary caches are written, as
// the app does on quit: a command that read every study in full (export, check) leaves it, so
// the next command lists a large workspace without reading each file's head again.
const opened: Array<Promise<CasebookService>> = [];
const tracked =
  (open: (cli: typeof CliWorkspace, flag: string | undefined) => Promise<CasebookService>): OpenWorkspace =>
  (flag) => {
    const service = import('./cli-workspace').then((cli) => open(cli, flag));
    opened.push(service);
    return service;
  };
const openExisting = tracked((cli, flag) => cli.openExistingWorkspace(flag));
const openOrCreate = tracked((cli, flag) => cli.openOrCreateWorkspace(flag));
// init creates the workspace on purpose: no note that one was created.
const openForInit = tracked((cli, flag) => cli.openOrCreateWorkspace(flag, false));

/** Writes the opened workspaces' summary caches; derived data, so a failure only makes a later run slower. */
async function flushOpened(): Promise<void> {
  const services = await Promise.allSettled(opened.splice(0));
  await Promise.allSettled(services.map((s) => (s.status === 'fulfilled' ? s.value.saveSummaryCache() : null)));
}

registerInitCommand(program, openForInit, workspaceHelp);
registerListCommand(program, openExisting, workspaceHelp);
registerServeCommand(program, workspaceHelp);
registerExportCommand(program, openExisting, workspaceHelp);
registerImportCommand(program, openOrCreate, workspaceHelp);
registerCheckCommand(program, openExisting, workspaceHelp);
registerResolveCommand(program, openExisting, workspaceHelp);
registerCloneCommand(program);
registerSyncCommand(program, openExisting, workspaceHelp);
registerHistoryCommand(program, openExisting, workspaceHelp);
registerRestoreCommand(program, openExisting, workspaceHelp);
registerMergeDriverCommand(program);

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
  } finally {
    await flushOpened();
  }
}

const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exit(code);
