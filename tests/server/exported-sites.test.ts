// "Open the site" in browser mode serves a site exported in this session, and nothing else:
// not a folder no export went to, not a path out of the folder, not a link leading out.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('serves files of a folder a site export went to, only inside it', async () => {
    await withTempDir(async (root) => {
      const site = path.join(root, 'site');
      const other = path.join(root, 'other');
      await mkdir(path.join(site, 'archive'), { recursive: true });
      await mkdir(other);
      await writeFile(path.join(site, 'index.html'), '<h1>Home</h1>');
      await writeFile(path.join(site, 'archive', 'index.html'), '<h1>All</h1>');
      await writeFile(path.join(other, 'secret.txt'), 'secret');
      await symlink(path.join(other, 'secret.txt'), path.join(site, 'linked.txt'));
      const sites = new ExportedSites();
      const url = (dir: string, page: string) => exportedSiteUrl(dir, page);

      expect(await sites.fileFor(url(site, 'index.html'))).toBeNull(); // not exported yet
      sites.noteResult('exportWorkspace', { ok: false });
      sites.noteResult('exportWorkspace', { ok: true, value: { format: 'markdown', outDir: other } });
      sites.noteResult('exportWorkspace', { ok: true, value: { format: 'site', outDir: site } });

      expect(await sites.fileFor(url(site, 'index.html'))).toBe(path.join(await realDir(site), 'index.html'));
      expect(await sites.fileFor(url(site, 'archive/'))).toBe(path.join(await realDir(site), 'archive', 'index.html'));
      expect(await sites.fileFor(url(other, 'secret.txt'))).toBeNull(); // a Markdown export is not served
      expect(await sites.fileFor(url(site, '../other/secret.txt'))).toBeNull();
      expect(await sites.fileFor(url(site, '%2e%2e/other/secret.txt'))).toBeNull();
      expect(await sites.fileFor(url(site, 'linked.txt'))).toBeNull();
      expect(await sites.fileFor(`${EXPORTED_SITE_ROUTE}${exportedSiteKey(root)}/other/secret.txt`)).toBeNull();
    });
  });
});

async function realDir(dir: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(dir);
}
