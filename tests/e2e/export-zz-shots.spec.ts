// Screenshots of the Export dialog and the Preview, light and dark, for looking at them
// (test-results/shots/). Runs last in its file order ("zz"); asserts only what each shot shows.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../src/core/pure/schemas/site';
import { pathToFileURL } from 'node:url';
import { PNG_ASSET, PNG_BYTES, sampleSite, sampleStudies } from '../site/sample-site';
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';

const shots = path.resolve('test-results/shots');

for (const scheme of ['light', 'dark'] as const) {
  test(`export dialog and preview, ${scheme}`, async ({ page, serve, workspace }) => {
    await mkdir(path.join(workspace, 'studies'), { recursive: true });
    await mkdir(path.join(workspace, 'assets'), { recursive: true });
    await mkdir(shots, { recursive: true });
    await writeFile(path.join(workspace, PNG_ASSET), PNG_BYTES);
    await writeFile(
      path.join(workspace, 'casebook.json'),
      JSON.stringify({ schemaVersion: SCHEMA_VERSION, site: sampleSite({ baseUrl: '' }) }, null, 2),
    );
    for (const study of sampleStudies()) {
      await writeFile(path.join(workspace, 'studies', `${study.id}.json`), JSON.stringify(study, null, 2));
    }

    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(await serve());
    await libraryEntry(page, 'When Nobody Owns the Cloud Bill').click();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.frameLocator('iframe[title="Preview"]').getByRole('heading', { level: 1 })).toHaveText(
      'When Nobody Owns the Cloud Bill',
    );
    await page.screenshot({ path: path.join(shots, `preview-${scheme}.png`) });

    const out = await mkdtemp(path.join(tmpdir(), 'casebook-shot-'));
    try {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('textbox', { name: 'Export folder' }).fill(path.join(out, 'site'));
      await page.screenshot({ path: path.join(shots, `export-form-${scheme}.png`) });
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      // The sample studies have publish errors: the refusal, at desktop and phone widths.
      const blocked = dialog.getByRole('alert');
      await expect(blocked).toContainText('Not exported: 6 studies have errors');
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
        // As when the refusal appears at this width: scrolled into the dialog's view.
        await blocked.getByRole('button', { name: 'Export anyway, with errors' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(shots, `export-blocked-${width}-${scheme}.png`) });
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      await blocked.getByRole('button', { name: 'Export anyway, with errors' }).click();
      await expect(dialog.getByRole('status')).toHaveText(/^Exported 6 case studies/);
      await page.screenshot({ path: path.join(shots, `export-done-${scheme}.png`) });
      // The site as a new user opens it: from disk, by the path the dialog shows.
      const start = await dialog.getByRole('textbox', { name: 'Site start page' }).inputValue();
      const site = await page.context().newPage();
      await site.emulateMedia({ colorScheme: scheme });
      await site.goto(pathToFileURL(start).href);
      await expect(site.getByRole('heading', { level: 2, name: 'Featured' })).toBeVisible();
      await site.screenshot({ path: path.join(shots, `exported-index-${scheme}.png`), fullPage: true });
      await site.close();
      await writeFile(path.join(out, 'notes.txt'), 'mine');
      await dialog.getByRole('textbox', { name: 'Export folder' }).fill(out);
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      await page.screenshot({ path: path.join(shots, `export-error-${scheme}.png`) });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
}
