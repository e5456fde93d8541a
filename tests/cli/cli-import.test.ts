// `casebook import` on bad and hostile files (issue 10, findings 10 and 20): every skipped file
// is printed as `file:line[:column]: skipped: reason` in full, the good files are imported, and
// the exit status is 1. Run from source (tsx) and from the bundle users run (esbuild: the
// parsing worker must be found beside the bundle and must stop a runaway parse there too).
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { HOSTILE_MARKDOWN } from '../fixtures/markdown/hostile-files';
import { withTempDir } from '../helpers/temp-dir';

const run = promisify(execFile);

async function node(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, args);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const fromSource = (args: string[]) => node(['--import', 'tsx', path.resolve('src/cli/main.ts'), ...args]);

async function titles(workspace: string): Promise<string[]> {
  return (await (await openWorkspace(workspace)).listStudies({})).map((s) => s.title).sort();
}

describe('casebook import', () => {
  it('prints bad front matter as one complete file:line:column line, imports the good file and exits 1', async () => {
    await withTempDir(async (dir) => {
      const bad = path.join(dir, 'bad.md');
      const good = path.join(dir, 'good.md');
      await writeFile(bad, '---\ntitle: [x\n---\n## Problem\n\nText.\n');
      await writeFile(good, '# Good one\n\n## Problem\n\nText.\n');
      const ws = path.join(dir, 'ws');

      const result = await fromSource(['import', '-w', ws, bad, good]);

      expect(result.stderr.trim()).toBe(
        `Note: ${ws} held no Casebook workspace; a new one was created there.\n` +
          `${bad}:2:10: skipped: Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].`,
      );
      expect(result.stdout).toContain('Imported 1 study; skipped 1 file.');
      expect(result.code).toBe(1);
      expect(await titles(ws)).toEqual(['Good one']);
    });
  }, 60_000);

  describe('as bundled for users (node scripts/build-cli.mjs)', () => {
    // Inside out/ so the bundle finds node_modules as the installed CLI does.
    const outdir = path.resolve('out', `.test-cli-${process.pid}`);
    beforeAll(async () => {
      await run(process.execPath, ['scripts/build-cli.mjs', outdir]);
    }, 60_000);
    afterAll(async () => {
      await rm(outdir, { recursive: true, force: true });
    });

    it('names each hostile file with its line and reason, stops the slow one at 10 s and imports the rest', async () => {
      await withTempDir(async (dir) => {
        const files: Record<string, string> = {
          'a-bomb.md': HOSTILE_MARKDOWN.aliasBomb,
          'b-quotes.md': HOSTILE_MARKDOWN.deepQuotes,
          'c-underline.md': HOSTILE_MARKDOWN.deepUnderline,
          'd-slow.md': HOSTILE_MARKDOWN.quadraticEmphasis,
          'e-good.md': '# Still here\n\n## Lessons\n\nImported after four bad files.\n',
        };
        const input = path.join(dir, 'input');
        await mkdir(input);
        for (const [name, text] of Object.entries(files)) await writeFile(path.join(input, name), text);
        const ws = path.join(dir, 'ws');
        const started = performance.now();

        const result = await node([path.join(outdir, 'casebook.mjs'), 'import', '-w', ws, input]);

        expect((performance.now() - started) / 1000).toBeLessThan(10 + 15);
        const at = (name: string) => path.join(input, name);
        expect(result.stderr.trim().split('\n')).toEqual([
          `Note: ${ws} held no Casebook workspace; a new one was created there.`,
          expect.stringMatching(new RegExp(`^${at('a-bomb.md')}:3:8: skipped: Front matter repeats YAML aliases`)),
          expect.stringMatching(new RegExp(`^${at('b-quotes.md')}:1: skipped: .* nested more than 116 levels deep`)),
          expect.stringMatching(new RegExp(`^${at('c-underline.md')}:3: skipped: .* nested more than 116 levels deep`)),
          expect.stringMatching(new RegExp(`^${at('d-slow.md')}:1: skipped: Reading this file took longer than 10 s`)),
        ]);
        expect(result.stdout).toContain('Imported 1 study; skipped 4 files.');
        expect(result.code).toBe(1);
        expect(await titles(ws)).toEqual(['Still here']);
      });
    }, 90_000);

    // The bundle's `z` holds only the zod members src/ names (scripts/build-cli.mjs): every
    // command must still load its chunk and validate what it reads when run as users run it.
    it('runs init, import, list, check and both exports from the bundle', async () => {
      await withTempDir(async (dir) => {
        const cli = (...args: string[]) => node([path.join(outdir, 'casebook.mjs'), ...args]);
        const ws = path.join(dir, 'ws');
        const input = path.join(dir, 'in.md');
        await writeFile(
          input,
          '---\ntitle: Bundled\nsummary: Read by the bundle.\n---\n\n## Problem\n\nIt was **slow**.\n',
        );

        expect((await cli('init', '-w', ws)).code).toBe(0);
        expect((await cli('import', '-w', ws, input)).stdout).toContain('Imported 1 study');
        const list = await cli('list', '-w', ws);
        expect(list.code).toBe(0);
        expect(list.stdout).toContain('Bundled');
        const check = await cli('check', '-w', ws);
        expect(check.code).toBe(0);
        expect(check.stdout).toContain('Bundled');
        for (const format of ['site', 'markdown']) {
          const out = path.join(dir, format);
          const exported = await cli('export', '-w', ws, '-f', format, '-o', out, '--drafts', '--allow-errors');
          expect(exported.stderr).not.toMatch(/TypeError|not a function|internal/i);
          expect(exported.code).toBe(0);
          expect(exported.stdout).toMatch(/Exported 1 stud/);
        }
      });
    }, 90_000);
  });
});
