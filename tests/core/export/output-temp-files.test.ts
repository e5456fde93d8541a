// What an interrupted export left in its folder is cleaned by the next one, but only files it
// wrote itself: a folder or link standing under a temp file's name is not Casebook's to delete.
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeOwnTempFiles } from '../../../src/core/node/export/output-cleanup';
import { withTempDir } from '../../helpers/temp-dir';

const temp = (name: string) => `.casebook-tmp-${name}-0a1b2c3d4e5f.tmp`;

describe('temp files an interrupted export left', () => {
  it('are removed for the pages it writes; other names, folders and links stay', async () =>
    withTempDir(async (dir) => {
      const out = path.join(dir, 'site');
      await mkdir(path.join(out, 'studies'), { recursive: true });
      const outside = path.join(dir, 'notes.txt');
      await writeFile(outside, 'mine');
      await writeFile(path.join(out, temp('index.html')), 'half a page');
      await writeFile(path.join(out, 'studies', temp('a.html')), 'half a page');
      await writeFile(path.join(out, temp('notes.html')), 'not a page this export writes');
      await mkdir(path.join(out, temp('feed.xml')));
      await symlink(outside, path.join(out, 'studies', temp('b.html')));
      await removeOwnTempFiles(
        out,
        new Map([
          ['.', new Set(['index.html', 'feed.xml'])],
          ['studies', new Set(['a.html', 'b.html'])],
          ['missing', new Set(['x.html'])],
        ]),
      );
      expect((await readdir(out)).sort()).toEqual([temp('feed.xml'), temp('notes.html'), 'studies'].sort());
      expect(await readdir(path.join(out, 'studies'))).toEqual([temp('b.html')]);
      expect(await readFile(outside, 'utf8')).toBe('mine');
    }));
});
