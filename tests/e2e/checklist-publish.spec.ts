// The publish checklist beside the editor: what keeps a study from being published, each
// finding a button that jumps to its place, refreshed after saves; and the library badge.
import { createStudy, libraryEntry, section, typeInSection } from './casebook-page';
import { expect, test } from './casebook-server';

test('a new study lists its empty sections; clicking one puts the cursor in that section', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Sharding the orders table');
  const checklist = page.getByRole('region', { name: 'Publish checklist' });
  const problemFinding = checklist.getByRole('button', { name: 'Error: The Problem section is empty.' });
  await expect(problemFinding).toBeVisible();
  // Errors come before warnings.
  const findings = checklist.getByRole('listitem');
  await expect(findings.first()).toContainText('Error:');
  await expect(findings.last()).toContainText('Warning:');

  await problemFinding.click();
  await expect(section(page, 'Problem')).toBeFocused();
  await page.keyboard.type('Orders outgrew one database.');
  await expect(section(page, 'Problem')).toHaveText('Orders outgrew one database.');

  // Once saved, the finding is gone; the others stay.
  await expect(problemFinding).toHaveCount(0);
  await expect(checklist.getByRole('button', { name: 'Error: The Lessons section is empty.' })).toBeVisible();

  // A metadata finding focuses its field.
  await checklist.getByRole('button', { name: /^Error: Add a one-line summary/ }).click();
  await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toBeFocused();
});

test('the library badge counts publish errors and follows the edits', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Sharding the orders table');
  const entry = libraryEntry(page, 'Sharding the orders table');
  // Summary and the four sections are missing.
  await expect(entry).toHaveAccessibleDescription(/5 publish errors/);

  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Split orders by customer');
  await typeInSection(page, 'Problem', 'Orders outgrew one database.');
  await expect(entry).toHaveAccessibleDescription(/3 publish errors/);

  // The checklist folds away and stays folded.
  const toggle = page.getByRole('button', { name: 'Publish checklist' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(page.getByRole('region', { name: 'Publish checklist' }).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Publish checklist' })).toContainText('3 errors');
});
