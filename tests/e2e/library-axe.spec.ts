// The library's new parts pass axe: the sidebar with search results and filters open, the
// publish checklist, and each dialog behind the sidebar.
// The parts on screen at once are checked in one analysis (each costs seconds under load).
import { axeViolations as violations } from './axe';
import { createStudy, openChecks, typeInSection } from './casebook-page';
import { expect, test } from './casebook-server';

test('sidebar, checklist and the library dialogs have no accessibility violations (axe)', async ({ page, serve }) => {
  test.setTimeout(60_000); // five axe analyses, each seconds long on a loaded two-core machine (34 s seen against 30)
  await page.goto(await serve());
  await createStudy(page, 'Sharding the orders table');
  await typeInSection(page, 'Lessons', 'Shard early, with jitter in the keys.');
  await page.getByRole('searchbox', { name: 'Search' }).fill('jitter');
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByRole('list', { name: 'Case studies' }).locator('mark')).toHaveText(['jitter']);
  await expect((await openChecks(page)).getByRole('listitem').first()).toBeVisible();
  expect(await violations(page, 'nav.library', 'section.checklist', 'footer.status-bar')).toEqual([]);

  for (const [button, dialog] of [
    ['New from template…', 'New case study'],
    ['Trash', 'Trash'],
    ['Site settings', 'Site settings'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    expect(await violations(page, 'dialog[open]'), dialog).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
  }

  await page.keyboard.press('ControlOrMeta+p');
  await expect(page.getByRole('dialog', { name: 'Quick open' }).getByRole('option')).toHaveCount(1);
  expect(await violations(page, 'dialog[open]')).toEqual([]);
});
