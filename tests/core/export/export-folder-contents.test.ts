// The exported folder is ready to upload: the site's files and the export marker, nothing
// else — the render cache, receipts and snapshots live in the workspace's .casebook/, and no
// temp file is left — after a first export, an incremental one and one with nothing changed.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_MARKER } from '../../../src/core/node/export/output-writer';
import { listTree } from '../../helpers/file-tree';
import { exportSite, saveStudy, workspaceWith } from '../../helpers/incremental-export';
import { sampleStudy } from '../../helpers/study-files';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleSite } from '../../site/sample-site';

const SITE_FILE =
  /^(index\.html|404\.html|robots\.txt|feed\.xml|sitemap\.xml|assets\/(site\.css|site\.js|search-index\.js|favicon\.svg|fonts\/[a-z0-9-]+\.woff2|cards\/[0-9a-f]{32}\.png|img\/[0-9a-f]{64}\.[a-z]+)|[a-z0-9-]+\/index\.html|(category|tag|author)\/[a-z0-9-]+\/(index\.html|feed\.xml))$/;

describe('the exported folder', () => {
  it('holds only the site and its marker, and the caches are in the workspace', () =>
    withTempDir(async (dir) => {
      const studies = Array.from({ length: 10 }, (_, i) =>
        sampleStudy(i + 1, { status: 'published', categories: [`Area ${i % 2}`] }),
      );
      const ws = await workspaceWith(dir, studies);
      const out = path.join(dir, 'out');
      const site = sampleSite();
      const check = async () => {
        const files = await listTree(out);
        expect(files.filter((f) => f !== EXPORT_MARKER && !SITE_FILE.test(f))).toEqual([]);
        expect(files).toContain(EXPORT_MARKER);
        expect(files).toContain('404.html');
        expect(files).toContain('assets/site.js');
      };
      await exportSite(ws, out, { site, allowErrors: true });
      await check();
      await saveStudy(ws, { ...studies[3]!, summary: 'Edited' });
      const incremental = await exportSite(ws, out, { site, allowErrors: true });
      // Still incremental: the edited study and the pages listing it as related, not all ten.
      expect(incremental.read).toContain(studies[3]!.id);
      expect(incremental.read.length).toBeLessThan(studies.length);
      await check();
      await exportSite(ws, out, { site, allowErrors: true });
      await check();
      // The marker lists the site's files only (paths, sizes, hashes).
      const marker = JSON.parse(await readFile(path.join(out, EXPORT_MARKER), 'utf8')) as {
        files: Array<{ path: string }>;
      };
      expect(marker.files.map((f) => f.path).sort()).toEqual(
        (await listTree(out)).filter((f) => f !== EXPORT_MARKER).sort(),
      );
      // Derived data went to the workspace.
      const cache = await readdir(path.join(ws, '.casebook'));
      expect(cache.some((n) => n.startsWith('site-render-v2-'))).toBe(true);
    }));
});
