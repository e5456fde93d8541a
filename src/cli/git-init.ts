// `casebook init --git` (make the workspace a repository with a first commit, or set up an
// existing one without committing) and `casebook init --ci github|gitlab` (a workflow that
// checks and publishes the site). Loaded only when asked for.
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { CasebookApi } from '../core/pure/contract';
import { CasebookError } from '../core/pure/errors';
import { ciProviders, ciWorkflow, type CiProvider } from '../core/pure/git/ci-workflow';
import { parseAuthor } from '../core/node/git/git-identity';
import { CliUsageError } from './usage-error';

/** Through the contract, as the app's "Make this a git workspace" (the workspace exists by now). */
export async function initGit(api: CasebookApi, workspace: string, author: string | undefined): Promise<void> {
  const who = author === undefined ? null : parseAuthor(author);
  if (author !== undefined && !who) throw new CliUsageError('--author takes "Your Name <you@example.com>"');
  const created = !(await api.gitStatus({})).repository;
  const status = await api.initGitWorkspace(who ? { author: who } : {});
  if (created) {
    console.log(
      `Made the git repository of ${workspace}, with every file of the folder in its first commit (.gitignore keeps Casebook's caches, trash and set-aside files out). Nothing was sent. Share it with: casebook sync --remote <folder or https URL>`,
    );
    return;
  }
  // An existing repository: set up, never committed nor sent (its uncommitted files are its owner's to look at).
  const pending =
    status.changed === 0
      ? 'everything is committed'
      : `${status.changed} files are not committed: look at them with git status before casebook sync commits them`;
  console.log(
    `Set up Casebook in the existing git repository of ${workspace} (.gitignore and .gitattributes lines, the merge driver, where missing). Nothing was committed or sent; ${pending}.`,
  );
}

export async function initCi(
  workspace: string,
  provider: string,
  cli: string | undefined,
  branch: string,
): Promise<void> {
  if (!(ciProviders as readonly string[]).includes(provider))
    throw new CliUsageError(`--ci takes ${ciProviders.join(' or ')}, not "${provider}"`);
  // No default: Casebook is not on npm under a name this project owns, and a workflow running
  // whatever package holds a guessed name would hand the team's CI to a stranger.
  if (cli === undefined)
    throw new CliUsageError(
      '--ci needs --ci-run: how CI runs Casebook, e.g. --ci-run "npx --yes github:your-org/casebook#v0.1.0"',
    );
  if (!/^[^\r\n]{1,300}$/.test(cli.trim())) throw new CliUsageError('--ci-run takes one line of up to 300 characters');
  const workflow = ciWorkflow(provider as CiProvider, cli, branch);
  const file = path.join(workspace, workflow.path);
  if (existsSync(file))
    throw new CasebookError('conflict', `${workflow.path} already exists; remove it first to write it again.`);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, workflow.text);
  console.log(
    `Wrote ${workflow.path}: pushes to ${branch} check, export and deploy the site; reviews get the site as an artifact. Commit it with casebook sync.`,
  );
}
