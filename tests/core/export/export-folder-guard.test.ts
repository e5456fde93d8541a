// The output folder's guard: Casebook replaces or removes only files whose bytes it wrote
// (their hash is in its marker) — never a file a forged marker names, never through a link
// planted in the folder — and never exports into the workspace, also through links.
import { lstat, mkdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_MARKER, writeOutput } from '../../../src/core/node/export/output-writer';
import { type CasebookError } from '../../../src/core/pure/errors';
import { exportStudies } from '../../../src/core/node/workspace-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { listTree } from '../../helpers/file-tree';
import { withTempDir } from '../../helpers/temp-dir';
import { makeStudy, sampleSite } from '../../site/sample-site';

const RUNS = Number(process.env.CASEBOOK_GUARD_RUNS ?? 60);

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as CasebookError,
  );

describe('the output folder guard', () => {
  it('never deletes or overwrites a file a forged marker names but Casebook did not write', async () => {
    await withTempDir(async (out) => {
      await writeFile(path.join(out, 'index.html'), 'my own page');
      await mkdir(path.join(out, 'docs'));
      await writeFile(path.join(out, 'docs', 'thesis.txt'), 'my only copy');
      // A marker planted in the folder claims both files (sizes right, hashes made up).
      const forged = {
        casebookExport: 1,
        format: 'site',
        files: [
          { path: 'index.html', size: 11, mtimeMs: 0, sha1: 'forged' },
          { path: 'docs/thesis.txt', size: 12, mtimeMs: 0, sha1: 'forged' },
        ],
      };
      await writeFile(path.join(out, EXPORT_MARKER), JSON.stringify(forged));
      const result = await writeOutput(out, [{ path: 'index.html', contents: 'Casebook index' }], { format: 'site' });
      expect(result.written).toBe(0);
      expect(result.removed).toBe(0);
      expect(result.kept.map((k) => [k.path, k.action])).toEqual([
        ['index.html', 'replace'],
        ['docs/thesis.txt', 'remove'],
      ]);
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('my own page');
      expect(await readFile(path.join(out, 'docs', 'thesis.txt'), 'utf8')).toBe('my only copy');
    });
  });

  it('does not write through a link planted in the folder in place of a page', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      const bashrc = path.join(dir, 'bashrc');
      await writeFile(bashrc, 'export PATH=/usr/bin\n');
      await writeOutput(out, [{ path: 'index.html', contents: 'home' }], { format: 'site' });
      await rm(path.join(out, 'index.html'));
      await symlink(bashrc, path.join(out, 'index.html'));
      const result = await writeOutput(out, [{ path: 'index.html', contents: 'PWNED' }], { format: 'site' });
      expect(result.kept).toEqual([{ path: 'index.html', action: 'replace', reason: expect.stringMatching(/link/) }]);
      expect(await readFile(bashrc, 'utf8')).toBe('export PATH=/usr/bin\n');
      expect(await readlink(path.join(out, 'index.html'))).toBe(bashrc);
    });
  });

  it('refuses an output folder that reaches into the workspace through a link, or holds it', async () => {
    await withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      await mkdir(path.join(ws, 'studies'), { recursive: true });
      await symlink(ws, path.join(dir, 'link-to-ws'));
      await symlink(dir, path.join(dir, 'link-to-parent'));
      const before = await listTree(ws);
      for (const outDir of [
        path.join(dir, 'link-to-ws', 'new'), // --out <symlink-to-workspace>/new
        path.join(dir, 'link-to-parent', 'ws', 'site'), // a link further up
        path.join(dir, 'link-to-parent'), // holds the workspace
      ]) {
        const err = await rejection(
          exportStudies(
            ws,
            sampleSite(),
            [makeStudy({ title: 'Anything' })],
            {
              format: 'site',
              outDir,
              drafts: false,
              allowErrors: true,
            },
            new ExportMemory(),
          ),
        );
        expect(err?.code, outDir).toBe('invalid_input');
        expect(err?.message).toMatch(/outside the workspace/);
      }
      expect(await listTree(ws)).toEqual(before);
    });
  });

  it('property: whatever the folder held, a file whose content Casebook did not write is never changed', async () => {
    const names = ['index.html', 'a/index.html', 'b/index.html', 'a/x.png', 'notes.txt'];
    const step = fc.record({
      pages: fc.subarray(names.slice(0, 4), { minLength: 1 }),
      version: fc.nat(3),
    });
    const userAct = fc.record({
      kind: fc.constantFrom('edit', 'add', 'link', 'forge'),
      name: fc.constantFrom(...names),
      size: fc.nat(40),
    });
    await fc.assert(
      fc.asyncProperty(step, fc.array(userAct, { maxLength: 5 }), step, async (first, acts, second) => {
        await withTempDir(async (dir) => {
          const out = path.join(dir, 'out');
          const outside = path.join(dir, 'outside.txt');
          await writeFile(outside, 'outside');
          const contents = (name: string, v: number) => `casebook ${name} v${v}`;
          await writeOutput(
            out,
            first.pages.map((p) => ({ path: p, contents: contents(p, first.version) })),
            {
              format: 'site',
            },
          );
          const userFiles = new Map<string, string>(); // path -> content the user put there
          const links = new Set<string>();
          for (const act of acts) {
            const file = path.join(out, act.name);
            if (links.has(act.name)) continue;
            if (act.kind === 'forge') {
              const marker = JSON.parse(await readFile(path.join(out, EXPORT_MARKER), 'utf8'));
              marker.files.push({ path: act.name, size: act.size, mtimeMs: 1, sha1: `forged${act.size}` });
              await writeFile(path.join(out, EXPORT_MARKER), JSON.stringify(marker));
              continue;
            }
            await mkdir(path.dirname(file), { recursive: true });
            await rm(file, { force: true });
            if (act.kind === 'link') {
              await symlink(outside, file);
              links.add(act.name);
              userFiles.delete(act.name);
            } else {
              const text = `user ${act.kind} ${'u'.repeat(act.size)}`;
              await writeFile(file, text);
              userFiles.set(act.name, text);
            }
          }
          const result = await writeOutput(
            out,
            second.pages.map((p) => ({ path: p, contents: contents(p, second.version) })),
            { format: 'site' },
          );
          expect(await readFile(outside, 'utf8')).toBe('outside');
          for (const [name, text] of userFiles) expect(await readFile(path.join(out, name), 'utf8')).toBe(text);
          for (const name of links) expect((await lstat(path.join(out, name))).isSymbolicLink()).toBe(true);
          for (const page of second.pages) {
            if (userFiles.has(page) || links.has(page)) continue;
            expect(await readFile(path.join(out, page), 'utf8')).toBe(contents(page, second.version));
          }
          for (const name of first.pages) {
            if (second.pages.includes(name) || userFiles.has(name) || links.has(name)) continue;
            expect(await listTree(out)).not.toContain(name);
          }
          const kept = new Set(result.kept.map((k) => k.path));
          for (const name of [...userFiles.keys(), ...links]) {
            if (second.pages.includes(name)) expect(kept.has(name)).toBe(true);
          }
          expect((await listTree(out)).filter((f) => f.includes('.casebook-tmp-'))).toEqual([]);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
