// Git set-up for the Sync, History and conflict specs: a bare remote in a temp folder, the
// app's workspace shared to it, and a second author's workspace beside it that works through
// the CLI (`casebook clone`, `casebook sync`), as a teammate on another machine would. System
// git only makes the empty bare remote, sets who commits, and reads the remote back.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Study } from '../../src/core/pure/schemas/study';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// How long a sync's outcome is waited for: a sync fetches, merges and pushes through
// isomorphic-git, and in a fresh-clone CI run beside the other e2e workers one took 9 s, over
// the default 10 s wait once its outcome was drawn.
export const SYNC_MS = 30_000;

/** System git in `cwd`, with a fixed author so commits need no global config. */
export async function git(cwd: string, args: string[], author = 'Ana App'): Promise<string> {
  const email = `${author.toLowerCase().replace(/\W+/g, '.')}@example.com`;
  const { stdout } = await run('git', ['-c', `user.name=${author}`, '-c', `user.email=${email}`, ...args], {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

/** The Casebook CLI, as a teammate runs it; resolves with its exit code and output. */
export async function casebook(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(repoRoot, 'bin/casebook.mjs'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export interface SharedWorkspaces {
  remote: string;
  /** The second author's workspace (a clone), changed and synced through the CLI. */
  teammate: string;
  cleanup: () => Promise<void>;
}

/**
 * Makes `workspace` (already holding its study files) a repository as a new user would, with
 * `casebook init --git`, and shares it to a new bare remote with `casebook sync --remote`;
 * `commits` after the first are each written, then synced with their message and author.
 * The teammate's workspace is a `casebook clone` of the remote.
 */
export async function shareWorkspace(
  workspace: string,
  commits: { message: string; author?: string; write?: () => Promise<void> }[] = [],
): Promise<SharedWorkspaces> {
  const root = await mkdtemp(path.join(tmpdir(), 'casebook-git-'));
  const remote = path.join(root, 'remote.git');
  const teammate = path.join(root, 'teammate');
  await git(root, ['init', '--bare', '--initial-branch=main', remote]);
  await cli(['init', '--git', '--author', 'Ana App <ana@example.com>', '--workspace', workspace]);
  await cli(['sync', '--workspace', workspace, '--remote', remote]);
  for (const commit of commits) {
    await commit.write?.();
    await setAuthor(workspace, commit.author ?? 'Ana App');
    await cli(['sync', '--workspace', workspace, '-m', commit.message]);
  }
  await setAuthor(workspace, 'Ana App');
  await cli(['clone', remote, teammate]);
  await setAuthor(teammate, 'Ben CLI');
  return { remote, teammate, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** The CLI, failing the set-up loudly if a step does not succeed. */
async function cli(args: string[]): Promise<void> {
  const result = await casebook(args);
  if (result.code !== 0) throw new Error(`casebook ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
}

/** Who the next commits in `workspace` are by (the repository's own git config). */
async function setAuthor(workspace: string, name: string): Promise<void> {
  await git(workspace, ['config', 'user.name', name]);
  await git(workspace, ['config', 'user.email', `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`]);
}

/** A study file as it is in a workspace folder. */
export async function readStudy(workspace: string, id: string): Promise<Study> {
  return JSON.parse(await readFile(path.join(workspace, 'studies', `${id}.json`), 'utf8')) as Study;
}

/** Changes a study file in a workspace as the teammate's Casebook would, bumping updatedAt. */
export async function editStudy(workspace: string, id: string, change: (study: Study) => Study): Promise<void> {
  const changed = { ...change(await readStudy(workspace, id)), updatedAt: new Date().toISOString() };
  await writeFile(path.join(workspace, 'studies', `${id}.json`), `${JSON.stringify(changed, null, 2)}\n`);
}

/** The study as the remote's main branch holds it. */
export async function studyOnRemote(remote: string, id: string): Promise<Study> {
  return JSON.parse(await git(remote, ['show', `main:studies/${id}.json`])) as Study;
}

/** A section holding one paragraph with a fixed block id (what merges match blocks by). */
export function paragraphDoc(id: string, text: string) {
  return { type: 'doc' as const, content: [{ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] }] };
}
