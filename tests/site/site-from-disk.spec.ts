// The exported folder works opened straight from disk: every relative link and image in
// every page resolves to a file, and a reader can go from the index to a study and back.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exportSite, type ExportedSite } from './exported-site';

let site: ExportedSite;
test.beforeAll(async () => {
  site = await exportSite();
});
test.afterAll(async () => {
  await site?.remove();
});

const fileUrl = (rel: string) => pathToFileURL(path.join(site.dir, rel)).href;

test('every relative link and image in every page resolves to a file of the export', async ({ page }) => {
  const missing: string[] = [];
  let checked = 0;
  for (const rel of site.pages) {
    await page.goto(fileUrl(rel));
    const urls = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[href], [src]')).map((el) =>
        el instanceof HTMLAnchorElement || el instanceof HTMLLinkElement ? el.href : (el as HTMLImageElement).src,
      ),
    );
    for (const url of urls.filter((u) => u.startsWith('file:'))) {
      checked++;
      const file = fileURLToPath(url.split('#')[0]!);
      // The header links the archive, part A's page of issue #14 (merged beside this part).
      if (file === path.join(site.dir, 'archive', 'index.html')) continue;
      if (!file.startsWith(site.dir + path.sep) || !existsSync(file)) missing.push(`${rel} → ${url}`);
    }
  }
  expect(checked).toBeGreaterThan(50);
  expect(missing).toEqual([]);
});

test('from file:// the index leads to a study and the header leads back home', async ({ page }) => {
  await page.goto(fileUrl('index.html'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Real systems. Real decisions. Real outcomes.');
  await page
    .getByRole('region', { name: 'Failure Analysis' })
    .getByRole('link', { name: 'The Queue That Ate Friday' })
    .click();
  await expect(page).toHaveURL(/the-queue-that-ate-friday\/index\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Queue That Ate Friday');
  // the stylesheet loaded from disk too
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.wrap')!).maxWidth)).not.toBe('none');
  await page.getByRole('link', { name: 'Acme Engineering' }).click();
  await expect(page).toHaveURL(/\/site\/index\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Real systems. Real decisions. Real outcomes.');
});

test('feed.xml and sitemap.xml are well-formed XML with absolute links', async ({ page }) => {
  await page.goto(fileUrl('index.html'));
  for (const [file, root, link] of [
    ['feed.xml', 'feed', 'entry > link'],
    ['sitemap.xml', 'urlset', 'url > loc'],
  ] as const) {
    const xml = readFileSync(path.join(site.dir, file), 'utf8');
    const parsed = await page.evaluate(
      ({ xml, link }) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const links = Array.from(doc.querySelectorAll(link)).map(
          (el) => el.getAttribute('href') ?? el.textContent ?? '',
        );
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.localName,
          links,
        };
      },
      { xml, link },
    );
    expect(parsed.error, file).toBeNull();
    expect(parsed.root).toBe(root);
    expect(parsed.links.length).toBeGreaterThan(3);
    for (const url of parsed.links) expect(url).toMatch(/^https:\/\/eng\.example\.com\/cases\//);
  }
});
