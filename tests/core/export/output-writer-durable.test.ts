// `durable: true` promises that an export survives a power cut once it returns: every folder it
// wrote a page into is flushed (once, before the marker that names those pages). The default
// flushes only the marker's folder. The flushes are observed on the real file operations.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeAtomicWriteOps } from '../../../src/core/node/atomic-write';
import { EXPORT_MARKER, writeOutput } from '../../../src/core/node/export/output-writer';
import type { OutputFile } from '../../../src/core/pure/export/output-files';
import { listTree } from '../../helpers/file-tree';
import { withTempDir } from '../../helpers/temp-dir';

const site = (version: number, paths: string[]): OutputFile[] =>
  paths.map((p) => ({ path: p, contents: `${p} v${version}` }));

afterEach(() => {
  vi.restoreAllMocks();
});

/** The folders flushed while `run` runs, relative to `out` ('.' for itself), sorted. */
async function flushedDuring(out: string, run: () => Promise<unknown>): Promise<string[]> {
  const flushed: string[] = [];
  const original = nodeAtomicWriteOps.syncDir;
  vi.spyOn(nodeAtomicWriteOps, 'syncDir').mockImplementation(async (dir) => {
    flushed.push(path.relative(out, dir) || '.');
    await original(dir);
  });
  await run();
  vi.restoreAllMocks();
  return flushed.sort();
}

describe('a durable export', () => {
  it('flushes each folder it wrote a page into, once, and the marker’s folder for each marker', async () => {
    await withTempDir(async (out) => {
      const files = site(1, ['index.html', 'a/index.html', 'a/x.png', 'b/c/index.html']);
      const flushed = await flushedDuring(out, () => writeOutput(out, files, { format: 'site', durable: true }));
      // '.' twice: the marker naming the pages about to be written, then the final one.
      expect(flushed).toEqual(['.', '.', 'a', 'b/c']);
      expect(await listTree(out)).toEqual([EXPORT_MARKER, ...files.map((f) => f.path)].sort());
    });
  });

  it('is not durable by default: only the marker is flushed', async () => {
    await withTempDir(async (out) => {
      const files = site(1, ['index.html', 'a/index.html', 'b/c/index.html']);
      expect(await flushedDuring(out, () => writeOutput(out, files, { format: 'site' }))).toEqual(['.', '.']);
      const next = site(2, ['index.html', 'a/index.html', 'b/c/index.html']);
      expect(await flushedDuring(out, () => writeOutput(out, next, { format: 'site', durable: false }))).toEqual([
        '.',
        '.',
      ]);
    });
  });

  it('removes a deleted study’s page and its folder, flushing only folders that are still there', async () => {
    await withTempDir(async (out) => {
      await writeOutput(out, site(1, ['index.html', 'a/index.html', 'b/index.html']), {
        format: 'site',
        durable: true,
      });
      const next = site(2, ['index.html', 'b/index.html']);
      const flushed = await flushedDuring(out, () => writeOutput(out, next, { format: 'site', durable: true }));
      expect(flushed).toEqual(['.', '.', 'b']);
      expect((await readdir(out)).sort()).toEqual([EXPORT_MARKER, 'b', 'index.html']);
      expect(await readFile(path.join(out, 'b/index.html'), 'utf8')).toBe('b/index.html v2');
    });
  });
});
