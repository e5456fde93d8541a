// The search box of the exported site, opened from file:// in Chromium: a word said only in
// one study's Lessons finds that study, a typo still finds it, and with JavaScript off the
// box leads to the archive. The results page passes axe (light and dark, 390 and 1280 px) and
// html-validate as the script leaves it.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { exportSite, serveFolder, type ExportedSite } from './exported-site';
import { sampleSite } from './sample-site';
import { LESSON_STUDY_TITLE, LESSON_WORD, studiesWithLesson } from './search-sample';

let site: ExportedSite;
let server: Awaited<ReturnType<typeof serveFolder>>;

test.beforeAll(async () => {
  site = await exportSite(sampleSite(), studiesWithLesson());
  server = await serveFolder(site.dir);
});
test.afterAll(async () => {
  await server?.close();
  await site?.remove();
});

const fileUrl = (rel: string) => pathToFileURL(path.join(site.dir, rel)).href;
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search case studies' });
const results = (page: Page) => page.getByRole('list').filter({ has: page.locator('.search-result') });

test('from file://, a word only one study has in its Lessons finds that study, linked with a marked snippet', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(fileUrl('when-nobody-owns-the-cloud-bill/index.html'));
  await searchBox(page).fill(LESSON_WORD);
  await searchBox(page).press('Enter');
  await expect(page).toHaveURL(/\/search\/index\.html\?q=quiescence$/);
  await expect(page.getByRole('status')).toHaveText(`1 case study found for “${LESSON_WORD}”`);
  const links = page.getByRole('main').getByRole('listitem').getByRole('link');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveText(LESSON_STUDY_TITLE);
  await expect(page.getByRole('main').locator('mark')).toHaveText(LESSON_WORD);
  await expect(page.getByRole('main').getByText('Lessons', { exact: true })).toBeVisible();
  await expect(searchBox(page)).toHaveValue(LESSON_WORD);
  await links.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_STUDY_TITLE);
  expect(errors).toEqual([]);
});

test('from file://, a one-letter typo still finds it, and the results follow the box as one types', async ({
  page,
}) => {
  await page.goto(`${fileUrl('search/index.html')}?q=quiesence`);
  const links = page.getByRole('main').getByRole('listitem').getByRole('link');
  await expect(links).toHaveText([LESSON_STUDY_TITLE]);
  await searchBox(page).fill('cloud');
  await expect(links).toHaveText(['When Nobody Owns the Cloud Bill']);
  await expect(page.getByRole('status')).toHaveText('1 case study found for “cloud”');
  await searchBox(page).fill('nothingmatchesthis');
  await expect(page.getByRole('status')).toHaveText('No case studies found for “nothingmatchesthis”');
  await expect(links).toHaveCount(0);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the search box leads to the archive, and the results page points there', async ({ page }) => {
    await page.goto(fileUrl('index.html'));
    await searchBox(page).fill(LESSON_WORD);
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL(/\/archive\/index\.html\?q=quiescence$/);
    await page.goto(fileUrl('search/index.html'));
    await page.getByRole('status').getByRole('link', { name: 'All case studies' }).click();
    await expect(page).toHaveURL(/\/archive\/index\.html$/);
  });
});

// The page as the script left it, serialized by the browser: it writes boolean attributes as
// defer="" (the exported file writes `defer`, checked by site-pages-are-valid-html.test.ts).
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'attribute-boolean-style': 'off' },
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    test(`the results page has no axe violations and is valid HTML as filled (${scheme}, ${width} px)`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}search/index.html?q=the`);
      await expect(page.getByRole('status')).toHaveText(/case studies found for “the”/);
      await expect(results(page).getByRole('link').first()).toBeVisible();
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      const report = await validator.validateString(await page.content(), 'search/index.html');
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
}
