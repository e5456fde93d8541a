// Defect: switching studies kept the previous study's scroll position and toolbar state. Each
// study opens at its top the first time, and where the author last was when they come back.
import { libraryEntry, section } from './casebook-page';
import { expect, test } from './casebook-server';
import { seedStudies } from './study-seed';

test('each study opens at its top, then where the author left it; the toolbar starts fresh', async ({
  page,
  serve,
  workspace,
}) => {
  await seedStudies(workspace);
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(await serve());
  await libraryEntry(page, 'Cutting the bill by 38% without a freeze').click();
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue('Cutting the bill by 38% without a freeze');

  // Far down in Decisions, with the cursor in a heading.
  const last = section(page, 'Decisions').getByText(/^Decision 12:/);
  await last.click();
  await page.keyboard.press('ControlOrMeta+Alt+3'); // Heading 3
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar.getByRole('button', { pressed: true })).toHaveCount(1);
  await expect(title).not.toBeInViewport();

  await libraryEntry(page, 'Sharding the orders table').click();
  await expect(title).toHaveValue('Sharding the orders table');
  await expect(title).toBeInViewport();
  await expect(toolbar.getByRole('button', { pressed: true })).toHaveCount(0);

  // Back: where the author was in that study.
  await libraryEntry(page, 'Cutting the bill by 38% without a freeze').click();
  await expect(title).toHaveValue('Cutting the bill by 38% without a freeze');
  await expect(last).toBeInViewport();
  await expect(title).not.toBeInViewport();
});
