// The Undo toast after Move to trash: it covers no control (Trash and Site settings stay
// usable while it shows), and it leaves even while the pointer rests on it.
import type { Locator } from '@playwright/test';
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error('not on screen');
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

test.beforeEach(async ({ workspace }) => {
  await writeStudyFile(workspace, 'billing', 'When Nobody Owns the Cloud Bill');
  await writeStudyFile(workspace, 'queue', 'Choosing a queue');
});

test('the Undo toast covers neither Trash nor Site settings, and leaves while hovered', async ({ page, serve }) => {
  // The toast's own countdown (8 s) plus the bounded hold of a resting pointer (8 s).
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(await serve());
  await expect(page.getByRole('button', { name: 'New case study' })).toBeEnabled();
  await libraryEntry(page, 'Choosing a queue').focus();
  await page.keyboard.press('Delete');
  const toast = page.getByRole('status').filter({ hasText: 'Moved “Choosing a queue” to the trash' });
  await expect(toast).toBeVisible();

  const trash = page.getByRole('button', { name: 'Trash', exact: true });
  const settings = page.getByRole('button', { name: 'Site settings' });
  for (const control of [trash, settings]) {
    await control.scrollIntoViewIfNeeded();
    expect(await overlaps(toast, control)).toBe(false);
  }
  // A click reaches the button itself, not the toast over it.
  await settings.click();
  const dialog = page.getByRole('dialog', { name: 'Site settings' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();

  // The pointer resting on it holds the countdown for a bounded time only.
  await toast.hover();
  await expect(toast).toBeHidden({ timeout: 25_000 });
  // Undo is still there after: Trash → Restore.
  await trash.click();
  const deleted = page.getByRole('dialog', { name: 'Trash' }).getByRole('listitem');
  await expect(deleted.filter({ hasText: 'Choosing a queue' }).getByRole('button', { name: 'Restore' })).toBeVisible();
});
