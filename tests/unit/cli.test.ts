import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/core/casebook-service';
import { withTempDir } from '../helpers/temp-dir';

const run = promisify(execFile);
const cliEntry = path.resolve('src/cli/main.ts');

async function casebook(args: string[], env: Record<string, string> = {}) {
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

describe('casebook CLI', () => {
  it('init creates a workspace and list shows its studies', async () => {
    await withTempDir(async (dir) => {
      const ws = path.join(dir, 'my cases');
      const init = await casebook(['init', '--workspace', ws]);
      expect(init.code).toBe(0);
      expect(init.stdout).toContain(`Casebook workspace ready at ${ws} (0 case studies)`);
      expect((await readdir(ws)).sort()).toEqual(['.trash', 'assets', 'casebook.json', 'studies']);
      const service = await openWorkspace(ws);
      await service.createStudy({ title: 'Queue backlog' });
      const list = await casebook(['list'], { CASEBOOK_WORKSPACE: ws });
      expect(list.stdout).toMatch(/Queue backlog\s+draft/);
      const json = await casebook(['list', '--json', '-w', ws]);
      expect(JSON.parse(json.stdout)[0].slug).toBe('queue-backlog');
    });
  }, 60_000);

  it('fails with one clear line and a non-zero exit on bad input', async () => {
    const badPort = await casebook(['serve', '--port', 'eighty']);
    expect(badPort.code).not.toBe(0);
    expect(badPort.stderr.trim()).toBe('casebook: --port: the port must be a number');
    const unknown = await casebook(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  }, 60_000);

  it('has --help on each command', async () => {
    for (const command of ['init', 'list', 'serve']) {
      const help = await casebook([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: casebook ${command}`);
      expect(help.stdout).toContain('--workspace');
    }
  }, 60_000);
});
