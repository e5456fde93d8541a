// Exporting from the app in browser mode, as an author would: the Export dialog writes a
// static site or Markdown into a typed folder, says what it did, refuses a folder that holds
// someone else's files (leaving them alone), refuses studies with publish errors unless the
// author exports anyway, and remembers the folder of each format.
import { access, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createStudy, libraryEntry, openProperties, saveStatus, typeInSection } from './casebook-page';
import { axeViolations } from './axe';
import { exportedSiteUrl } from '../../src/core/pure/transport';
import { expect, studiesOnDisk, test } from './casebook-server';

let outRoot = '';
test.beforeEach(async () => {
  outRoot = await mkdtemp(path.join(tmpdir(), 'casebook-export-e2e-'));
});
test.afterEach(async () => {
  await rm(outRoot, { recursive: true, force: true });
});

const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog(page)).toBeVisible();
}

/** Presses "Export anyway" on the refusal that lists studies with publish errors. */
async function exportAnyway(page: Page) {
  const blocked = exportDialog(page).getByRole('alert').filter({ hasText: 'Not exported' });
  await blocked.getByRole('button', { name: 'Export anyway, with errors' }).click();
}

/** Fills the dialog and presses its Export button (then "Export anyway" when `anyway`). */
async function runExport(
  page: Page,
  options: { format?: 'Static site' | 'Markdown'; folder: string; drafts?: boolean; anyway?: boolean },
) {
  const dialog = exportDialog(page);
  await dialog
    .getByRole('radiogroup', { name: 'Format' })
    .getByRole('radio', { name: options.format ?? 'Static site' })
    .check();
  await dialog.getByRole('textbox', { name: 'Export folder' }).fill(options.folder);
  await dialog.getByRole('checkbox', { name: 'Include drafts' }).setChecked(options.drafts ?? false);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  if (options.anyway) await exportAnyway(page);
}

/** A published study typed into the app; returns its slug as saved. */
async function publishedStudy(page: Page, workspace: string, title: string, problem: string): Promise<string> {
  await createStudy(page, title);
  await expect(saveStatus(page)).toHaveText('Saved'); // the title is saved first, so the slug follows it
  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(`Summary of ${title}`);
  await openProperties(page);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('published');
  await typeInSection(page, 'Problem', problem);
  await expect(saveStatus(page)).toHaveText('Saved');
  return (await studiesOnDisk(workspace)).find((s) => s.title === title)!.slug;
}

