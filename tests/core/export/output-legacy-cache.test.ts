// Casebook 0.1 kept its render cache inside the export folder (.casebook-cache/), where it was
// uploaded with the site. The next export removes it — its own files only: anything else the
// user put there, or a link in its place, is left alone.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_MARKER, writeOutput } from '../../../src/core/node/export/output-writer';
import { listTree } from '../../helpers/file-tree';
import { withTempDir } from '../../helpers/temp-dir';

const page = [{ path: 'index.html', contents: 'home' }];

describe('the render cache of a Casebook 0.1 export', () => {
  it('is removed with its temp files and its folder by the next export', async () => {
    await withTempDir(async (out) => {
      await writeOutput(out, page, { format: 'site' });
      const cache = path.join(out, '.casebook-cache');
      await mkdir(cache);
      await writeFile(path.join(cache, 'site-render-v1-0.json'), '{}');
      await writeFile(path.join(cache, 'site-render-v1-f.json'), '{}');
      await writeFile(path.join(cache, '.casebook-tmp-site-render-v1-a.json-0123456789ab'), '{');
      await writeOutput(out, page, { format: 'site' });
      expect(await listTree(out)).toEqual([EXPORT_MARKER, 'index.html']);
    });
  });

  it('keeps what is not its own, and the folder holding it', async () => {
    await withTempDir(async (out) => {
      await writeOutput(out, page, { format: 'site' });
      const cache = path.join(out, '.casebook-cache');
      await mkdir(cache);
      await writeFile(path.join(cache, 'site-render-v1-0.json'), '{}');
      await writeFile(path.join(cache, 'site-render-v1-00.json'), 'not a name 0.1 wrote');
      await writeFile(path.join(cache, 'my-site-render-v1-0.json'), 'mine');
      await writeFile(path.join(cache, 'site-render-v1-0.json.bak'), 'mine');
      await writeFile(path.join(cache, '.casebook-tmp-notes.txt-0123456789ab'), 'mine');
      await mkdir(path.join(cache, 'site-render-v1-1.json')); // a folder under a cache file's name
      await writeOutput(out, page, { format: 'site' });
      expect(await listTree(out)).toEqual([
        '.casebook-cache/.casebook-tmp-notes.txt-0123456789ab',
        '.casebook-cache/my-site-render-v1-0.json',
        '.casebook-cache/site-render-v1-0.json.bak',
        '.casebook-cache/site-render-v1-00.json',
        EXPORT_MARKER,
        'index.html',
      ]);
      expect(await readFile(path.join(cache, 'site-render-v1-00.json'), 'utf8')).toBe('not a name 0.1 wrote');
    });
  });

  it('is left alone when a link stands in its place', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      const elsewhere = path.join(dir, 'elsewhere');
      await mkdir(elsewhere);
      await writeFile(path.join(elsewhere, 'site-render-v1-0.json'), '{}');
      await writeOutput(out, page, { format: 'site' });
      await symlink(elsewhere, path.join(out, '.casebook-cache'));
      await writeOutput(out, page, { format: 'site' });
      expect(await listTree(elsewhere)).toEqual(['site-render-v1-0.json']);
      expect(await listTree(out)).toEqual(['.casebook-cache', EXPORT_MARKER, 'index.html']);
    });
  });
});
