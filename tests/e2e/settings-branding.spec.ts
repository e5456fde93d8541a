// Site settings → Branding: accent colour, body font, logo image and custom CSS file, saved to
// casebook.json as typed; the hint says which accent links get on light and dark
// pages; a custom CSS path outside the workspace is refused beside its field.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './casebook-server';
import { axeViolations } from './axe';
import { Resvg } from '@resvg/resvg-js';
import { createStudy } from './casebook-page';
import { PNG_BYTES, PNG_HASH } from '../site/sample-site';

/** A 400×100 logo: in the header it is 32 px high and 128 wide. */
const WIDE_PNG = new Resvg(
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100" fill="#0b6e4f"/></svg>',
  { font: { loadSystemFonts: false } },
)
  .render()
  .asPng();

async function siteOnDisk(workspace: string) {
  return JSON.parse(await readFile(path.join(workspace, 'casebook.json'), 'utf8')).site;
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Site settings' }).click();
  return page.getByRole('dialog', { name: 'Site settings' });
}

test('branding is saved: accent, font, logo and custom CSS; a path outside is refused', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  const settings = await openSettings(page);
  const accent = settings.getByLabel('Accent colour');
  await expect(accent).toHaveAccessibleDescription(/Links use #0a58ca on light pages/);
  await accent.fill('#ffcc00');
  // Yellow cannot be read on white: the hint says what links will use there.
  await expect(accent).toHaveAccessibleDescription(/adjusted to a contrast of 4\.5:1/);
  await settings.getByRole('combobox', { name: 'Body font' }).selectOption({ label: 'System serif' });
  await settings
    .getByLabel('Logo image')
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BYTES) });
  await expect(settings.getByRole('button', { name: 'Remove logo' })).toBeVisible();

  const css = settings.getByRole('textbox', { name: 'Custom CSS file' });
  await css.fill('../outside.css');
  await expect(css).toHaveAttribute('aria-invalid', 'true');
  await expect(css).toHaveAccessibleDescription(/Custom CSS must be a \.css file inside the workspace/);
  await expect(settings.getByRole('status')).toHaveText('Not saved: fix the marked field');
  expect((await siteOnDisk(workspace)).customCss ?? '').toBe('');

  await css.fill('theme/site.css');
  await expect(css).not.toHaveAttribute('aria-invalid', 'true');
  expect(await axeViolations(page, 'dialog')).toEqual([]);
  await expect(settings.getByRole('status')).toHaveText('Settings saved');
  expect(await siteOnDisk(workspace)).toMatchObject({
    accent: '#ffcc00',
    font: 'serif',
    logo: `assets/${PNG_HASH}.png`,
    customCss: 'theme/site.css',
  });

  // Opened again, the dialog shows what is on disk; the theme's accent can be restored.
  await settings.getByRole('button', { name: 'Close' }).last().click();
  const again = await openSettings(page);
  await expect(again.getByLabel('Accent colour')).toHaveValue('#ffcc00');
  await again.getByRole('button', { name: 'Use the theme’s accent' }).click();
  await expect(again.getByRole('status')).toHaveText('Settings saved');
  expect((await siteOnDisk(workspace)).accent).toBe('');
});

test('the logo shows in the Preview as the published header draws it: 32 px high, its own proportions', async ({
  page,
  serve,
}) => {
  await page.goto(await serve());
  const settings = await openSettings(page);
  await settings
    .getByLabel('Logo image')
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(WIDE_PNG) });
  await expect(settings.getByRole('status')).toHaveText('Settings saved');
  await settings.getByRole('button', { name: 'Close' }).last().click();

  await createStudy(page, 'When Nobody Owns the Cloud Bill');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.frameLocator('iframe[title="Preview"]');
  // The logo is decorative (alt="": the site title beside it is the name): the page header's image.
  const logo = frame.getByRole('banner').locator('img');
  await expect(logo).toBeVisible();
  // Loaded (its data: URL is allowed in the frame), in the box the site's branding gives it.
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
  // Polled as one read: the Preview may draw its page again meanwhile (a new img, no box until laid out).
  await expect
    .poll(async () => {
      const box = await logo.boundingBox();
      return box && [Math.round(box.width), Math.round(box.height)];
    })
    .toEqual([128, 32]);
});