test('exports the site from the dialog, with what was just typed, and reports it', async ({
  page,
  serve,
  workspace,
}) => {
  test.setTimeout(60_000); // two studies typed in, then three exports
  await page.goto(await serve());
  const first = await publishedStudy(page, workspace, 'When Nobody Owns the Cloud Bill', 'Nobody owned the bill.');
  const second = await publishedStudy(page, workspace, 'The Queue That Ate Friday', 'A retry storm filled the queue.');
  expect(first).toBe('when-nobody-owns-the-cloud-bill'); // pages live at addresses that read like the title
  await createStudy(page, 'Half-Written Draft');
  // Typed just before exporting, without waiting for the autosave: the export must hold it.
  await typeInSection(page, 'Problem', ' Then the retries doubled.');
  await libraryEntry(page, 'The Queue That Ate Friday').click();
  // Its save is held up on the way (a slow disk): the export must wait for it, not overtake it.
  await page.route('**/api/updateStudy', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await typeInSection(page, 'Lessons', 'Back off exponentially.');

  const out = path.join(outRoot, 'site');
  await openExport(page);
  await runExport(page, { folder: out });

  const dialog = exportDialog(page);
  // While it runs: progress, and no second export can be started.
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('Exporting 2 case studies…');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  // The studies have publish errors (no date, empty sections): nothing is written until the
  // author chooses to export anyway; each study and its errors are listed.
  const blocked = dialog.getByRole('alert');
  await expect(blocked).toContainText('Not exported: 2 studies have errors');
  await expect(blocked.getByRole('listitem').filter({ hasText: 'The Queue That Ate Friday' })).toContainText(
    'The Tradeoffs section is empty.',
  );
  await expect(access(out)).rejects.toThrow();
  await exportAnyway(page);
  await expect(dialog.getByRole('status')).toHaveText(
    /^Exported 2 case studies: \d+ files written, 0 unchanged, 0 removed$/,
  );
  await expect(dialog.getByText('No base URL set')).toBeVisible(); // the warning is listed
  await expect(dialog.getByText('Exported anyway with publish-check errors')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Site start page' })).toHaveValue(path.join(out, 'index.html'));
  await expect(dialog.getByRole('link', { name: 'Open the site' })).toBeVisible();

  const index = await readFile(path.join(out, 'index.html'), 'utf8');
  expect(index).toContain('When Nobody Owns the Cloud Bill');
  expect(index).toContain('The Queue That Ate Friday');
  expect(index).not.toContain('Half-Written Draft');
  expect(await readFile(path.join(out, first, 'index.html'), 'utf8')).toContain('Nobody owned the bill.');
  const queuePage = await readFile(path.join(out, second, 'index.html'), 'utf8');
  expect(queuePage).toContain('<h1>The Queue That Ate Friday</h1>');
  expect(queuePage).toContain('A retry storm filled the queue.');
  expect(queuePage).toContain('Back off exponentially.');

  // Exporting again changes nothing on disk, and says so.
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await exportAnyway(page);
  await expect(dialog.getByRole('status')).toHaveText(
    /^Exported 2 case studies: 0 files written, \d+ unchanged, 0 removed$/,
  );

  // With drafts, the draft gets a page too.
  await runExport(page, { folder: out, drafts: true, anyway: true });
  await expect(dialog.getByRole('status')).toHaveText(/^Exported 3 case studies: /);
  expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Half-Written Draft');

  // Escape closes the dialog and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
});

test('refuses a folder holding other files, says what to do, and leaves the files alone', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await publishedStudy(page, workspace, 'Rewriting Search Without a Freeze', 'Search was slow.');
  const out = path.join(outRoot, 'my-documents');
  await mkdir(out);
  await writeFile(path.join(out, 'notes.txt'), 'my own notes\n');

  await openExport(page);
  await runExport(page, { folder: out });
  const dialog = exportDialog(page);
  await expect(dialog.getByRole('alert')).toContainText('is not empty and was not made by a Casebook export');
  await expect(dialog.getByRole('alert')).toContainText('choose an empty folder or a previous export');
  await expect(dialog).toBeVisible();
  expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('my own notes\n');

  // A relative path is caught before anything runs, in the contract's own words.
  await runExport(page, { folder: 'site-out' });
  await expect(dialog.getByRole('alert')).toContainText('Give a full folder path');

  // Nothing stays stuck: an empty folder next to it works.
  await runExport(page, { folder: path.join(outRoot, 'fresh'), anyway: true });
  await expect(dialog.getByRole('status')).toHaveText(/^Exported 1 case study: /);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});

test('exports Markdown page bundles, and remembers the folder of each format', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  const slug = await publishedStudy(page, workspace, 'An Edge Cache for Everyone', 'Latency was uneven.');
  const siteOut = path.join(outRoot, 'site');
  const markdownOut = path.join(outRoot, 'markdown');

  await openExport(page);
  await runExport(page, { folder: siteOut, anyway: true });
  const dialog = exportDialog(page);
  await expect(dialog.getByRole('status')).toHaveText(/^Exported 1 case study: /);

  await runExport(page, { format: 'Markdown', folder: markdownOut, anyway: true });
  await expect(dialog.getByRole('status')).toHaveText(/^Exported 1 case study: /);
  await expect(dialog.getByRole('textbox', { name: 'Markdown folder' })).toHaveValue(markdownOut);
  const markdown = await readFile(path.join(markdownOut, slug, 'index.md'), 'utf8');
  expect(markdown).toMatch(/^---\n/);
  expect(markdown).toContain('title: "An Edge Cache for Everyone"');
  expect(markdown).toMatch(new RegExp(`^slug: "?${slug}"?$`, 'm'));
  expect(markdown).toContain('draft: false');
  expect(markdown).toMatch(/^## Problem\s+Latency was uneven\.$/m);

  // Each format keeps its own folder, also after a reload.
  await page.reload();
  await openExport(page);
  const folder = dialog.getByRole('textbox', { name: 'Export folder' });
  await expect(dialog.getByRole('radio', { name: 'Static site' })).toBeChecked();
  await expect(folder).toHaveValue(siteOut);
  await dialog.getByRole('radio', { name: 'Markdown' }).check();
  await expect(folder).toHaveValue(markdownOut);
});

test('the dialog has no accessibility violations, before and after an export (axe)', async ({
  page,
  serve,
  workspace,
}) => {
  // Two whole-page axe runs around a real export: 12 s on a quiet CI machine.
  test.setTimeout(60_000);
  await page.goto(await serve());
  await publishedStudy(page, workspace, 'Notes Without a Home', 'Nothing had a category.');
  await openExport(page);
  const axe = () => axeViolations(page, 'dialog');
  expect(await axe()).toEqual([]);
  await runExport(page, { folder: path.join(outRoot, 'site') });
  await expect(exportDialog(page).getByRole('alert')).toContainText('Not exported: 1 study has errors');
  expect(await axe()).toEqual([]); // the refusal, with its list and "Export anyway"
  await exportAnyway(page);
  await expect(exportDialog(page).getByRole('status')).toHaveText(/^Exported 1 case study/);
  expect(await axe()).toEqual([]);
  await runExport(page, { folder: 'relative/path' });
  await expect(exportDialog(page).getByRole('alert')).toBeVisible();
  expect(await axe()).toEqual([]);
});

test('will not export while an edit cannot be saved, and says why', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  await publishedStudy(page, workspace, 'The Queue That Ate Friday', 'A retry storm filled the queue.');
  // The study's file is taken away from under the app (a sync tool, a git checkout): saves fail.
  const [study] = await studiesOnDisk(workspace);
  const file = path.join(workspace, 'studies', `${study!.id}.json`);
  await rename(file, path.join(workspace, 'moved-away.json'));
  await typeInSection(page, 'Lessons', 'Back off exponentially.');
  await expect(saveStatus(page)).toContainText('Not saved');

  const out = path.join(outRoot, 'site');
  await openExport(page);
  await runExport(page, { folder: out });
  const alert = exportDialog(page).getByRole('alert');
  await expect(alert).toContainText('Your latest edits are not saved');
  await expect(alert).toContainText('Fix the save problem shown in the toolbar');
  await expect(access(out)).rejects.toThrow(); // nothing was written
});

