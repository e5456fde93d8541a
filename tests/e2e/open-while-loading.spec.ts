// A study the author clicks while the workspace is still loading stays open: the load's own
// choice (the newest study) must not replace it when the listing comes back before it.
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

test('a study chosen while the workspace loads is not replaced by the newest one', async ({
  page,
  serve,
  workspace,
}) => {
  // The newest, which the load opens by itself.
  await writeStudyFile(workspace, 'first', 'Sharding the orders table', { updatedAt: '2026-11-20T10:00:00.000Z' });
  await writeStudyFile(workspace, 'second', 'Cutting the bill', { updatedAt: '2026-11-01T10:00:00.000Z' });
  // The workspace's listing is held until the author has clicked a study, and the study they
  // clicked arrives only after that listing: the order in which a slow disk races them.
  let listingDone: () => void = () => undefined;
  const listed = new Promise<void>((resolve) => (listingDone = resolve));
  let clicked: () => void = () => undefined;
  const chosen = new Promise<void>((resolve) => (clicked = resolve));
  await page.route('**/api/listStudies', async (route) => {
    await chosen;
    await route.continue();
    listingDone();
  });
  await page.route('**/api/getStudy', async (route) => {
    if (route.request().postData()?.includes('"second"')) await listed;
    await route.continue();
  });
  await page.goto(await serve());
  await libraryEntry(page, 'Cutting the bill').click();
  clicked();
  await listed;
  await page.waitForLoadState('networkidle');
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue('Cutting the bill');
  await libraryEntry(page, 'Sharding the orders table').click();
  await expect(title).toHaveValue('Sharding the orders table');
});
