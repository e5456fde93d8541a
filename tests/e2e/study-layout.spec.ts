// Writing first: a study opens on its title and summary (typed in place), one quiet line sums up
// its properties, then the four sections; the other fields live in the Properties panel,
// which the toolbar button, that line and Mod-Alt-P open, and Esc closes.
import { createStudy, openProperties, propertiesPanel, section, sectionNames } from './casebook-page';
import { expect, test } from './casebook-server';

test('a study opens on its title, summary and sections; the fields wait in Properties', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Sharding the orders table');

  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  const summary = page.getByRole('textbox', { name: 'Summary', exact: true });
  await expect(title).toBeVisible();
  // Enter at the end of the heading goes on to the summary, then into the first section.
  await title.press('End');
  await title.press('Enter');
  await expect(summary).toBeFocused();
  await expect(title).toHaveValue('Sharding the orders table');
  await page.keyboard.type('Split orders by customer');
  await page.keyboard.press('Enter');
  await expect(section(page, 'Problem')).toBeFocused();
  for (const name of sectionNames) await expect(section(page, name)).toBeVisible();

  // The fields are not in the way of writing until asked for.
  await expect(page.getByRole('combobox', { name: 'Status' })).toBeHidden();
  const line = page.getByRole('button', { name: /^Draft/ });
  await expect(line).toHaveText('Draft');
  await line.click();
  await expect(propertiesPanel(page)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status' })).toBeFocused();
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('succeeded');
  await page.getByLabel('Date').fill('2026-03-03');
  await expect(line).toHaveText('Draft · Outcome: Succeeded · 3 Mar 2026');

  // Esc closes it and puts focus back where the author was.
  await page.keyboard.press('Escape');
  await expect(propertiesPanel(page)).toBeHidden();
  await expect(line).toBeFocused();
  await expect(page.getByRole('button', { name: 'Properties', exact: true })).toHaveAttribute('aria-expanded', 'false');
});

test('Mod-Alt-P toggles Properties from the text; what was typed there stays', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Sharding the orders table');
  await section(page, 'Problem').click();
  await page.keyboard.press('ControlOrMeta+Alt+p');
  await expect(propertiesPanel(page)).toBeVisible();
  await page.getByRole('textbox', { name: 'Tags', exact: true }).fill('postgres, scale');
  await page.keyboard.press('ControlOrMeta+Alt+p');
  await expect(propertiesPanel(page)).toBeHidden();
  await expect(section(page, 'Problem')).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Saved');

  await openProperties(page);
  await expect(page.getByRole('textbox', { name: 'Tags', exact: true })).toHaveValue('postgres, scale');
  // Remembered open for the next study and after a reload.
  await page.reload();
  await page.getByRole('list', { name: 'Case studies' }).getByRole('button').first().click();
  await expect(propertiesPanel(page)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Tags', exact: true })).toHaveValue('postgres, scale');
});
