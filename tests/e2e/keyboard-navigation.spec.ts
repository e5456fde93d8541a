// Keyboard: a skip link first, one Tab stop for the library list (arrows inside, Enter opens),
// Mod-S saves at once instead of the browser's Save Page, the tab names the open study, the
// shortcuts list shows every key of both tables, and the app has a favicon.
import { libraryEntry, openStudy, saveStatus } from './casebook-page';
import { axeViolations } from './axe';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

test.beforeEach(async ({ workspace }) => {
  await writeStudyFile(workspace, 'alpha', 'Alpha migration', { updatedAt: '2025-03-03T00:00:00.000Z' });
  await writeStudyFile(workspace, 'beta', 'Beta outage', { updatedAt: '2025-02-02T00:00:00.000Z' });
  await writeStudyFile(workspace, 'gamma', 'Gamma costs', { updatedAt: '2025-01-01T00:00:00.000Z' });
});

test('the library list is one Tab stop with arrows inside; a skip link leads to the editor', async ({
  page,
  serve,
}) => {
  await page.goto(await serve());
  await expect(libraryEntry(page, 'Beta outage')).toBeVisible();
  // The skip link's #main names a real target (axe skip-link, checked while it is off screen).
  expect((await axeViolations(page)).filter((v) => v.startsWith('skip-link'))).toEqual([]);
  // The first Tab of the page: the skip link, shown while focused.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to editor' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await openStudy(page, 'Beta outage');
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeFocused();

  // Tab into the list lands on the open study; Tab again leaves the list.
  await page.getByRole('combobox', { name: 'Sort' }).focus();
  await page.keyboard.press('Tab');
  await expect(libraryEntry(page, 'Beta outage')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(libraryEntry(page, 'Gamma costs')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(libraryEntry(page, 'Alpha migration')).toBeFocused();
  await page.keyboard.press('End');
  await expect(libraryEntry(page, 'Gamma costs')).toBeFocused();
  await page.keyboard.press('Tab');
  const list = page.getByRole('list', { name: 'Case studies' });
  await expect(page.locator(':focus')).toHaveCount(1);
  expect(await list.evaluate((el) => el.contains(document.activeElement))).toBe(false);
  // Back in, the list remembers where the author was; Enter opens that study.
  await page.keyboard.press('Shift+Tab');
  await expect(libraryEntry(page, 'Gamma costs')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Gamma costs');
  // Right reaches the entry's More actions button, Left comes back.
  await libraryEntry(page, 'Alpha migration').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'More actions for Alpha migration' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(libraryEntry(page, 'Alpha migration')).toBeFocused();
});

test('Mod-S saves now, the tab names the study, the shortcuts list has every key', async ({ page, serve }) => {
  await page.goto(await serve());
  await openStudy(page, 'Alpha migration');
  await expect(page).toHaveTitle('Alpha migration — Casebook');

  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await title.fill('Alpha migration, done');
  await expect(page).toHaveTitle('Alpha migration, done — Casebook');
  // The key is the window's: the browser never sees it (no Save Page dialog).
  await page.evaluate(() => {
    window.addEventListener('keydown', (e) => {
      if (e.key === 's') document.body.dataset.saveKeyHandled = String(e.defaultPrevented);
    });
  });
  await page.keyboard.press('ControlOrMeta+s');
  expect(await page.evaluate(() => document.body.dataset.saveKeyHandled)).toBe('true');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(libraryEntry(page, 'Alpha migration, done')).toBeVisible();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const isMac = process.platform === 'darwin';
  await expect(shortcuts.getByRole('row', { name: /^Quick open/ })).toContainText(isMac ? '⌘P' : 'Ctrl+P');
  await expect(shortcuts.getByRole('row', { name: /^Save now/ })).toContainText(isMac ? '⌘S' : 'Ctrl+S');
  await expect(shortcuts.getByRole('row', { name: /^Heading 3/ })).toContainText(isMac ? '⌘⌥3' : 'Ctrl+Alt+3');
  await expect(shortcuts.getByRole('row', { name: /^New case study/ })).toContainText(isMac ? '⌘N' : 'Ctrl+N');
});

test('the app serves its favicon and declares it', async ({ page, serve }) => {
  await page.goto(await serve());
  const icon = await page.request.get(new URL('/favicon.ico', page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/x-icon');
  expect((await icon.body()).length).toBeGreaterThan(100);
  const declared = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href'));
  expect(new URL(declared!, page.url()).pathname).toBe('/favicon.ico');
});
