// What the export writer leaves alone and reports (a page edited by hand, a link, a folder in a
// page's place, a page reached only through a link), and what it may take back: a page a power
// cut left empty.
import { mkdir, readFile, rename, rm, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_MARKER, writeOutput } from '../../../src/core/node/export/output-writer';
import type { OutputFile } from '../../../src/core/pure/export/output-files';
import { listTree } from '../../helpers/file-tree';
import { withTempDir } from '../../helpers/temp-dir';

const site = (version: number, paths: string[]): OutputFile[] =>
  paths.map((p) => ({ path: p, contents: `${p} v${version}` }));

describe('the export writer', () => {
  it('rewrites a page a power cut left empty, even with the same contents as before', async () => {
    await withTempDir(async (out) => {
      const files = site(1, ['index.html', 'a/index.html']);
      await writeOutput(out, files, { format: 'site' });
      await truncate(path.join(out, 'a/index.html'), 0);
      const result = await writeOutput(out, files, { format: 'site' });
      expect(result).toEqual({ written: 1, unchanged: 1, removed: 0, kept: [] });
      expect(await readFile(path.join(out, 'a/index.html'), 'utf8')).toBe('a/index.html v1');
    });
  });

  it('takes an empty file at a page path for its own, though no export wrote it', async () => {
    await withTempDir(async (out) => {
      await writeOutput(out, site(1, ['index.html']), { format: 'site' });
      await writeFile(path.join(out, 'b.html'), '');
      const result = await writeOutput(out, site(1, ['index.html', 'b.html']), { format: 'site' });
      expect(result.kept).toEqual([]);
      expect(await readFile(path.join(out, 'b.html'), 'utf8')).toBe('b.html v1');
    });
  });

  it('reports a page edited by hand even when a copy tool put its old time back', async () => {
    await withTempDir(async (out) => {
      const files = site(1, ['index.html']);
      await writeOutput(out, files, { format: 'site' });
      const page = path.join(out, 'index.html');
      // A time the file system keeps exactly (whole seconds), learnt by the next export.
      const time = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
      await utimes(page, time, time);
      expect((await writeOutput(out, files, { format: 'site' })).unchanged).toBe(1);
      await writeFile(page, 'my own, longer home page');
      await utimes(page, time, time); // as `cp -p` or `rsync -t` would
      const result = await writeOutput(out, files, { format: 'site' });
      expect(result.kept).toEqual([
        { path: 'index.html', action: 'replace', reason: expect.stringMatching(/not what Casebook wrote/) },
      ]);
      expect(await readFile(page, 'utf8')).toBe('my own, longer home page');
    });
  });

  it('does not remove a page reached only through a folder now a link, and says why', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      const moved = path.join(dir, 'moved-docs');
      await writeOutput(out, site(1, ['index.html', 'docs/index.html']), { format: 'site' });
      // The user moves the folder elsewhere and links it back: its page is outside now.
      await rename(path.join(out, 'docs'), moved);
      await symlink(moved, path.join(out, 'docs'));
      const result = await writeOutput(out, site(1, ['index.html']), { format: 'site' });
      expect(result.removed).toBe(0);
      expect(result.kept).toEqual([
        { path: 'docs/index.html', action: 'remove', reason: 'a folder on its way is a link' },
      ]);
      expect(await readFile(path.join(moved, 'index.html'), 'utf8')).toBe('docs/index.html v1');
    });
  });

  it('does not remove a link or a folder now in the place of a page it wrote, and says why', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      const elsewhere = path.join(dir, 'notes.txt');
      await writeFile(elsewhere, 'a.html v1'); // even the same bytes as the page
      await writeOutput(out, site(1, ['index.html', 'a.html', 'b.html']), { format: 'site' });
      await rm(path.join(out, 'a.html'));
      await symlink(elsewhere, path.join(out, 'a.html'));
      await rm(path.join(out, 'b.html'));
      await mkdir(path.join(out, 'b.html'));
      const result = await writeOutput(out, site(1, ['index.html']), { format: 'site' });
      expect(result.removed).toBe(0);
      const reason = 'it is a link or a special file, not a file Casebook wrote';
      expect(result.kept).toEqual([
        { path: 'a.html', action: 'remove', reason },
        { path: 'b.html', action: 'remove', reason },
      ]);
      expect(await readFile(elsewhere, 'utf8')).toBe('a.html v1');
      expect(await listTree(out)).toEqual([EXPORT_MARKER, 'a.html', 'index.html']);
    });
  });
});
