// The CLI as users run it, for tests that start it as a process: built once per test process
// with the real build script (workers and chunks as shipped) into out/ (ignored by git), and
// removed when the process exits. Starting the bundle takes a fraction of a second; starting
// the sources through tsx took two to three seconds a run on a loaded two-core machine, which
// made the CLI tests most of the unit suite's time.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
let built: Promise<string> | null = null;

/** The path of the built casebook.mjs. */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    const outdir = path.resolve('out', `.test-cli-${process.pid}`);
    await run(process.execPath, [path.resolve('scripts/build-cli.mjs'), outdir]);
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
    return path.join(outdir, 'casebook.mjs');
  })();
  return built;
}

/** Runs `casebook <args>`; its exit code and output (a failing run does not throw). */
export async function casebook(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [await cliBundle(), ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
