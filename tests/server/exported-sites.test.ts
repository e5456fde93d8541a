// "Open the site" in browser mode serves a site exported in this session, and nothing else:
// only the files that export wrote, with the bytes it wrote — not a folder no export went to,
// not a path out of the folder, not a link, not a page or script added to the folder later
// (it would run on the app's origin, where it could read the session token).
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/core/node/export/output-writer';
import { EXPORTED_SITE_ROUTE, exportedSiteDir, exportedSiteKey, exportedSiteUrl } from '../../src/core/pure/transport';
import { ExportedSites } from '../../src/server/exported-sites';
import { withTempDir } from '../helpers/temp-dir';

describe('exported sites served back', () => {
  it('round-trips any folder path through its URL key', () => {
    for (const dir of ['/home/ana/Sites/casos', 'C:\\Users\\Zoë\\site', '/tmp/a b/ç/日本']) {
      expect(exportedSiteDir(exportedSiteKey(dir))).toBe(dir);
    }
    expect(exportedSiteDir('../etc')).toBeNull();
  });

  it('keys a folder by its path in base64url: no padding, no + or /, and refuses any other key', () => {
    // "/a>?" is 2F 61 3E 3F in UTF-8: its base64 is "L2E+Pw==".
    expect(exportedSiteKey('/a>?')).toBe('L2E-Pw');
    expect(exportedSiteKey('/ab?')).toBe('L2FiPw');
    expect(exportedSiteKey('/a?\xff')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(exportedSiteDir('L2E-Pw')).toBe('/a>?');
    for (const key of ['', 'L2E+Pw', 'L2E/Pw', 'L2E-Pw==', ' L2E-Pw', 'L2E-Pw ', 'L2E-P.w'])
      expect(exportedSiteDir(key), key).toBeNull();
    expect(exportedSiteDir('_w')).toBeNull(); // 0xFF: not UTF-8
    expect(exportedSiteDir('A')).toBeNull(); // not base64 of anything
  });

  it('serves the files a site export wrote, and nothing else in or out of the folder', async () => {
    await withTempDir(async (root) => {
      const site = path.join(root, 'site');
      const other = path.join(root, 'other');
      await writeOutput(
        site,
        [
          { path: 'index.html', contents: '<h1>Home</h1>' },
          { path: 'archive/index.html', contents: '<h1>All</h1>' },
          { path: 'assets/site.js', contents: 'void 0;' },
        ],
        { format: 'site', durable: false },
      );
      await mkdir(other);
      await writeFile(path.join(other, 'secret.txt'), 'secret');
      await symlink(path.join(other, 'secret.txt'), path.join(site, 'linked.txt'));
      const sites = new ExportedSites();
      const url = (dir: string, page: string) => exportedSiteUrl(dir, page);
      const text = async (page: string) => (await sites.fileFor(url(site, page)))?.bytes.toString('utf8') ?? null;

      expect(await text('index.html')).toBeNull(); // not exported through this server yet
      sites.noteResult('exportWorkspace', { ok: false });
      sites.noteResult('exportWorkspace', { ok: true, value: { format: 'markdown', outDir: other } });
      sites.noteResult('exportWorkspace', { ok: true, value: { format: 'site', outDir: site } });

      expect(await text('index.html')).toBe('<h1>Home</h1>');
      expect(await text('')).toBe('<h1>Home</h1>');
      expect(await text('archive/')).toBe('<h1>All</h1>');
      expect(await sites.fileFor(url(other, 'secret.txt'))).toBeNull(); // a Markdown export is not served
      expect(await text('../other/secret.txt')).toBeNull();
      expect(await text('%2e%2e/other/secret.txt')).toBeNull();
      expect(await text('linked.txt')).toBeNull();
      expect(await sites.fileFor(`${EXPORTED_SITE_ROUTE}${exportedSiteKey(root)}/other/secret.txt`)).toBeNull();

      // Added to the folder after the export, or changed there: never served on the app's origin.
      await writeFile(path.join(site, 'evil.html'), '<script src="evil.js"></script>');
      await writeFile(path.join(site, 'assets', 'site.js'), 'fetch("/api/deleteStudy");');
      expect(await text('evil.html')).toBeNull();
      expect(await text('assets/site.js')).toBeNull();
      expect(await text('index.html')).toBe('<h1>Home</h1>');
    });
  });
});
