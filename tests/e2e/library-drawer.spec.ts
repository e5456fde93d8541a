// At 760 px or less the library is a drawer: the toolbar's Library button opens it with focus
// inside; Esc or choosing a study closes it and focus comes back. Properties works there too.
import { openProperties, propertiesPanel } from './casebook-page';
import { expect, test } from './casebook-server';
import { seedStudies } from './study-seed';

test('at 390 px the library is a drawer, reachable by keyboard and touch', async ({ page, serve, workspace }) => {
  await seedStudies(workspace);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(await serve());
  const library = page.getByRole('navigation', { name: 'Library' });
  const button = page.getByRole('button', { name: 'Library' });
  await expect(library).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Keyboard: open, focus inside, Esc closes and gives focus back.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(library).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(library.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(library).toBeHidden();
  await expect(button).toBeFocused();

  // Choosing a study closes the drawer and opens the study.
  await button.click();
  await library.getByRole('button', { name: 'Sharding the orders table' }).click();
  await expect(library).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Sharding the orders table');
  await expect(button).toBeFocused();

  // Properties is usable at this width: the fields are on screen and take edits.
  await openProperties(page);
  const outcome = page.getByRole('combobox', { name: 'Outcome' });
  await expect(outcome).toBeInViewport();
  await outcome.selectOption('failed');
  await propertiesPanel(page).getByRole('button', { name: 'Close properties' }).click();
  await expect(page.getByRole('button', { name: /^Draft/ })).toHaveText('Draft · Outcome: Failed');
});

test('the drawer also opens by touch and closes on the backdrop', async ({ browser, serve, workspace }) => {
  await seedStudies(workspace);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(await serve());
  await page.getByRole('button', { name: 'Library' }).tap();
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library).toBeVisible();
  await library.getByRole('button', { name: /^Cutting the bill/ }).tap();
  await expect(library).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(/^Cutting the bill/);
  await page.getByRole('button', { name: 'Library' }).tap();
  await expect(library).toBeVisible();
  // The backdrop right of the drawer.
  await page.touchscreen.tap(370, 400);
  await expect(library).toBeHidden();
  // Its own close button: the Library button is behind the open drawer.
  await page.getByRole('button', { name: 'Library' }).tap();
  await library.getByRole('button', { name: 'Close drawer' }).tap();
  await expect(library).toBeHidden();
  await expect(page.getByRole('button', { name: 'Library' })).toBeFocused();
  await context.close();
});
