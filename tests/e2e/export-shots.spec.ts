// Screenshots of the Export dialog and the Preview, light and dark, for looking at them
// (test-results/shots/); asserts only what each shot shows. Each test starts from its own
// workspace and export folder and writes only its own shot names (removed first, so a shot
// left by an earlier run never passes for this one's): it runs in any order, or alone.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../src/core/pure/schemas/site';
import { pathToFileURL } from 'node:url';
import { PNG_ASSET, PNG_BYTES, sampleSite, sampleStudies } from '../site/sample-site';
import { writeStudy } from '../helpers/study-files';
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';

const shots = path.resolve('test-results/shots');
const BLOCKED_WIDTHS = [1280, 390] as const;
const SHOT_NAMES = [
  'preview',
  'export-form',
  ...BLOCKED_WIDTHS.map((width) => `export-blocked-${width}`),
  'export-done',
  'exported-index',
  'export-error',
];

for (const scheme of ['light', 'dark'] as const) {
  test(`export dialog and preview, ${scheme}`, async ({ page, serve, workspace }) => {
    test.setTimeout(60_000); // seven screenshots, an export and its pages (35 s seen under load)
    await mkdir(path.join(workspace, 'assets'), { recursive: true });
    await mkdir(shots, { recursive: true });
    const shot = (name: string): string => path.join(shots, `${name}-${scheme}.png`);
    for (const name of SHOT_NAMES) await rm(shot(name), { force: true });
    await writeFile(path.join(workspace, PNG_ASSET), PNG_BYTES);
    await writeFile(
      path.join(workspace, 'casebook.json'),
      JSON.stringify({ schemaVersion: SCHEMA_VERSION, site: sampleSite({ baseUrl: '' }) }, null, 2),
    );
    for (const study of sampleStudies()) await writeStudy(workspace, study);

    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(await serve());
    await libraryEntry(page, 'When Nobody Owns the Cloud Bill').click();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.frameLocator('iframe[title="Preview"]').getByRole('heading', { level: 1 })).toHaveText(
      'When Nobody Owns the Cloud Bill',
    );
    await page.screenshot({ path: shot('preview') });

    const out = await mkdtemp(path.join(tmpdir(), 'casebook-shot-'));
    try {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('textbox', { name: 'Export folder' }).fill(path.join(out, 'site'));
      await page.screenshot({ path: shot('export-form') });
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      // The sample studies have publish errors: the refusal, at desktop and phone widths.
      const blocked = dialog.getByRole('alert');
      await expect(blocked).toContainText('Not exported: 6 studies have errors');
      for (const width of BLOCKED_WIDTHS) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
        // As when the refusal appears at this width: scrolled into the dialog's view.
        await blocked.getByRole('button', { name: 'Export anyway, with errors' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: shot(`export-blocked-${width}`) });
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      await blocked.getByRole('button', { name: 'Export anyway, with errors' }).click();
      await expect(dialog.getByRole('status')).toHaveText(/^Exported 6 case studies/);
      await page.screenshot({ path: shot('export-done') });
      // The site as a new user opens it: from disk, by the path the dialog shows.
      const start = await dialog.getByRole('textbox', { name: 'Site start page' }).inputValue();
      const site = await page.context().newPage();
      await site.emulateMedia({ colorScheme: scheme });
      await site.goto(pathToFileURL(start).href);
      await expect(site.getByRole('heading', { level: 2, name: 'Featured' })).toBeVisible();
      await site.screenshot({ path: shot('exported-index'), fullPage: true });
      await site.close();
      await writeFile(path.join(out, 'notes.txt'), 'mine');
      await dialog.getByRole('textbox', { name: 'Export folder' }).fill(out);
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      await page.screenshot({ path: shot('export-error') });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
}
