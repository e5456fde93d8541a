// Test fixture: a fresh temporary workspace per test, and `casebook serve` started on it
// (after the test has put files there, if it wants to), killed when the test ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import type { Study } from '../../src/core/pure/schemas/study';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m;

interface CasebookFixtures {
  /** An empty temporary folder, deleted after the test. */
  workspace: string;
  /** Starts `casebook serve` on the workspace (with `env` added to its environment) and returns the printed URL. */
  serve: (env?: NodeJS.ProcessEnv) => Promise<string>;
}

export const test = base.extend<CasebookFixtures>({
  // eslint-disable-next-line no-empty-pattern
  workspace: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'casebook-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  serve: async ({ workspace }, use) => {
    const children: ChildProcess[] = [];
    await use(async (env = {}) => {
      const child = spawn(
        process.execPath,
        [path.join(repoRoot, 'bin/casebook.mjs'), 'serve', '--workspace', workspace, '--port', '0'],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
      );
      children.push(child);
      return waitForUrl(child);
    });
    await Promise.all(children.map(stop));
  },
});

export { expect };

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`casebook serve printed no URL in 15 s.\n${out}\n${err}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = URL_LINE.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`casebook serve exited (${code}) before printing its URL.\n${out}\n${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The study files on disk, parsed (the app's data as a user's git diff would see it). */
export async function studiesOnDisk(workspace: string): Promise<Study[]> {
  const dir = path.join(workspace, 'studies');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as Study));
}
