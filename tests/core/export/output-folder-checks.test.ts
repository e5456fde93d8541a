// Whether a folder may take an export, decided before anything is written: a marker that is
// not exactly what Casebook writes does not make a folder of the user's files Casebook's; a
// path a page may not have is refused with the reason; a link or file on the way is named.
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_MARKER, unsafeOutputPath, writeOutput } from '../../../src/core/node/export/output-writer';
import { outputFolderOutside } from '../../../src/core/node/export/output-paths';
import { listTree } from '../../helpers/file-tree';
import { casebookFailure } from '../../helpers/casebook-failure';
import { withTempDir } from '../../helpers/temp-dir';

const failure = casebookFailure;

const record = { path: 'index.html', size: 4, mtimeMs: 1, sha1: 'abc' };
const marker = (change: Record<string, unknown>) => ({ casebookExport: 1, format: 'site', files: [record], ...change });

describe('a marker Casebook did not write', () => {
  const forged: [string, unknown][] = [
    ['another version', marker({ casebookExport: 2 })],
    ['an unknown format', marker({ format: 'pdf' })],
    ['no file list', { casebookExport: 1, format: 'site' }],
    ['an empty path', marker({ files: [{ ...record, path: '' }] })],
    ['a path too long', marker({ files: [{ ...record, path: 'a'.repeat(4097) }] })],
    ['a negative size', marker({ files: [{ ...record, size: -1 }] })],
    ['a fractional size', marker({ files: [{ ...record, size: 1.5 }] })],
    ['a time that is not a number', marker({ files: [{ ...record, mtimeMs: 'yesterday' }] })],
    ['an empty hash', marker({ files: [{ ...record, sha1: '' }] })],
    ['a hash too long', marker({ files: [{ ...record, sha1: 'a'.repeat(101) }] })],
    ['a pending file without a hash', marker({ pending: [{ path: 'a.html', size: 1 }] })],
    ['a pending file with a negative size', marker({ pending: [{ path: 'a.html', size: -1, sha1: 'x' }] })],
    ['a pending file with an empty path', marker({ pending: [{ path: '', size: 1, sha1: 'x' }] })],
  ];
  for (const [what, contents] of forged) {
    it(`(${what}) does not make the user's folder an export`, async () => {
      await withTempDir(async (out) => {
        await writeFile(path.join(out, 'index.html'), 'mine');
        await writeFile(path.join(out, EXPORT_MARKER), JSON.stringify(contents));
        const err = await failure(writeOutput(out, [{ path: 'index.html', contents: 'home' }], { format: 'site' }));
        expect(err.message).toMatch(/is not a marker Casebook wrote/);
        expect(await listTree(out)).toEqual([EXPORT_MARKER, 'index.html']);
      });
    });
  }

  it('(a link to a real marker) does not make the folder an export either', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      await writeOutput(path.join(dir, 'real'), [{ path: 'index.html', contents: 'home' }], { format: 'site' });
      await mkdir(out);
      await writeFile(path.join(out, 'index.html'), 'mine');
      await symlink(path.join(dir, 'real', EXPORT_MARKER), path.join(out, EXPORT_MARKER));
      const err = await failure(writeOutput(out, [{ path: 'index.html', contents: 'home' }], { format: 'site' }));
      expect(err.message).toMatch(/is not a marker Casebook wrote/);
    });
  });

  it('is accepted, fully formed, with pending files', async () => {
    await withTempDir(async (out) => {
      await writeFile(path.join(out, 'index.html'), 'mine');
      const valid = marker({ pending: [{ path: 'a.html', size: 1, sha1: 'x' }] });
      await writeFile(path.join(out, EXPORT_MARKER), JSON.stringify(valid));
      const result = await writeOutput(out, [{ path: 'index.html', contents: 'home' }], { format: 'site' });
      expect(result.kept.map((k) => k.path)).toEqual(['index.html']);
    });
  });
});

describe('the output folder itself', () => {
  it('is refused when it is a file', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'site');
      await writeFile(out, 'a file');
      const err = await failure(writeOutput(out, [{ path: 'index.html', contents: 'home' }], { format: 'site' }));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toBe(`${out} is a file, not a folder; choose a folder to export into`);
    });
  });

  it('is named as it was given and as it really is when a link leads into the workspace', async () => {
    await withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      await mkdir(ws);
      await symlink(ws, path.join(dir, 'link'));
      const err = await failure(outputFolderOutside(path.join(dir, 'link', 'site'), ws));
      expect(err.message).toBe(
        `Choose an export folder outside the workspace: ${path.join(dir, 'link', 'site')} (really ${path.join(ws, 'site')}) and the workspace ${ws} overlap.`,
      );
      const inside = await failure(outputFolderOutside(path.join(ws, 'site'), ws));
      expect(inside.message).toBe(
        `Choose an export folder outside the workspace: ${path.join(ws, 'site')} and the workspace ${ws} overlap.`,
      );
      await expect(outputFolderOutside(path.join(dir, 'ws-site'), ws)).resolves.toBe(path.join(dir, 'ws-site'));
      // Several levels that do not exist yet, behind a link: resolved in their order.
      await mkdir(path.join(dir, 'ws-site'));
      await symlink(path.join(dir, 'ws-site'), path.join(dir, 'site-link'));
      await expect(outputFolderOutside(path.join(dir, 'site-link', 'a', 'b', 'c'), ws)).resolves.toBe(
        path.join(dir, 'ws-site', 'a', 'b', 'c'),
      );
    });
  });
});

describe('a link on the way to a page', () => {
  it('is named at its own level, not at a folder behind it', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      const elsewhere = path.join(dir, 'elsewhere');
      await mkdir(path.join(elsewhere, 'b'), { recursive: true });
      await writeFile(path.join(elsewhere, 'b', 'c'), 'a file behind the link');
      await writeOutput(out, [{ path: 'index.html', contents: 'home' }], { format: 'site' });
      await symlink(elsewhere, path.join(out, 'a'));
      const err = await failure(writeOutput(out, [{ path: 'a/b/c/index.html', contents: 'x' }], { format: 'site' }));
      expect(err.message).toMatch(/^a in the output folder is a link/);
      expect(await readdir(path.join(elsewhere, 'b'))).toEqual(['c']);
    });
  });
});

describe('a page path', () => {
  it('is refused with the reason a person can act on', () => {
    const cases: [unknown, string][] = [
      ['', 'it is empty'],
      [42, 'it is empty'],
      ['a\0b', 'it contains a NUL character'],
      ['a\\b', 'it contains a backslash'],
      ['a:b', 'it contains a colon (drive letters and streams are not allowed)'],
      ['/etc/passwd', 'it is absolute'],
      ['a\nb.html', 'it contains a control character'],
      ['a\u007fb.html', 'it contains a control character'],
      ['a/./b', 'it has an empty, "." or ".." segment'],
      ['a/', 'it has an empty, "." or ".." segment'],
      [`a/${'x'.repeat(256)}`, 'a name in it is longer than 255 characters'],
      [EXPORT_MARKER, 'it is the export marker'],
      ['.casebook-cache/site-render-v1-0.json', 'it is inside the old render cache folder'],
      ['a/.casebook-tmp-index.html-0123456789ab.tmp', 'a name in it starts with .casebook-tmp-'],
    ];
    for (const [rel, why] of cases) expect(unsafeOutputPath(rel as string), String(rel)).toBe(why);
    for (const ok of [`a/${'x'.repeat(255)}`, 'a/.casebook-export.json', 'docs/.casebook-cache/x', 'a b/ü.html']) {
      expect(unsafeOutputPath(ok), ok).toBeNull();
    }
  });
});
