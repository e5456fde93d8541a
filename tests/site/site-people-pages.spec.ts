// The page kinds part A of the site v2 adds — a tag page, the tag index, an author page, the
// archive — and the index with its richer listings: valid HTML, no axe violations in light and
// dark at phone and desktop widths, no skipped heading level, and readable from file://
// (links resolve, the byline leads to the author). Screenshots for looking at them are taken
// when CASEBOOK_SHOTS names a folder.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { exportSite, serveFolder, type ExportedSite } from './exported-site';

let site: ExportedSite;
let server: Awaited<ReturnType<typeof serveFolder>>;

test.beforeAll(async () => {
  site = await exportSite();
  server = await serveFolder(site.dir);
});
test.afterAll(async () => {
  await server?.close();
  await site?.remove();
});

const PAGES = {
  index: 'index.html',
  tag: 'tag/aws/index.html',
  tags: 'tag/index.html',
  author: 'author/dana-kim/index.html',
  archive: 'archive/index.html',
  study: 'when-nobody-owns-the-cloud-bill/index.html',
};
const SHOTS = process.env.CASEBOOK_SHOTS;

test('the new pages are valid HTML with no skipped heading level', async () => {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
  for (const rel of Object.values(PAGES)) {
    const html = await readFile(path.join(site.dir, rel), 'utf8');
    const report = await validator.validateString(html, rel);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${rel} ${m.line}:${m.column} ${m.ruleId} ${m.message}`)),
    ).toEqual([]);
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0], rel).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `${rel} h${level}`).toBeLessThanOrEqual(1));
  }
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    test(`tag, tags, author, archive and index have no axe violations (${scheme}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const [kind, rel] of Object.entries(PAGES)) {
        await page.goto(server.url + rel);
        await expect(page.locator('h1')).toHaveCount(1);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${rel}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
        // Nothing wider than the screen (a long name or URL wraps).
        expect(await page.evaluate(() => document.documentElement.scrollWidth), rel).toBeLessThanOrEqual(width);
        if (SHOTS && kind !== 'study') {
          await mkdir(SHOTS, { recursive: true });
          await page.screenshot({ path: path.join(SHOTS, `${kind}-${width}-${scheme}.png`), fullPage: true });
        }
      }
    });
  }
}

test('from file://, a study’s byline and tags lead to their pages, and the footer to the archive', async ({ page }) => {
  const fileUrl = (rel: string) => pathToFileURL(path.join(site.dir, rel)).href;
  await page.goto(fileUrl(PAGES.study));
  await page.getByRole('link', { name: 'Dana Kim' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dana Kim');
  await expect(page.getByRole('img', { name: 'Portrait of Dana Kim' })).toBeVisible();
  await page.getByRole('link', { name: 'Rewriting Search Without a Freeze' }).click();
  await page.getByRole('navigation', { name: 'Tags' }).getByRole('link', { name: 'AWS' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AWS');
  await page.getByRole('link', { name: 'All tags' }).click();
  await expect(page.getByRole('link', { name: 'queues' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Browse' }).getByRole('link', { name: 'All case studies' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['2026', '2025', 'Undated']);
});
