// Git set-up for the Sync, History and conflict specs: a bare remote in a temp folder, the
// app's workspace as a clone of it, and a second author's workspace beside it that works
// through the CLI (`casebook sync`), as a teammate on another machine would. System git only
// prepares the repositories and reads the remote back; the app and the CLI do the syncing.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Study } from '../../src/core/pure/schemas/study';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
 * Makes `workspace` (already holding its study files) a repository whose `origin` is a new
 * bare remote, with `commits` recorded first (each: files to write, then a message and author),
 * and clones it for a teammate. Both workspaces get a repository-local identity.
 */
export async function shareWorkspace(
  workspace: string,
  commits: { message: string; author?: string; write?: () => Promise<void> }[] = [{ message: 'Start' }],
): Promise<SharedWorkspaces> {
  const root = await mkdtemp(path.join(tmpdir(), 'casebook-git-'));
  const remote = path.join(root, 'remote.git');
  const teammate = path.join(root, 'teammate');
  await git(root, ['init', '--bare', '--initial-branch=main', remote]);
  const made = await casebook(['init', '--workspace', workspace]);
  if (made.code !== 0) throw new Error(`casebook init failed: ${made.stderr}`);
  await git(workspace, ['init', '--initial-branch=main']);
  await git(workspace, ['config', 'user.name', 'Ana App']);
  await git(workspace, ['config', 'user.email', 'ana@example.com']);
  await writeFile(path.join(workspace, '.gitignore'), '.casebook/\n');
  for (const commit of commits) {
    await commit.write?.();
    await git(workspace, ['add', '-A']);
    await git(workspace, ['commit', '-m', commit.message], commit.author);
  }
  await git(workspace, ['remote', 'add', 'origin', remote]);
  await git(workspace, ['push', '-u', 'origin', 'main']);
  await git(root, ['clone', remote, teammate]);
  await git(teammate, ['config', 'user.name', 'Ben CLI']);
  await git(teammate, ['config', 'user.email', 'ben@example.com']);
  return { remote, teammate, cleanup: () => rm(root, { recursive: true, force: true }) };
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
