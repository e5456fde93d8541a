// Site settings: the text fields saved to casebook.json with mistakes shown beside their
// field, and the categories — rename follows into every study, reorder, delete with a prompt.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openProperties, openStudy, saveStatus, section, typeInSection } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

async function siteOnDisk(workspace: string) {
  return JSON.parse(await readFile(path.join(workspace, 'casebook.json'), 'utf8')).site;
}

function openSettings(page: Page) {
  return page
    .getByRole('button', { name: 'Site settings' })
    .click()
    .then(() => page.getByRole('dialog', { name: 'Site settings' }));
}

/** The values of the text boxes, in order. */
function valuesOf(boxes: Locator): Promise<string[]> {
  return boxes.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
}

test.beforeEach(async ({ workspace }) => {
  await writeStudyFile(workspace, 'outage', 'The day the queue filled up', { categories: ['Failure Analysis'] });
});

test('the tagline is saved; an invalid base URL is refused beside its field', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  const settings = await openSettings(page);
  const tagline = settings.getByRole('textbox', { name: 'Tagline' });
  await expect(tagline).toHaveValue('Real systems. Real decisions. Real outcomes.');
  await tagline.fill('Postmortems worth reading');
  // Saved as typed: no Save button, the state says so.
  await expect(settings.getByRole('status')).toHaveText('Settings saved');
  expect((await siteOnDisk(workspace)).tagline).toBe('Postmortems worth reading');

  const baseUrl = settings.getByRole('textbox', { name: 'Base URL' });
  await baseUrl.fill('ftp://example.com');
  await expect(baseUrl).toHaveAccessibleDescription(/Base URL must be an http\(s\) URL/);
  await expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.getByRole('status')).toHaveText('Not saved: fix the marked field');
  expect((await siteOnDisk(workspace)).baseUrl).toBe('');

  // Close asks before dropping the value that cannot be saved.
  await settings.getByRole('button', { name: 'Close' }).last().click();
  const question = settings.getByRole('alert');
  await expect(question).toContainText('Base URL is not valid');
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(settings).toBeVisible();
  await expect(baseUrl).toHaveValue('ftp://example.com');
  await settings.getByRole('button', { name: 'Close' }).last().click();
  await settings.getByRole('button', { name: 'Close without saving it' }).click();
  await expect(settings).toBeHidden();

  // Opened again, the dialog shows what is on disk.
  const again = await openSettings(page);
  await expect(again.getByRole('textbox', { name: 'Tagline' })).toHaveValue('Postmortems worth reading');
});

test('text typed into the settings is kept when Close comes before the autosave pause', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  const settings = await openSettings(page);
  await settings.getByRole('textbox', { name: 'Title', exact: true }).fill('Field notes');
  await settings.getByRole('textbox', { name: 'Author', exact: true }).fill('Ana Lima');
  await settings.getByRole('button', { name: 'Close' }).last().click();
  await expect(settings).toBeHidden();
  expect(await siteOnDisk(workspace)).toMatchObject({ title: 'Field notes', author: 'Ana Lima' });
  const again = await openSettings(page);
  await expect(again.getByRole('textbox', { name: 'Author', exact: true })).toHaveValue('Ana Lima');

  // Escape closes the same way, and Mod-S saves at once without leaving the dialog.
  await again.getByRole('textbox', { name: 'Author', exact: true }).fill('Ana M. Lima');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(again.getByRole('status')).toHaveText('Settings saved');
  await again.getByRole('textbox', { name: 'Title', exact: true }).fill('Field notes, revised');
  await page.keyboard.press('Escape');
  await expect(again).toBeHidden();
  expect(await siteOnDisk(workspace)).toMatchObject({ title: 'Field notes, revised', author: 'Ana M. Lima' });
});

