// The publish checklist (the Checks button): what keeps a study from being published, each
// finding a button that jumps to its place, refreshed after saves; and the library badge.
import { createStudy, libraryEntry, openChecks, openProperties, section, typeInSection } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

test('a new study lists its empty sections; clicking one puts the cursor in that section', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Sharding the orders table');
  const checklist = await openChecks(page);
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
  // Summary and the four sections are missing: for a draft a quiet to-do count, not an alarm.
  await expect(entry).toHaveAccessibleDescription(/5 publish errors/);
  await expect(entry).toContainText('5 to do');
  await expect(entry).not.toContainText('issues');

  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Split orders by customer');
  await typeInSection(page, 'Problem', 'Orders outgrew one database.');
  await expect(entry).toHaveAccessibleDescription(/3 publish errors/);

  // The checklist opens and folds away with the Checks button, which counts the same errors.
  const toggle = page.getByRole('button', { name: 'Checks, 3 blocking' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('region', { name: 'Publish checklist' })).toContainText('3 errors');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('region', { name: 'Publish checklist' })).toHaveCount(0);
});

test('a finding inside a section puts the cursor where the problem is', async ({ page, serve, workspace }) => {
  await writeStudyFile(workspace, 'runbook', 'Rotating the keys', {
    decisions: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'We rotate every key monthly.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Before that, we wrote things down.' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'See ' },
            { type: 'text', text: 'the runbook', marks: [{ type: 'link', attrs: { href: '' } }] },
            { type: 'text', text: ' for the steps.' },
          ],
        },
      ],
    },
  });

  await page.goto(await serve());
  await libraryEntry(page, 'Rotating the keys').click();
  const finding = (await openChecks(page)).getByRole('button', {
    name: /The link "the runbook" in Decisions has no target/,
  });
  await finding.click();
  await expect(section(page, 'Decisions')).toBeFocused();
  const paragraph = await page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest('p')?.textContent);
  expect(paragraph).toBe('See the runbook for the steps.');
});

test('the Export dialog says which published studies still have errors', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Sharding the orders table');
  await openProperties(page);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('published');
  await expect(page.getByRole('status')).toHaveText('Saved');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const readiness = page.getByRole('dialog', { name: 'Export' }).getByRole('region', { name: 'Publish readiness' });
  await expect(readiness).toContainText('1 study has errors');
  await expect(readiness.getByRole('listitem')).toHaveText([/^Sharding the orders table: /]);
});
