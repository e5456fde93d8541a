// Running the CLI from its sources for the git command tests, and editing studies as the app would.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cliEntry = path.resolve('src/cli/main.ts');

export async function casebook(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cliEntry, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A study file written as another tool (or an older save) would leave it. */
export async function addStudy(ws: string, id: string, title: string): Promise<void> {
  const { sampleStudy, writeStudy } = await import('../helpers/study-files');
  await writeStudy(ws, { ...sampleStudy(1), id, slug: id, title });
}

export async function setTitle(ws: string, id: string, title: string): Promise<void> {
  const { openWorkspace } = await import('../../src/core/node/casebook-service');
  await (await openWorkspace(ws)).updateStudy({ id, patch: { title } });
}
