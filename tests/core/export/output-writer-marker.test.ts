// The export marker (.casebook-export.json) is uploaded with the site and decides what a later
// export may replace or remove, so after every export it names exactly the files the folder
// holds for Casebook, with nothing left "pending". And an export that changes nothing touches
// nothing — not a page, not the marker — so sync and deploy tools see no change.
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsyncedWriteOps, type AtomicWriteOps } from '../../../src/core/node/atomic-write';
import { EXPORT_MARKER, writeOutput } from '../../../src/core/node/export/output-writer';
import type { OutputFile } from '../../../src/core/pure/export/output-files';
import { listTree } from '../../helpers/file-tree';
import { withTempDir } from '../../helpers/temp-dir';

const site = (version: number, paths: string[]): OutputFile[] =>
  paths.map((p) => ({ path: p, contents: `${p} v${version}` }));

interface MarkerOnDisk {
  files: { path: string; size: number; mtimeMs: number }[];
  pending?: unknown[];
}
const readMarker = async (out: string): Promise<MarkerOnDisk> =>
  JSON.parse(await readFile(path.join(out, EXPORT_MARKER), 'utf8')) as MarkerOnDisk;

/** The marker's file list, and that nothing is left pending. */
async function expectMarkerNames(out: string, paths: string[]): Promise<void> {
  const marker = await readMarker(out);
  expect(marker.files.map((f) => f.path)).toEqual([...paths].sort());
  expect(marker.pending).toBeUndefined();
}

const identity = async (file: string) => {
  const s = await stat(file);
  return { ino: s.ino, mtimeMs: s.mtimeMs };
};

describe('an export that changes nothing', () => {
  it('rewrites neither a page nor the marker, and its progress still reaches the end', async () => {
    await withTempDir(async (out) => {
      const files = site(1, ['index.html', 'a/index.html', 'b/index.html']);
      await writeOutput(out, files, { format: 'site' });
      const marker = await identity(path.join(out, EXPORT_MARKER));
      const page = await identity(path.join(out, 'a/index.html'));
      const progress: [number, number][] = [];
      const again = await writeOutput(out, files, {
        format: 'site',
        onProgress: (done, total) => progress.push([done, total]),
      });
      expect(again).toEqual({ written: 0, unchanged: 3, removed: 0, kept: [] });
      expect(progress.at(-1)).toEqual([3, 3]);
      expect(await identity(path.join(out, EXPORT_MARKER))).toEqual(marker);
      expect(await identity(path.join(out, 'a/index.html'))).toEqual(page);
    });
  });

  it('leaves a page alone whose file was touched (same bytes, new time), and remembers the new time', async () => {
    await withTempDir(async (out) => {
      const files = site(1, ['index.html', 'a/index.html']);
      await writeOutput(out, files, { format: 'site' });
      const file = path.join(out, 'a/index.html');
      const later = new Date(Date.now() + 60_000);
      await utimes(file, later, later); // a backup tool or `touch`
      const page = await identity(file);
      expect(await writeOutput(out, files, { format: 'site' })).toEqual({
        written: 0,
        unchanged: 2,
        removed: 0,
        kept: [],
      });
      expect(await identity(file)).toEqual(page);
      expect((await readMarker(out)).files.find((f) => f.path === 'a/index.html')?.mtimeMs).toBe(page.mtimeMs);
    });
  });
});

describe('the marker after an export', () => {
  it('is written for a first export even of no files, so the folder is known as an export', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      await writeOutput(out, [], { format: 'site' });
      await expectMarkerNames(out, []);
      // The user adds a file of their own: the folder is still accepted, the file kept.
      await writeFile(path.join(out, 'CNAME'), 'eng.example.com');
      expect((await writeOutput(out, site(1, ['index.html']), { format: 'site' })).written).toBe(1);
      expect(await listTree(out)).toEqual(['.casebook-export.json', 'CNAME', 'index.html']);
    });
  });

  it('drops a removed page', async () => {
    await withTempDir(async (out) => {
      await writeOutput(out, site(1, ['index.html', 'a/index.html']), { format: 'site' });
      const result = await writeOutput(out, site(1, ['index.html']), { format: 'site' });
      expect(result.removed).toBe(1);
      await expectMarkerNames(out, ['index.html']);
    });
  });

  it('drops a page the user deleted that the export no longer has', async () => {
    await withTempDir(async (out) => {
      await writeOutput(out, site(1, ['index.html', 'a/index.html']), { format: 'site' });
      await rm(path.join(out, 'a/index.html'));
      const result = await writeOutput(out, site(1, ['index.html']), { format: 'site' });
      expect(result).toEqual({ written: 0, unchanged: 1, removed: 0, kept: [] });
      await expectMarkerNames(out, ['index.html']);
    });
  });

  it('no longer lists pending pages once the next run finds every page as it should be', async () => {
    await withTempDir(async (out) => {
      const v1 = site(1, ['index.html', 'a/index.html']);
      await writeOutput(out, v1, { format: 'site' });
      // An export of an edit dies before its first page lands: its marker lists the page as pending.
      const dead: AtomicWriteOps = {
        ...unsyncedWriteOps,
        writeAndSync: async () => {
          throw new Error('the process was killed');
        },
      };
      await expect(writeOutput(out, site(2, ['a/index.html']), { format: 'site', ops: dead })).rejects.toThrow(
        /killed/,
      );
      expect((await readMarker(out)).pending).toHaveLength(1);
      // The edit is undone; the next export finds every page as it is and says so in the marker.
      expect(await writeOutput(out, v1, { format: 'site' })).toEqual({
        written: 0,
        unchanged: 2,
        removed: 0,
        kept: [],
      });
      await expectMarkerNames(out, ['a/index.html', 'index.html']);
    });
  });

  it('is not left half-written: a temp file of the marker from a killed run is removed', async () => {
    await withTempDir(async (out) => {
      await writeOutput(out, site(1, ['index.html']), { format: 'site' });
      const left = `.casebook-tmp-${EXPORT_MARKER}-0123456789ab.tmp`;
      await writeFile(path.join(out, left), '{"casebookExp');
      await writeOutput(out, site(2, ['index.html']), { format: 'site' });
      expect(await listTree(out)).toEqual([EXPORT_MARKER, 'index.html']);
    });
  });

  it('accepts a folder holding only a marker temp file (killed while writing its first marker)', async () => {
    await withTempDir(async (out) => {
      await writeFile(path.join(out, `.casebook-tmp-${EXPORT_MARKER}-0123456789ab.tmp`), '{"casebookExp');
      expect((await writeOutput(out, site(1, ['index.html']), { format: 'site' })).written).toBe(1);
      expect(await listTree(out)).toEqual([EXPORT_MARKER, 'index.html']);
    });
  });
});
