// A page the export no longer has goes, and so does every folder that held only it — however
// deep, in whatever order the pages go — but never a folder still holding a file, nor the
// output folder itself.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_MARKER, writeOutput } from '../../../src/core/node/export/output-writer';
import type { OutputFile } from '../../../src/core/pure/export/output-files';
import { listTree } from '../../helpers/file-tree';
import { withTempDir } from '../../helpers/temp-dir';

const site = (paths: string[]): OutputFile[] => paths.map((p) => ({ path: p, contents: `${p} v1` }));

describe('removing the pages of deleted studies', () => {
  it('removes every folder they emptied, up to the output folder', async () => {
    await withTempDir(async (out) => {
      const pages = ['index.html', 'x/y/z/index.html', 'a/b/index.html', 'a/c/d/index.html', 'a/index.html'];
      await writeOutput(out, site(pages), { format: 'site' });
      const result = await writeOutput(out, site(['index.html']), { format: 'site' });
      expect(result.removed).toBe(4);
      expect((await readdir(out)).sort()).toEqual([EXPORT_MARKER, 'index.html']);
    });
  });

  it('keeps a folder that still holds a file of the user, and the folders above it', async () => {
    await withTempDir(async (out) => {
      await writeOutput(out, site(['index.html', 'a/b/index.html', 'a/c/index.html']), { format: 'site' });
      await writeFile(path.join(out, 'a/b/notes.txt'), 'mine');
      await writeOutput(out, site(['index.html']), { format: 'site' });
      expect(await listTree(out)).toEqual([EXPORT_MARKER, 'a/b/notes.txt', 'index.html']);
      expect((await readdir(path.join(out, 'a'))).sort()).toEqual(['b']);
    });
  });

  it('keeps the output folder when every page goes', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      await writeOutput(out, site(['index.html', 'a/index.html']), { format: 'site' });
      await writeOutput(out, [], { format: 'site' });
      expect(await listTree(out)).toEqual([EXPORT_MARKER]);
    });
  });
});
