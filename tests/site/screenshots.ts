// Screenshots of an exported sample site, for looking at the theme:
// `npx tsx tests/site/screenshots.ts [outDir]` (default /tmp/site-shots). Not a test.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumLaunchOptions } from '../chromium-launch';
import { exportSite } from './exported-site';
const outDir = process.argv[2] ?? '/tmp/site-shots';
mkdirSync(outDir, { recursive: true });
const site = await exportSite();
const browser = await chromium.launch(chromiumLaunchOptions());
const shots: Array<[string, string, 'light' | 'dark', number]> = [
  ['index.html', 'index-light', 'light', 1280],
  ['when-nobody-owns-the-cloud-bill/index.html', 'study-light', 'light', 1280],
  ['when-nobody-owns-the-cloud-bill/index.html', 'study-dark', 'dark', 1280],
  ['category/optimization-and-migration-wins/index.html', 'category-light', 'light', 1280],
  ['index.html', 'index-mobile-dark', 'dark', 390],
  ['index.html', 'index-mobile-light', 'light', 390],
  ['search/index.html?q=cost', 'search-light', 'light', 1280],
  ['search/index.html?q=lerned', 'search-typo-light', 'light', 1280],
  ['search/index.html?q=cost', 'search-dark', 'dark', 1280],
  ['search/index.html?q=cost', 'search-mobile-light', 'light', 390],
  ['search/index.html?q=cost', 'search-mobile-dark', 'dark', 390],
];
for (const [rel, name, scheme, width] of shots) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  const [file, query] = rel.split('?');
  await page.goto(pathToFileURL(path.join(site.dir, file!)).href + (query ? `?${query}` : ''));
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  await page.close();
}
const page = await browser.newPage();
await page.goto(pathToFileURL(path.join(site.dir, 'when-nobody-owns-the-cloud-bill/index.html')).href);
await page.emulateMedia({ media: 'print' });
await page.screenshot({ path: path.join(outDir, 'study-print.png'), fullPage: true });
await browser.close();
await site.remove();
