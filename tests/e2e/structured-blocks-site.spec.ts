// The structured parts from the author's workspace to the published folder, as a reader meets
// them: a real postmortem and a real migration (written in the public Markdown forms and imported
// with `casebook import`) open in the app, export from the Export dialog, and the pages opened
// from file:// show the decision's "Chosen" option, the key results figure named by its data and
// the timeline with its computed durations — axe clean in the app and on the pages, light and
// dark. Shots go to test-results/shots/ for looking at them.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { MIGRATION_MD, POSTMORTEM_MD } from '../fixtures/markdown/structured-studies';
import { axeViolations } from './axe';
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';

const shots = path.resolve('test-results/shots');

async function importStudies(workspace: string, scratch: string): Promise<void> {
  const sources = path.join(scratch, 'sources');
  await mkdir(sources, { recursive: true });
  await writeFile(path.join(sources, 'postmortem.md'), POSTMORTEM_MD);
  await writeFile(path.join(sources, 'migration.md'), MIGRATION_MD);
  execFileSync(process.execPath, ['bin/casebook.mjs', 'import', '--workspace', workspace, sources], { stdio: 'pipe' });
}

async function exportSite(page: Page, folder: string): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radiogroup', { name: 'Format' }).getByRole('radio', { name: 'Static site' }).check();
  await dialog.getByRole('textbox', { name: 'Export folder' }).fill(folder);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Exported 2 case studies/);
  const start = await dialog.getByRole('textbox', { name: 'Site start page' }).inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();
  return path.dirname(start);
}

const SCHEMES = ['light', 'dark'] as const;

test('decision records, key results and a timeline reach the published pages, light and dark', async ({
  page,
  serve,
  workspace,
}) => {
  // Imports, exports and runs axe on two pages in two schemes: 23 s on a quiet CI machine.
  test.setTimeout(90_000);
  const scratch = await mkdtemp(path.join(tmpdir(), 'casebook-structured-'));
  try {
    await mkdir(shots, { recursive: true });
    await importStudies(workspace, scratch);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(await serve());

    await libraryEntry(page, 'From self-managed Kubernetes to ECS').click();
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
      'From self-managed Kubernetes to ECS',
    );
    await expect(page.getByRole('region', { name: 'Decision record: Move from Kubernetes to ECS' })).toBeVisible();
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page, 'body'), scheme).toEqual([]);
      await page.screenshot({ path: path.join(shots, `structured-app-${scheme}.png`) });
    }

    const site = await exportSite(page, path.join(scratch, 'site'));
    const reader = await page.context().newPage();
    const open = (rel: string) => reader.goto(pathToFileURL(path.join(site, rel)).href);

    await open('from-self-managed-kubernetes-to-ecs/index.html');
    const record = reader.getByRole('region', { name: 'Decision: Move from Kubernetes to ECS' });
    await expect(record).toBeVisible();
    await expect(record.getByRole('listitem').filter({ hasText: 'Move to ECS on Fargate' }).first()).toContainText(
      'Chosen',
    );
    await expect(
      record.getByRole('listitem').filter({ hasText: 'Stay on self-managed Kubernetes' }).first(),
    ).not.toContainText('Chosen');
    await expect(
      reader.getByRole('img', { name: /^Monthly platform cost: 18,400 → 9,100 \$\/month, 51 % lower/ }),
    ).toBeVisible();
    for (const scheme of SCHEMES) {
      await reader.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(reader, 'body'), scheme).toEqual([]);
      await reader.screenshot({ path: path.join(shots, `structured-migration-${scheme}.png`), fullPage: true });
    }

    await open('the-tuesday-the-checkout-queue-stood-still/index.html');
    const timeline = reader.getByRole('figure', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem')).toHaveCount(5);
    await expect(timeline.getByRole('listitem').nth(1)).toContainText('14:21');
    await expect(timeline.getByRole('listitem').nth(1)).toContainText(/detected/i);
    await expect(timeline).toContainText(/time to detect\s*19\s*min/i);
    await expect(timeline).toContainText(/time to resolve\s*47\s*min/i);
    for (const scheme of SCHEMES) {
      await reader.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(reader, 'body'), scheme).toEqual([]);
      await reader.screenshot({ path: path.join(shots, `structured-postmortem-${scheme}.png`), fullPage: true });
    }

    await open('index.html');
    await expect(reader.getByRole('main')).toContainText(/Monthly platform cost\s+18,400 → 9,100 \$\/month · −51 %/);
    await reader.close();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