test('after an export the actions stay in view, Open the site shows it, and recent folders are offered', async ({
  page,
  serve,
  workspace,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(await serve());
  await publishedStudy(page, workspace, 'Sharding the Ledger', 'Writes piled up on one node.');
  await publishedStudy(page, workspace, 'A Cache for the Catalogue', 'Reads were slow.');
  const first = path.join(outRoot, 'first-site');
  const second = path.join(outRoot, 'second-site');

  await openExport(page);
  const dialog = exportDialog(page);
  await runExport(page, { folder: first, anyway: true });
  await expect(dialog.getByRole('status')).toHaveText(/^Exported 2 case studies: /);
  // However long the report, Done and Export are on screen without scrolling.
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeInViewport({ ratio: 1 });

  // The local server shows the exported site itself (a browser tab cannot open the folder).
  const [site] = await Promise.all([
    page.waitForEvent('popup'),
    dialog.getByRole('link', { name: 'Open the site' }).click(),
  ]);
  await expect(site.getByRole('link', { name: 'Sharding the Ledger' }).first()).toBeVisible();
  await site.getByRole('link', { name: 'Sharding the Ledger' }).first().click();
  await expect(site.getByRole('heading', { level: 1, name: 'Sharding the Ledger' })).toBeVisible();
  // Only folders a site was exported to here: not any folder a URL names.
  const elsewhere = await site.request.get(new URL(exportedSiteUrl('/etc', 'passwd'), site.url()).href);
  expect(elsewhere.status()).toBe(404);
  await site.close();

  // The folder field offers the folders exported to lately.
  await runExport(page, { folder: second, anyway: true });
  await expect(dialog.getByRole('status')).toHaveText(/^Exported 2 case studies: /);
  const recent = dialog.getByRole('list', { name: 'Recent folders' });
  await expect(recent.getByRole('button')).toHaveText([first]);
  await recent.getByRole('button', { name: `Use ${first}` }).click();
  await expect(dialog.getByRole('textbox', { name: 'Export folder' })).toHaveValue(first);
  await expect(recent.getByRole('button')).toHaveText([second]);
  expect(await axeViolations(page, 'dialog')).toEqual([]);
});
