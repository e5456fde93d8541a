// Screenshots of the Export dialog and the Preview, light and dark, for looking at them
// (test-results/shots/). Runs last in its file order ("zz"); asserts only what each shot shows.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../src/core/schemas/site';
import { makeStudy, PNG_ASSET, PNG_BYTES, richDoc, sampleSite } from '../site/sample-site';
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
    const study = makeStudy({
      id: 'cloud-bill',
      title: 'When Nobody Owns the Cloud Bill',
      slug: 'when-nobody-owns-the-cloud-bill',
      summary: 'How strategic consolidation and right-sizing reduced monthly costs',
      categories: ['Optimization & Migration Wins'],
      date: '2026-04-02',
      problem: richDoc(),
    });
    await writeFile(path.join(workspace, 'studies', 'cloud-bill.json'), JSON.stringify(study, null, 2));

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
      await expect(dialog.getByRole('status')).toHaveText(/^Exported 1 case study/);
      await page.screenshot({ path: path.join(shots, `export-done-${scheme}.png`) });
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
