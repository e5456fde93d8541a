// What the export writer says when it cannot export: paths it refuses before writing anything,
// an output folder it cannot even look at, and a page the disk would not take — named right
// even when many pages are being written at once.
import { readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsyncedWriteOps, type AtomicWriteOps } from '../../../src/core/node/atomic-write';
import { checkOutputFolder, writeOutput } from '../../../src/core/node/export/output-writer';
import type { OutputFile } from '../../../src/core/pure/export/output-files';
import { casebookFailure } from '../../helpers/casebook-failure';
import { withTempDir } from '../../helpers/temp-dir';

const site = (paths: string[]): OutputFile[] => paths.map((p) => ({ path: p, contents: `${p} v1` }));

const failure = casebookFailure;

describe('the export writer refuses, before writing anything,', () => {
  it('a page listed twice', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      const err = await failure(writeOutput(out, site(['index.html', 'a.html', 'index.html']), { format: 'site' }));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toBe('Refusing to export: "index.html" would be written twice');
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it('a path that would be both a page and the folder of another page', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      const err = await failure(writeOutput(out, site(['a/b', 'a/b/c/index.html', 'x.html']), { format: 'site' }));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toBe('Refusing to export: "a/b" would be both a file and a folder');
      expect(await readdir(dir)).toEqual([]);
    });
  });
});

describe('an output folder the writer cannot look at', () => {
  it('is an io_error naming the folder, from the early check and from the writer', async () => {
    await withTempDir(async (dir) => {
      // A link to itself: every lookup through it fails (ELOOP), for root too.
      await symlink(path.join(dir, 'loop'), path.join(dir, 'loop'));
      const out = path.join(dir, 'loop', 'site');
      // Started one at a time: a second promise made up front could reject before anything
      // awaited it (an unhandled rejection, under load).
      for (const attempt of [
        () => checkOutputFolder(out, 'site'),
        () => writeOutput(out, site(['index.html']), { format: 'site' }),
      ]) {
        const err = await failure(attempt());
        expect(err.code).toBe('io_error');
        expect(err.message).toMatch(new RegExp(`^Could not export into ${out}: .*ELOOP`));
      }
    });
  });

  it('is refused by the early check when it holds files of the user, as the writer would', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'thesis.docx'), 'mine');
      const err = await failure(checkOutputFolder(dir, 'site'));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toMatch(/was not made by a Casebook export/);
      await expect(checkOutputFolder(path.join(dir, 'new'), 'site')).resolves.toBeUndefined();
    });
  });
});

describe('a page the disk would not take', () => {
  it('is the one the message names, though many pages were being written at once', async () => {
    await withTempDir(async (out) => {
      const files = site(Array.from({ length: 40 }, (_, i) => `p${String(i).padStart(2, '0')}/index.html`));
      const ops: AtomicWriteOps = {
        ...unsyncedWriteOps,
        writeAndSync: async (file, data) => {
          if (String(data) === 'p00/index.html v1') {
            throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
          }
          await unsyncedWriteOps.writeAndSync(file, data);
        },
      };
      const err = await failure(writeOutput(out, files, { format: 'site', ops }));
      expect(err.code).toBe('io_error');
      expect(err.message).toBe('The export stopped while writing p00/index.html: EIO: i/o error, write');
    });
  });
});
