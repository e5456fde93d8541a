// Study actions from the library: duplicate, move to trash with Undo, and the Trash view
// (restore, and permanent delete after a confirmation naming the study).
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

async function studyAction(page: Page, title: string, action: 'Duplicate' | 'Move to trash'): Promise<void> {
  // The menu button shows on the entry under the pointer. Hovered again until it shows: an
  // entry re-drawn under a pointer that has not moved (the study opening at start) may not
  // count as hovered until the pointer moves, as an author's would.
  await expect(async () => {
    await page.mouse.move(0, 0); // off the list, so the hover below is a new entry of the pointer
    await libraryEntry(page, title).hover();
    await page.getByRole('button', { name: `More actions for ${title}` }).click({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page
    .getByRole('menu', { name: `Actions for ${title}` })
    .getByRole('menuitem', { name: action })
    .click();
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

test.beforeEach(async ({ workspace }) => {
  await writeStudyFile(workspace, 'billing', 'When Nobody Owns the Cloud Bill');
  await writeStudyFile(workspace, 'queue', 'Choosing a queue');
});

test('Move to trash removes the study; Undo in the toast brings it back', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  const list = page.getByRole('list', { name: 'Case studies' });
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await studyAction(page, 'Choosing a queue', 'Move to trash');
  await expect(libraryEntry(page, 'Choosing a queue')).toHaveCount(0);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const toast = page.getByRole('status').filter({ hasText: 'Moved “Choosing a queue” to the trash' });
  await expect(toast).toBeVisible();
  expect(await exists(path.join(workspace, 'studies', 'queue.json'))).toBe(false);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(libraryEntry(page, 'Choosing a queue')).toBeVisible();
  await expect(toast).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Choosing a queue');
  expect(await exists(path.join(workspace, 'studies', 'queue.json'))).toBe(true);
});

test('the Trash view restores a study, and deletes one for good only after confirming', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await expect(page.getByRole('list', { name: 'Case studies' }).getByRole('listitem')).toHaveCount(2);
  // Entries may show before the workspace is known to be writable; until then the actions are
  // off (as the disabled New button shows). Under load that took over the 5 s wait.
  await expect(page.getByRole('button', { name: 'New case study' })).toBeEnabled();
  // Delete on a focused entry moves it to the trash too, and the keyboard stays in the list.
  await libraryEntry(page, 'Choosing a queue').focus();
  await page.keyboard.press('Delete');
  await expect(libraryEntry(page, 'Choosing a queue')).toHaveCount(0);
  await expect(libraryEntry(page, 'When Nobody Owns the Cloud Bill')).toBeFocused();
  await studyAction(page, 'When Nobody Owns the Cloud Bill', 'Move to trash');
  await expect(libraryEntry(page, 'When Nobody Owns the Cloud Bill')).toHaveCount(0);

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  const deleted = trash.getByRole('list', { name: 'Deleted case studies' }).getByRole('listitem');
  await expect(deleted).toHaveCount(2);

  await deleted.filter({ hasText: 'Choosing a queue' }).getByRole('button', { name: 'Restore' }).click();
  await expect(deleted).toHaveCount(1);
  await expect(libraryEntry(page, 'Choosing a queue')).toBeVisible();

  // Permanent delete asks first; Cancel keeps the study in the trash.
  const bill = deleted.filter({ hasText: 'When Nobody Owns the Cloud Bill' });
  await bill.getByRole('button', { name: 'Delete permanently' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete permanently?' });
  await expect(confirm).toContainText('When Nobody Owns the Cloud Bill');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(deleted).toHaveCount(1);

  await bill.getByRole('button', { name: 'Delete permanently' }).click();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  const trashDir = path.join(workspace, '.trash');
  const left = (await exists(trashDir)) ? await readdir(trashDir) : [];
  expect(left.filter((f) => f.includes('billing'))).toEqual([]);
});

test('Duplicate (from the entry’s context menu by keyboard) makes a copy and opens it', async ({ page, serve }) => {
  await page.goto(await serve());
  const list = page.getByRole('list', { name: 'Case studies' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  // One button per study unless an entry is pointed at or focused.
  await expect(list.getByRole('button')).toHaveCount(2);
  // The entries' actions are off until the workspace is known to be writable (as the disabled
  // New button shows): under load, Shift+F10 pressed before that opened nothing.
  await expect(page.getByRole('button', { name: 'New case study' })).toBeEnabled();
  await libraryEntry(page, 'Choosing a queue').focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for Choosing a queue' });
  await expect(menu.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(libraryEntry(page, 'Choosing a queue (copy)')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Choosing a queue (copy)');
  await expect(libraryEntry(page, 'Choosing a queue')).toBeVisible();
});

test('the Undo toast leaves after about 8 seconds, but not while the pointer is on it', async ({ page, serve }) => {
  await page.clock.install();
  await page.goto(await serve());
  await studyAction(page, 'Choosing a queue', 'Move to trash');
  const toast = page.getByRole('status').filter({ hasText: 'Moved “Choosing a queue” to the trash' });
  await expect(toast).toBeVisible();

  await toast.hover();
  await page.clock.fastForward(10_000);
  await expect(toast).toBeVisible();

  await page.mouse.move(900, 400);
  await page.clock.fastForward(5_000);
  await expect(toast).toBeVisible();
  await page.clock.fastForward(3_500);
  await expect(toast).toBeHidden();
  await expect(libraryEntry(page, 'Choosing a queue')).toHaveCount(0);
});
