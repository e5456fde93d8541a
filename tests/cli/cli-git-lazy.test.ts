// `casebook list` and `--help` stay fast: the git engine and isomorphic-git load only when a git
// command runs. A module-resolve hook in the CLI's process reports what it loads.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRoot } from '../core/git/git-fixtures';
import { casebook } from './cli-git-helpers';

const run = promisify(execFile);
let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ root, cleanup } = await makeRoot()));
afterEach(async () => cleanup());

async function gitModulesLoadedBy(args: string[]): Promise<number> {
  const hooks = path.join(root, 'hooks.mjs');
  const register = path.join(root, 'register.mjs');
  await writeFile(
    hooks,
    `export async function resolve(s, c, next) { const r = await next(s, c); if (/isomorphic-git|\\/git\\/git-service/.test(r.url)) process.stderr.write('GIT-LOADED ' + r.url + '\\n'); return r; }\n`,
  );
  await writeFile(
    register,
    `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  const result = await run(process.execPath, [
    '--import',
    register,
    '--import',
    'tsx',
    path.resolve('src/cli/main.ts'),
    ...args,
  ]).catch((err: { stderr: string }) => err);
  return (result.stderr.match(/^GIT-LOADED /gm) ?? []).length;
}

describe('the git engine loads on demand', () => {
  it('is not loaded by list or --help, and is by history', async () => {
    const ws = path.join(root, 'ws');
    await casebook(['init', '--git', '-w', ws, '--author', 'Ann <ann@example.com>']);
    expect(await gitModulesLoadedBy(['list', '-w', ws])).toBe(0);
    expect(await gitModulesLoadedBy(['--help'])).toBe(0);
    expect(await gitModulesLoadedBy(['history', 'anything', '-w', ws])).toBeGreaterThan(0);
  }, 60_000);
});
