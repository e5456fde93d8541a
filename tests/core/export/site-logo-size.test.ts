// The logo in every page's header carries the width its proportions give at the header's
// 32 px, so the browser reserves its box before it loads (no layout shift; Lighthouse's
// "unsized images"); a logo whose header gives no size keeps its height only; and no page
// remembered from an earlier export (the page memo, the incremental export's snapshot) keeps
// the width of a logo the site no longer shows.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { rootOf } from '../../../src/core/pure/export/site-layout';
import { exportSite, workspaceWith } from '../../helpers/incremental-export';
import { sampleStudy } from '../../helpers/study-files';
import { withTempDir } from '../../helpers/temp-dir';
import { readSampleAsset, sampleSite, sampleStudies } from '../../site/sample-site';

/** A PNG of that size, stored as the workspace stores it: named by the SHA-256 of its bytes. */
function storedPng(width: number, height: number, bytes?: Uint8Array) {
  const png =
    bytes ??
    new Uint8Array(
      new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"/>`).render().asPng(),
    );
  const hash = createHash('sha256').update(png).digest('hex');
  return { src: `assets/${hash}.png`, file: `${hash}.png`, bytes: png };
}

/** A 300×100 PNG with an eXIf chunk turning it a quarter: browsers differ in whether they do. */
function turnedPng() {
  const plain = storedPng(300, 100).bytes;
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
  const chunk = [0, 0, 0, tiff.length, ...[...'eXIf'].map((c) => c.charCodeAt(0)), ...tiff, 0, 0, 0, 0];
  return storedPng(0, 0, Uint8Array.from([...plain.slice(0, 33), ...chunk, ...plain.slice(33)]));
}

const logoTag = (html: string) => /<img class="site-logo"[^>]*>/.exec(html)?.[0] ?? null;

/** One page of each kind the site has. */
const PAGE_KINDS = {
  home: 'index.html',
  study: 'when-nobody-owns-the-cloud-bill/index.html',
  category: 'category/security/index.html',
  tag: 'tag/aws/index.html',
  tags: 'tag/index.html',
  author: 'author/dana-kim/index.html',
  archive: 'archive/index.html',
  search: 'search/index.html',
  notFound: '404.html',
};

function exportWith(logo: ReturnType<typeof storedPng>, memory?: ExportMemory, bytesAtSrc = logo.bytes) {
  const result = siteExport({
    // Without a base URL the 404 page links relatively too: every page's root is rootOf(path).
    site: sampleSite({ logo: logo.src, baseUrl: '' }),
    studies: sampleStudies(),
    readAsset: (src) => (src === logo.src ? bytesAtSrc : readSampleAsset(src)),
    drafts: false,
    memory,
  });
  const pages = new Map(
    result.files.filter((f) => f.path.endsWith('.html')).map((f) => [f.path, String(f.contents)] as const),
  );
  return { pages, warnings: result.warnings, assets: result.files.map((f) => f.path) };
}

describe('the logo’s size in the header', () => {
  it('is 128×32 for a 400×100 logo on every kind of page, from that page’s root', () => {
    const logo = storedPng(400, 100);
    const { pages, assets } = exportWith(logo);
    expect(assets).toContain(`assets/img/${logo.file}`);
    for (const page of Object.values(PAGE_KINDS)) expect(pages.has(page), page).toBe(true);
    for (const [page, html] of pages) {
      expect(logoTag(html), page).toBe(
        `<img class="site-logo" src="${rootOf(page)}assets/img/${logo.file}" alt="" width="128" height="32">`,
      );
    }
  });

  it('keeps only the height for a logo whose header gives no size the browser surely shows', () => {
    const logo = turnedPng();
    const { pages, warnings } = exportWith(logo);
    expect(warnings.filter((w) => w.startsWith('Site logo'))).toEqual([]);
    for (const page of Object.values(PAGE_KINDS)) {
      expect(logoTag(pages.get(page)!), page).toBe(
        `<img class="site-logo" src="${rootOf(page)}assets/img/${logo.file}" alt="" height="32">`,
      );
    }
  });

  it('is nowhere, with no warning about it, when the site has no logo', () => {
    const result = siteExport({
      site: sampleSite(),
      studies: sampleStudies(),
      readAsset: readSampleAsset,
      drafts: false,
    });
    expect(result.warnings.filter((w) => w.startsWith('Site logo'))).toEqual([]);
    for (const file of result.files) expect(String(file.contents), file.path).not.toContain('site-logo');
  });
});

describe('a page remembered from an earlier export', () => {
  const study = PAGE_KINDS.study;

  it('takes the width of a new logo, not the one it was first drawn with', () => {
    const memory = new ExportMemory();
    expect(logoTag(exportWith(storedPng(400, 100), memory).pages.get(study)!)).toContain('width="128"');
    expect(memory.pages.has(study)).toBe(true);
    const square = storedPng(100, 100);
    expect(logoTag(exportWith(square, memory).pages.get(study)!)).toBe(
      `<img class="site-logo" src="../assets/img/${square.file}" alt="" width="32" height="32">`,
    );
  });

  it('never keeps the width of a logo file swapped under the same name: the logo is left out', () => {
    const memory = new ExportMemory();
    const wide = storedPng(400, 100);
    exportWith(wide, memory);
    const { pages, warnings } = exportWith(wide, memory, storedPng(100, 100).bytes);
    expect(warnings.some((w) => w.startsWith('Site logo:') && w.includes('not the picture it was stored as'))).toBe(
      true,
    );
    for (const [page, html] of pages) expect(logoTag(html), page).toBeNull();
  });

  it('in a workspace export, as the app runs it again: a new logo, or a logo file swapped', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [sampleStudy(1, { status: 'published' })]);
      await mkdir(path.join(ws, 'assets'));
      const wide = storedPng(400, 100);
      const square = storedPng(100, 100);
      for (const logo of [wide, square]) await writeFile(path.join(ws, 'assets', logo.file), logo.bytes);
      const out = path.join(dir, 'out');
      const memory = new ExportMemory(); // the service keeps one per workspace
      const run = async (logo: string) => {
        const { report } = await exportSite(ws, out, { site: sampleSite({ logo }), allowErrors: true, memory });
        return { report, logo: logoTag(await readFile(path.join(out, 'study-1', 'index.html'), 'utf8')) };
      };
      expect((await run(wide.src)).logo).toContain('width="128"');
      expect((await run(square.src)).logo).toBe(
        `<img class="site-logo" src="../assets/img/${square.file}" alt="" width="32" height="32">`,
      );
      expect((await run(wide.src)).logo).toContain('width="128"');
      await writeFile(path.join(ws, 'assets', wide.file), square.bytes);
      const swapped = await run(wide.src);
      expect(swapped.logo).toBeNull();
      expect(swapped.report.warnings.some((w) => w.startsWith('Site logo:'))).toBe(true);
    }));
});
