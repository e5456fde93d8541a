// A long study page in the browser: its table of contents and heading links, code blocks with
// a language label and a copy button that copies (added by assets/site.js; the page reads the
// same without script), related studies, the 404 page — valid HTML, no axe violations in light
// and dark at 390 and 1280 px, and at 390 px code scrolls sideways, never the page.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import type { RichTextNode } from '../../src/core/pure/schemas/rich-text';
import { exportSite, serveFolder, type ExportedSite } from './exported-site';
import { doc, makeStudy, sampleSite, sampleStudies } from './sample-site';

const PAGE = 'a-long-migration/index.html';
const CODE =
  'function total(items) {\n\treturn items.reduce((a, b) => a + b, 0); // a comment long enough to need a horizontal scroll on a phone\n}';

const t = (text: string): RichTextNode => ({ type: 'text', text });
const h = (level: number, text: string): RichTextNode => ({ type: 'heading', attrs: { level }, content: [t(text)] });
const p = (text: string): RichTextNode => ({ type: 'paragraph', content: [t(text)] });
const para = (n: number) => p(`Paragraph ${n}. ${'We measured, changed one thing, and measured again. '.repeat(6)}`);

function longStudy() {
  return makeStudy({
    id: 'long',
    title: 'A Long Migration',
    slug: 'a-long-migration',
    summary: 'Moving 40 services off a shared database, one table at a time',
    categories: ['Optimization & Migration Wins'],
    tags: ['aws', 'cost'],
    date: '2026-02-01',
    updatedAt: '2026-03-15T09:00:00.000Z',
    metrics: [{ label: 'Deploy time', before: 45, after: 6, unit: 'min', better: 'lower' }],
    problem: doc(
      h(2, 'Where it started'),
      para(1),
      h(3, 'The shared database'),
      para(2),
      h(2, 'Where it started'),
      para(3),
    ),
    decisions: doc(
      h(2, 'Strangler pattern'),
      para(4),
      { type: 'codeBlock', attrs: { language: 'javascript' }, content: [t(CODE)] },
      { type: 'codeBlock', attrs: { language: null }, content: [t('plain <text> & more')] },
      para(5),
    ),
    tradeoffs: doc(h(2, 'What it cost'), para(6)),
    lessons: doc(h(2, 'What we would do again'), para(7)),
  });
}

let site: ExportedSite;
let server: Awaited<ReturnType<typeof serveFolder>>;

test.beforeAll(async () => {
  site = await exportSite(sampleSite({ baseUrl: '' }), [...sampleStudies(), longStudy()]);
  server = await serveFolder(site.dir);
});
test.afterAll(async () => {
  await server?.close();
  await site?.remove();
});

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const file of [PAGE, '404.html']) {
  test(`${file} is valid HTML`, async () => {
    const html = await readFile(path.join(site.dir, file), 'utf8');
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'long-title': 'off' },
    }).validateString(html, file);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)),
    ).toEqual([]);
  });
  for (const width of [390, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${file} has no axe violations at ${width} px (${scheme})`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(server.url + file);
        await expect(page.locator('h1')).toHaveCount(1);
        expect(await axe(page)).toEqual([]);
      });
    }
  }
}

test('the contents link to every section, and each heading has a named link to itself', async ({ page }) => {
  await page.goto(server.url + PAGE);
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('link')).toHaveText([
    'Key results',
    'Problem',
    'Where it started',
    'Where it started', // an editor H3 (h4 on the page) is linked from its heading, not listed
    'Decisions',
    'Strangler pattern',
    'Tradeoffs',
    'What it cost',
    'Lessons',
    'What we would do again',
  ]);
  await contents.getByRole('link', { name: 'Strangler pattern' }).click();
  await expect(page).toHaveURL(/#strangler-pattern$/);
  await expect(page.getByRole('heading', { name: 'Strangler pattern' })).toBeInViewport();
  await expect(page.getByRole('link', { name: 'Link to this section: The shared database' })).toHaveAttribute(
    'href',
    '#the-shared-database',
  );
  // The anchor link shows when focused, and names its heading.
  const anchor = page.getByRole('link', { name: 'Link to this section: Strangler pattern' });
  await expect(anchor).toHaveAttribute('href', '#strangler-pattern');
  await anchor.focus();
  await expect(anchor).toHaveCSS('opacity', '1');
  await expect(page.getByRole('link', { name: 'Link to this section: Where it started' })).toHaveCount(2);
  await expect(page.getByText(/^Updated March 15, 2026$/)).toBeVisible();
  const related = page.getByRole('region', { name: 'Related case studies' });
  await expect(related.getByRole('link')).toHaveCount(3);
});

test('a code block shows its language, and its copy button copies the code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await page.goto(server.url + PAGE);
  const buttons = page.getByRole('button', { name: 'Copy code' });
  await expect(buttons).toHaveCount(2); // also the block without a language
  await expect(page.locator('.code-block').first()).toContainText('javascript');
  await buttons.first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Code copied to the clipboard' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CODE);
  await expect(page.getByRole('button', { name: 'Copy code' })).toHaveCount(2); // the label comes back
});

test('at 390 px a long code line scrolls the code, never the page; tabs are 4 wide', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(server.url + PAGE);
  const pre = page.locator('pre').first();
  const sizes = await pre.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    tab: getComputedStyle(el).tabSize,
  }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
  expect(sizes.tab).toBe('4');
});

test('with JavaScript off the page reads the same, without copy buttons, from file://', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(site.dir, PAGE)).href);
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy code' })).toHaveCount(0);
  await expect(page.locator('pre').first()).toContainText('items.reduce');
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'What it cost' }).click();
  await expect(page.getByRole('heading', { name: 'What it cost' })).toBeInViewport();
  await context.close();
});

test('the 404 page links home, and its stylesheet loads', async ({ page }) => {
  await page.goto(server.url + '404.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: /Go to the home page/ }).click();
  await expect(page).toHaveURL(server.url + 'index.html');
});
