// The study form's cover image: picked from disk (stored in the workspace's assets/ like any
// image), its alt text written, shown in the Preview at the top of the page, and removed.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import path from 'node:path';
import { createStudy, openProperties, saveStatus } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { axeViolations } from './axe';

const PNG = Buffer.from(
  new Resvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="#0a58ca"/></svg>',
    {
      font: { loadSystemFonts: false },
    },
  )
    .render()
    .asPng(),
);
const SRC = `assets/${createHash('sha256').update(PNG).digest('hex')}.png`;

test('a cover is picked, described, previewed and removed', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  await createStudy(page, 'When Nobody Owns the Cloud Bill');
  await openProperties(page);

  await page.getByLabel('Cover image').setInputFiles({ name: 'cost-chart.png', mimeType: 'image/png', buffer: PNG });
  // Alt text starts from the file name; the author rewrites it.
  const alt = page.getByRole('textbox', { name: 'Cover alt text' });
  await expect(alt).toHaveValue('cost chart');
  await expect(page.getByRole('img', { name: 'cost chart' })).toBeVisible();
  await alt.fill('Monthly cost falling by a third');
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(existsSync(path.join(workspace, SRC))).toBe(true);
  const [saved] = await studiesOnDisk(workspace);
  expect(saved!.cover).toEqual({ src: SRC, alt: 'Monthly cost falling by a third' });
  expect(await axeViolations(page, 'form[aria-label="Case study details"]')).toEqual([]);
  const shots = process.env.CASEBOOK_SHOTS_DIR;
  if (shots) await page.locator('.cover-picker').screenshot({ path: path.join(shots, 'cover-control.png') });

  // The Preview shows it at the top of the page, with its alt text.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const frame = page.frameLocator('iframe[title="Preview"]');
  await expect(frame.getByRole('img', { name: 'Monthly cost falling by a third' })).toBeVisible();

  await page.getByRole('button', { name: 'Remove cover' }).click();
  await expect(page.getByLabel('Cover image')).toHaveAttribute('type', 'file');
  await expect(saveStatus(page)).toHaveText('Saved');
  expect((await studiesOnDisk(workspace))[0]!.cover).toBeNull();
});
