// The `casebook` command: a thin transport over the contract, like IPC and HTTP. Start-up loads
// only commander and the command table; each command loads what it needs when it runs, so
// `casebook --help` costs little more than starting Node.
import { Command, CommanderError } from 'commander';
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

const openExisting: OpenWorkspace = async (flag) => (await import('./cli-workspace')).openExistingWorkspace(flag);
const openOrCreate: OpenWorkspace = async (flag) => (await import('./cli-workspace')).openOrCreateWorkspace(flag);
// init creates the workspace on purpose: no note that one was created.
const openForInit: OpenWorkspace = async (flag) => (await import('./cli-workspace')).openOrCreateWorkspace(flag, false);

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
  }
}

const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exit(code);
