// Commands that only read change nothing: a mistyped --workspace is refused with advice and
// no folder appears; `serve` on a busy port says what to do and creates no workspace.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists } from '../../src/core/node/file-exists';
import { casebook as run } from '../helpers/cli-bundle';
import { withTempDir } from '../helpers/temp-dir';

// No workspace from the environment: each run names its own folder.
const casebook = (args: string[]) => run(args, { CASEBOOK_WORKSPACE: '' });

describe('commands that only read', () => {
  it('refuse a folder that holds no workspace, say how to make one, and create nothing', async () => {
    await withTempDir(async (dir) => {
      const missing = path.join(dir, 'cses'); // a typo of "cases"
      const empty = path.join(dir, 'empty');
      await mkdir(empty);
      const out = path.join(dir, 'site');
      const attempts: Array<[string[], string]> = [
        [['list'], missing],
        [['list', '--json'], empty],
        [['check', '--strict'], missing],
        [['export', '--format', 'site', '--out', out], missing],
      ];
      for (const [args, workspace] of attempts) {
        const result = await casebook([...args, '--workspace', workspace]);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr).toContain(`No Casebook workspace at ${workspace}`);
        expect(result.stderr).toContain(`casebook init --workspace "${workspace}"`);
      }
      expect(await exists(missing)).toBe(false);
      expect(await readdir(empty)).toEqual([]);
      expect(await exists(out)).toBe(false);
    });
  }, 120_000);

  it('import into a folder with no workspace says it created one', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'post.md');
      await writeFile(file, '# Post\n\n## Problem\n\nText.\n');
      const workspace = path.join(dir, 'new-cases');
      const result = await casebook(['import', '--workspace', workspace, file]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`Note: ${workspace} held no Casebook workspace; a new one was created there.`);
      const again = await casebook(['import', '--workspace', workspace, file]);
      expect(again.stderr).not.toContain('held no Casebook workspace');
    });
  }, 60_000);

  it('serve on a busy port explains, exits 1 and creates no workspace', async () => {
    await withTempDir(async (dir) => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as { port: number }).port;
      try {
        const workspace = path.join(dir, 'new-cases');
        const result = await casebook(['serve', '--workspace', workspace, '--port', String(port)]);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
        expect(result.stderr).toContain('--port 0');
        expect(result.stderr).not.toContain('EADDRINUSE');
        expect(await exists(workspace)).toBe(false);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    });
  }, 60_000);
});

describe('the CLI speaks the contract through dispatch', () => {
  it('refuses an import into a workspace from a newer Casebook with its reason, writing nothing', async () => {
    await withTempDir(async (dir) => {
      const newer = JSON.stringify({ schemaVersion: 99, site: { title: 'From the future' } });
      await writeFile(path.join(dir, 'casebook.json'), newer);
      const file = path.join(dir, 'one.md');
      await writeFile(file, '# One\n\n## Problem\n\nText.\n');
      const result = await casebook(['import', file, '--workspace', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^casebook: .*newer version of Casebook/m);
      expect(await exists(path.join(dir, 'studies'))).toBe(false);
    });
  }, 60_000);

  it("validates the command's input with the contract's own schema (at most 1,000 paths)", async () => {
    await withTempDir(async (dir) => {
      const paths = Array.from({ length: 1001 }, (_, i) => path.join(dir, `${i}.md`));
      const result = await casebook(['import', ...paths, '--workspace', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('casebook: Invalid input for importMarkdown: paths:');
    });
  }, 60_000);
});
