// A site exported from hostile input (script tags, event handlers, javascript:/data: links
// in every field) runs no script when opened in Chromium: no page sets the marker the
// payloads aim at, and no dialog opens.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportSite, type ExportedSite } from './exported-site';
import { hostileSite, hostileStudies } from './sample-site';
import { THEME_SCRIPT_SRC } from '../helpers/site-scripts';

let site: ExportedSite;
test.beforeAll(async () => {
  site = await exportSite(hostileSite(), hostileStudies());
});
test.afterAll(async () => {
  await site?.remove();
});

test('no hostile page runs a script', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  expect(site.pages.length).toBeGreaterThan(8);
  for (const rel of site.pages) {
    await page.goto(pathToFileURL(path.join(site.dir, rel)).href);
    await page.waitForLoadState('load');
    // give late handlers (image errors, lazy loads) a moment, and scroll everything into view
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(100);
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    expect(pwned, rel).toBeUndefined();
    expect(await page.locator('iframe, object, embed, svg:not(.metric-bars)').count(), rel).toBe(0);
    // The only scripts are the site's own files: no inline code.
    // JSON-LD is data a browser never runs (site-social-cards.spec.ts parses it).
    const scripts = await page
      .locator('script:not([type="application/ld+json"])')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('src') ?? ''} ${el.textContent ?? ''}`.trim()));
    expect(
      scripts.filter((s) => !THEME_SCRIPT_SRC.test(s)),
      rel,
    ).toEqual([]);
    // Each once: a script loaded twice would set every feature up twice (two copy buttons).
    expect(new Set(scripts).size, rel).toBe(scripts.length);
    // The only SVG is a key results figure of Casebook's own: shapes and a title, no handlers.
    const figureParts = await page
      .locator('svg.metric-bars *')
      .evaluateAll((els) => els.map((el) => [el.tagName, ...el.getAttributeNames()].join(' ')));
    expect(
      figureParts.filter((part) => !/^(rect|line|title)\b/.test(part) || / on/.test(part)),
      rel,
    ).toEqual([]);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).protocol));
    expect(
      hrefs.filter((p) => !['file:', 'http:', 'https:', 'mailto:'].includes(p)),
      rel,
    ).toEqual([]);
  }
  expect(dialogs).toEqual([]);
});

test('searching the hostile site shows its studies and runs none of their text', async ({ page }) => {
  const url = pathToFileURL(path.join(site.dir, 'search/index.html')).href;
  for (const q of ['pwned', 'script', 'iframe']) {
    await page.goto(`${url}?q=${q}`);
    await expect(page.getByRole('status')).toHaveText(/case stud(y|ies) found for/);
    await expect(page.getByRole('main').locator('mark').first()).toBeVisible();
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), q).toBeUndefined();
    expect(await page.getByRole('main').locator('script, img, iframe, svg').count(), q).toBe(0);
  }
});

test('the marker check can fail: an injected script is noticed', async ({ page }) => {
  await page.setContent('<img src="x" onerror="window.__pwned=1">');
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBe(1);
});