test('renaming a category renames it in the study that uses it', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  await openStudy(page, 'The day the queue filled up');
  await openProperties(page);
  await expect(page.getByRole('checkbox', { name: 'Failure Analysis' })).toBeChecked();

  const settings = await openSettings(page);
  await settings.getByRole('textbox', { name: 'Name of Failure Analysis' }).fill('Incidents');
  await settings.getByRole('button', { name: 'Rename Failure Analysis' }).click();
  await expect(settings.getByRole('textbox', { name: 'Name of Incidents' })).toHaveValue('Incidents');
  await settings.getByRole('button', { name: 'Close' }).last().click();

  await expect(page.getByRole('checkbox', { name: 'Incidents' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Failure Analysis' })).toHaveCount(0);
  const [study] = await studiesOnDisk(workspace);
  expect(study!.categories).toEqual(['Incidents']);
  expect((await siteOnDisk(workspace)).categories).toContain('Incidents');
});

test('categories reorder with Move up, are added, and deleting one names the studies using it', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  const settings = await openSettings(page);
  const names = settings.getByRole('list', { name: 'Categories' }).getByRole('textbox');
  await expect
    .poll(() => valuesOf(names))
    .toEqual(['Optimization & Migration Wins', 'Failure Analysis', 'Architecture & Design']);

  await settings.getByRole('button', { name: 'Move Architecture & Design up' }).click();
  await expect
    .poll(() => valuesOf(names))
    .toEqual(['Optimization & Migration Wins', 'Architecture & Design', 'Failure Analysis']);
  expect((await siteOnDisk(workspace)).categories).toEqual([
    'Optimization & Migration Wins',
    'Architecture & Design',
    'Failure Analysis',
  ]);

  await settings.getByRole('textbox', { name: 'New category' }).fill('Cost Stories');
  await settings.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(names).toHaveCount(4);

  // Dragged by its handle onto the first row, the new category moves to the top.
  const rows = settings.getByRole('list', { name: 'Categories' }).getByRole('listitem');
  await rows.nth(3).locator('.drag-handle').dragTo(rows.nth(0));
  await expect
    .poll(() => valuesOf(names))
    .toEqual(['Cost Stories', 'Optimization & Migration Wins', 'Architecture & Design', 'Failure Analysis']);

  await settings.getByRole('button', { name: 'Delete Failure Analysis' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete category?' });
  await expect(confirm).toContainText('1 study uses “Failure Analysis”');
  await expect(confirm.getByRole('listitem')).toHaveText(['The day the queue filled up']);
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect
    .poll(() => valuesOf(names))
    .toEqual(['Cost Stories', 'Optimization & Migration Wins', 'Architecture & Design']);
  const [study] = await studiesOnDisk(workspace);
  expect(study!.categories).toEqual([]);
});

test('saving the settings or adding a category keeps the open study’s editor and its undo history', async ({
  page,
  serve,
}) => {
  await page.goto(await serve());
  await openStudy(page, 'The day the queue filled up');
  await openProperties(page);
  await typeInSection(page, 'Lessons', 'Alert on queue depth');
  await expect(saveStatus(page)).toHaveText('Saved');

  const settings = await openSettings(page);
  await settings.getByRole('textbox', { name: 'Tagline' }).fill('Postmortems worth reading');
  await expect(settings.getByRole('status')).toHaveText('Settings saved');
  await settings.getByRole('textbox', { name: 'New category' }).fill('Reliability');
  await settings.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(settings.getByRole('textbox', { name: 'Name of Reliability' })).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).last().click();

  // The editor was not rebuilt: the new category is offered, and undo still reaches the typing.
  await expect(page.getByRole('checkbox', { name: 'Reliability' })).toBeVisible();
  const lessons = section(page, 'Lessons');
  await expect(lessons).toContainText('Alert on queue depth');
  await lessons.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(lessons).not.toContainText('Alert on queue depth');
});

test('Close does not drop typed text whose save failed: it asks first', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  const settings = await openSettings(page);
  const tagline = settings.getByRole('textbox', { name: 'Tagline' });
  await expect(tagline).toHaveValue('Real systems. Real decisions. Real outcomes.');
  // A newer Casebook (another machine, synced) rewrote casebook.json: this one may not save it.
  const file = path.join(workspace, 'casebook.json');
  const json = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, JSON.stringify({ ...json, schemaVersion: 99 }));
  await tagline.fill('Postmortems worth reading');
  await settings.getByRole('button', { name: 'Close' }).last().click();

  const question = settings.getByRole('alert');
  await expect(question).toContainText('could not be saved');
  await expect(settings.getByRole('status')).toContainText('Not saved');
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(tagline).toHaveValue('Postmortems worth reading');
  await settings.getByRole('button', { name: 'Close' }).last().click();
  await settings.getByRole('button', { name: 'Close without saving them' }).click();
  await expect(settings).toBeHidden();
});
