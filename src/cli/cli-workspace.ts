// Opening the workspace a command names. Loaded only by commands that need one: it pulls in
// the whole core service, which `casebook --help` must not pay for.
import { openWorkspace, type CasebookService } from '../core/node/casebook-service';
import { CasebookError } from '../core/pure/errors';
import { holdsWorkspace } from '../core/node/workspace-presence';
import { resolveWorkspace } from './cli-options';
import { envCredentials } from '../core/node/git/git-options';
import { driverCommand } from './git-cli-support';
import { readingHoldFromEnv } from './reading-hold';

// The CLI and `casebook serve` take an https remote's token from $CASEBOOK_GIT_TOKEN (read when
// asked), and make a workspace a repository with this CLI as git's merge driver.
const git = { credentials: envCredentials, driverCommand: driverCommand() };

/**
 * The workspace for a command that only reads (list, check, export): a mistyped folder is
 * refused with advice, and nothing is created.
 */
export async function openExistingWorkspace(flag: string | undefined): Promise<CasebookService> {
  const dir = resolveWorkspace(flag);
  try {
    return await openWorkspace(dir, { create: false, git });
  } catch (err) {
    if (!(err instanceof CasebookError && err.code === 'not_found')) throw err;
    throw new CasebookError(
      'not_found',
      `${err.message} Check the folder (--workspace or $CASEBOOK_WORKSPACE), or create a workspace there with: casebook init --workspace "${dir}"`,
    );
  }
}

/**
 * The workspace for a command that writes (init, import, serve): created when the folder holds
 * none. Said when `announce`, so a mistyped --workspace does not pass unnoticed.
 */
export async function openOrCreateWorkspace(flag: string | undefined, announce = true): Promise<CasebookService> {
  const dir = resolveWorkspace(flag);
  const created = !holdsWorkspace(dir);
  const service = await openWorkspace(dir, { git, readingGate: readingHoldFromEnv() });
  if (created && announce) console.error(`Note: ${dir} held no Casebook workspace; a new one was created there.`);
  return service;
}
