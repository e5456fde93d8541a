// Every exported study page, opened from the folder as a crawler would read it: its og:image
// names a PNG that is in the folder (a generated 1200×630 card, or the study's cover), and its
// JSON-LD parses as a BlogPosting. The study with a cover shows it, sized, with no layout shift.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { imageSize } from '../../src/core/pure/image-size';
import { exportSite, type ExportedSite } from './exported-site';
import { readSampleAsset, sampleSite, sampleStudies } from './sample-site';
import { isStudyPage } from './site-files';

const SHOTS = process.env.CASEBOOK_SHOTS_DIR;
const BASE = 'https://eng.example.com/cases/';

// A real photo-sized cover (1600×900), stored as the workspace stores images: by its hash.
const COVER_PNG = new Uint8Array(
  new Resvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#0a58ca"/><stop offset="1" stop-color="#116329"/></linearGradient></defs><rect width="1600" height="900" fill="url(#g)"/><circle cx="1200" cy="300" r="220" fill="#ffffff" opacity="0.25"/><rect x="160" y="560" width="900" height="60" rx="30" fill="#ffffff" opacity="0.3"/></svg>`,
    { font: { loadSystemFonts: false } },
  )
    .render()
    .asPng(),
);
const COVER_SRC = `assets/${createHash('sha256').update(COVER_PNG).digest('hex')}.png`;
const COVERED = 'when-nobody-owns-the-cloud-bill';

let site: ExportedSite;
test.beforeAll(async () => {
  const studies = sampleStudies().map((s) =>
    s.slug === COVERED ? { ...s, cover: { src: COVER_SRC, alt: 'Cost chart falling over six months' } } : s,
  );
  site = await exportSite(sampleSite(), studies, (src) => (src === COVER_SRC ? COVER_PNG : readSampleAsset(src)));
});
test.afterAll(async () => {
  await site?.remove();
});

const open = (page: Page, rel: string) => page.goto(pathToFileURL(path.join(site.dir, rel)).href);

test("every study page's og:image is a PNG in the folder, and its JSON-LD parses", async ({ page }) => {
  const studyPages = site.pages.filter(isStudyPage);
  expect(studyPages.length).toBeGreaterThan(3);
  for (const rel of studyPages) {
    await open(page, rel);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image, rel).toMatch(new RegExp(`^${BASE.replace(/\./g, '\\.')}assets/(cards|img)/`));
    const png = await readFile(path.join(site.dir, image!.slice(BASE.length)));
    const size = imageSize(png);
    if (rel === `${COVERED}/index.html`) expect(size).toEqual({ width: 1600, height: 900 });
    else expect(size, rel).toEqual({ width: 1200, height: 630 });
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const json = await page.locator('script[type="application/ld+json"]').textContent();
    const data = JSON.parse(json!) as Record<string, unknown>;
    expect(data['@type']).toBe('BlogPosting');
    expect(data.image).toBe(image);
    expect(data.headline).toBe(await page.getByRole('heading', { level: 1 }).textContent());
  }
});

test('the cover shows at the top of its study, sized before it loads, and axe finds nothing', async ({ page }) => {
  for (const [scheme, width] of [
    ['light', 1280],
    ['dark', 1280],
    ['light', 390],
    ['dark', 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, `${COVERED}/index.html`);
    const cover = page.getByRole('img', { name: 'Cost chart falling over six months' });
    await expect(cover).toBeVisible();
    const box = (await cover.boundingBox())!;
    // Its place is its aspect ratio at the column's width (16:9), whether or not it has loaded.
    expect(Math.abs(box.height - (box.width * 900) / 1600)).toBeLessThan(2);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `study-cover-${width}-${scheme}.png`), fullPage: false });
  }
});
