// The "Key results" figure of an exported study page, opened from disk as a reader would: an
// image named by its data, bars drawn to scale in the theme's colours (light, dark, print),
// the numbers as text beside it, and each listing's first metric under the summary.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { exportSite, type ExportedSite } from './exported-site';

const SHOTS = process.env.CASEBOOK_SHOTS_DIR;
const COST = 'Monthly IT cost: 10,250 \u2192 2,146 $/month, 79 % lower';
const PAGES_SHOWN = 'On-call pages: 12 \u2192 15 pages/month, 25 % higher';

let site: ExportedSite;
test.beforeAll(async () => {
  site = await exportSite();
});
test.afterAll(async () => {
  await site?.remove();
});

const open = (page: Page, rel: string) => page.goto(pathToFileURL(path.join(site.dir, rel)).href);

/** The drawn width and fill of a figure's after bar. */
const afterBar = (page: Page, name: string) =>
  page
    .getByRole('img', { name })
    .locator('rect.bar-after')
    .evaluate((rect) => ({ width: rect.getBoundingClientRect().width, fill: getComputedStyle(rect).fill }));

test('the study page opens with the figure, to scale, in the theme colours of light, dark and print', async ({
  page,
}) => {
  await open(page, 'when-nobody-owns-the-cloud-bill/index.html');
  const figure = page.getByRole('region', { name: 'Key results' });
  await expect(figure.getByRole('img')).toHaveCount(3);
  await expect(figure.getByRole('img', { name: COST })).toBeVisible();
  await expect(figure).toContainText('Before10,250 $/month');
  await expect(figure).toContainText('79 % lower · better');
  await expect(figure).toContainText('25 % higher · worse');
  // Above the first section.
  const top = async (name: string) => (await page.getByRole('heading', { name, level: 2 }).boundingBox())!.y;
  expect(await top('Key results')).toBeLessThan(await top('Problem'));

  // 2,146 of 10,250: the after bar is about a fifth of the before bar.
  const before = await page
    .getByRole('img', { name: COST })
    .locator('rect.bar-before')
    .evaluate((rect) => rect.getBoundingClientRect().width);
  const light = await afterBar(page, COST);
  expect(light.width / before).toBeCloseTo(2146 / 10250, 2);
  const worse = await afterBar(page, PAGES_SHOWN);
  expect(worse.fill).not.toBe(light.fill); // better and worse are told apart (and in words)

  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await afterBar(page, COST);
  expect(dark.fill).not.toBe(light.fill);
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  expect((await afterBar(page, COST)).fill).toBe(light.fill); // print keeps the light colours

  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [390, 1280]) {
        await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
        await page.setViewportSize({ width, height: 900 });
        await figure.scrollIntoViewIfNeeded();
        await figure.screenshot({ path: path.join(SHOTS, `site-figure-${width}-${scheme}.png`) });
      }
    }
  }
});

test('the index and category listings show each study\u2019s first metric under its summary', async ({ page }) => {
  for (const rel of ['index.html', 'category/optimization-and-migration-wins/index.html']) {
    await open(page, rel);
    const entry = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'When Nobody Owns the Cloud Bill' }) });
    await expect(entry.first()).toContainText('Monthly IT cost 10,250 \u2192 2,146 $/month \u00b7 \u221279 %');
    await expect(entry.first()).not.toContainText('Deploys per week');
  }
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [390, 1280]) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await open(page, 'category/optimization-and-migration-wins/index.html');
        await page.screenshot({ path: path.join(SHOTS, `site-listing-${width}-${scheme}.png`) });
      }
    }
  }
});
