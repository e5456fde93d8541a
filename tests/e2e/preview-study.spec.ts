// The Preview beside the editor: the current study as its published page, redrawn after each
// save, with its images inside, links that go nowhere, and nothing in it able to run.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createStudy, libraryEntry, openStudy, saveStatus, typeInSection } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudy, writeStudyFile } from '../helpers/study-files';

const preview = (page: Page) => page.frameLocator('iframe[title="Preview"]');

async function showPreview(page: Page) {
  const button = page.getByRole('button', { name: 'Preview', exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

test('shows the study as its page and follows each save', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'When Nobody Owns the Cloud Bill');
  await typeInSection(page, 'Problem', 'Nobody owned the monthly bill.');
  await showPreview(page);

  const frame = preview(page);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('When Nobody Owns the Cloud Bill');
  await expect(frame.getByRole('heading', { name: 'Problem', level: 2 })).toBeVisible();
  await expect(frame.getByText('Nobody owned the monthly bill.')).toBeVisible();
  await expect(frame.getByText('Draft', { exact: true })).toBeVisible(); // drafts are previewed, marked

  // An edit shows up once it is saved.
  await typeInSection(page, 'Lessons', 'Ownership beats dashboards.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(frame.getByRole('heading', { name: 'Lessons', level: 2 })).toBeVisible();
  await expect(frame.getByText('Ownership beats dashboards.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Who Owns the Cloud Bill?');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Who Owns the Cloud Bill?');

  // Another study: the preview follows the selection.
  await createStudy(page, 'The Queue That Ate Friday');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('The Queue That Ate Friday');
  await openStudy(page, 'Who Owns the Cloud Bill?');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Who Owns the Cloud Bill?');

  // Pressed again, it goes away.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.locator('iframe[title="Preview"]')).toHaveCount(0);
});

test('a hostile title is shown as text and runs nothing', async ({ page, serve }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(await serve());
  const hostile = '<img src=x onerror=alert(1)>';
  await createStudy(page, hostile);
  await typeInSection(page, 'Problem', '<script>alert(2)</script>');
  await showPreview(page);

  const frame = preview(page);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(hostile);
  await expect(frame.getByText('<script>alert(2)</script>')).toBeVisible();
  await expect(frame.locator('img')).toHaveCount(0);
  await expect(frame.locator('script')).toHaveCount(0);
  await page.waitForTimeout(500); // time for an onerror that should never fire
  expect(dialogs).toEqual([]);
  await expect(page.locator('iframe[title="Preview"]')).toHaveAttribute('sandbox', /^(?!.*allow-scripts)/);
});

test('shows workspace images inside the page, and its links go nowhere', async ({ page, serve, workspace }) => {
  // A 1×1 PNG stored as the app stores images, and a study that shows it and links out.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  const name = `${createHash('sha256').update(png).digest('hex')}.png`;
  await mkdir(path.join(workspace, 'assets'), { recursive: true });
  await writeFile(path.join(workspace, 'assets', name), png);
  const study = await writeStudyFile(workspace, 'cache-study', 'An Edge Cache for Everyone');
  study.problem = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'See ' },
          { type: 'text', text: 'the dashboard', marks: [{ type: 'link', attrs: { href: 'https://example.com/' } }] },
        ],
      },
      { type: 'image', attrs: { src: `assets/${name}`, alt: 'Latency chart' } },
    ],
  };
  await writeStudy(workspace, study);

  await page.goto(await serve());
  await libraryEntry(page, 'An Edge Cache for Everyone').click();
  await showPreview(page);
  const frame = preview(page);
  const image = frame.getByRole('img', { name: 'Latency chart' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const appUrl = page.url();
  await frame.getByText('the dashboard').click();
  await page.waitForTimeout(300);
  expect(page.url()).toBe(appUrl);
  const previewFrame = page.frames().find((f) => f !== page.mainFrame());
  expect(previewFrame?.url()).toBe('about:srcdoc');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('An Edge Cache for Everyone');
  await expect(frame.getByRole('link')).toHaveCount(0);
});

test('keeps the reader’s place when it redraws after a save', async ({ page, serve, workspace }) => {
  const study = await writeStudyFile(workspace, 'long-study', 'A Long Postmortem');
  const paragraph = (i: number) => ({ type: 'paragraph', content: [{ type: 'text', text: `Timeline entry ${i}.` }] });
  study.problem = { type: 'doc', content: Array.from({ length: 80 }, (_, i) => paragraph(i + 1)) };
  await writeStudy(workspace, study);

  await page.goto(await serve());
  await libraryEntry(page, 'A Long Postmortem').click();
  await showPreview(page);
  const frame = preview(page);
  await expect(frame.getByText('Timeline entry 80.')).toBeAttached();
  await frame.getByText('Timeline entry 40.').scrollIntoViewIfNeeded();
  const scrolled = () => frame.locator('html').evaluate(() => window.scrollY);
  const before = await scrolled();
  expect(before).toBeGreaterThan(300);

  await typeInSection(page, 'Lessons', 'Write the timeline as it happens.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(frame.getByText('Write the timeline as it happens.')).toBeAttached();
  expect(Math.abs((await scrolled()) - before)).toBeLessThan(5);
});
