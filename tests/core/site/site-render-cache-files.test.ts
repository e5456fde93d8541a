// The render cache's files: its entries spread over many small files (an export after one edit
// reads and rewrites only the few its sections fall in), and the sixteen larger files an older
// Casebook kept go at the next export.
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { RENDER_CACHE_DIR, RENDER_CACHE_FILES } from '../../../src/core/node/export/site-render-cache';
import { exportStudies } from '../../../src/core/node/workspace-export';
import { withTempDir } from '../../helpers/temp-dir';
import { PNG_ASSET, PNG_BYTES, sampleSite, sampleStudies } from '../../site/sample-site';

const sixteen = Array.from({ length: 16 }, (_, i) => `site-render-v2-${i.toString(16)}.json`);

describe('render cache files', () => {
  it('spread the sections over many files, and replace the sixteen an older Casebook kept', () =>
    withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      await mkdir(path.join(ws, 'assets'), { recursive: true });
      await writeFile(path.join(ws, PNG_ASSET), PNG_BYTES);
      const exportSite = () =>
        exportStudies(
          ws,
          sampleSite(),
          sampleStudies(),
          { format: 'site', outDir: path.join(dir, 'out'), drafts: false, allowErrors: true },
          new ExportMemory(),
        );
      await exportSite();
      const cacheDir = path.join(ws, RENDER_CACHE_DIR);
      const files = (await readdir(cacheDir)).filter((n) => RENDER_CACHE_FILES.includes(n));
      // The sample's ~20 rendered sections, by their keys' first digit: a file or two each.
      expect(files.length).toBeGreaterThan(8);

      // An older Casebook's files (their entries are valid, under names this one does not read).
      for (const [i, name] of sixteen.entries())
        await copyFile(path.join(cacheDir, files[i % files.length]!), path.join(cacheDir, name));
      await exportSite();
      const after = await readdir(cacheDir);
      expect(after.filter((n) => sixteen.includes(n))).toEqual([]);
      expect(after.filter((n) => RENDER_CACHE_FILES.includes(n)).sort()).toEqual([...files].sort());
    }));
});
