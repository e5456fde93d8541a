// axe finds no accessibility violations on the index, a study page and a category page,
// in light and in dark colour schemes (contrast is checked against the scheme in use).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
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

const PAGES = [
  'index.html',
  'when-nobody-owns-the-cloud-bill/index.html',
  'category/optimization-and-migration-wins/index.html',
];

for (const scheme of ['light', 'dark'] as const) {
  for (const pagePath of PAGES) {
    test(`${pagePath} has no axe violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url + pagePath);
      await expect(page.locator('h1')).toHaveCount(1);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}

test('the axe check can fail: a page with an unlabelled image is reported', async ({ page }) => {
  await page.setContent(
    '<!DOCTYPE html><html lang="en"><title>t</title><main><h1>x</h1><img src="data:,"></main></html>',
  );
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toContain('image-alt');
});
