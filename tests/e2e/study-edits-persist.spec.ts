// Everything typed into a study reaches its one file on disk and comes back after a reload.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import {
  createStudy,
  libraryEntry,
  openProperties,
  saveStatus,
  section,
  sectionNames,
  typeInSection,
} from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';

const sectionText: Record<string, string> = {
  Problem: 'Nobody owned the monthly cloud bill.',
  Decisions: 'We tagged every resource by team.',
  Tradeoffs: 'Tagging slowed deploys for a week.',
  Lessons: 'Ownership beats dashboards.',
};

test('every field and all four sections are saved to one study file and restored after reload', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'When Nobody Owns the Cloud Bill');

  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Right-sizing cut the bill by 38%');
  await openProperties(page);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('published');
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('succeeded');
  await page.getByLabel('Date').fill('2026-04-02');
  await page.getByRole('checkbox', { name: 'Failure Analysis' }).check();
  await page.getByRole('textbox', { name: 'New category' }).fill('Cost Stories');
  await page.getByRole('button', { name: 'Add category' }).click();
  await expect(page.getByRole('checkbox', { name: 'Cost Stories' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Tags', exact: true }).fill('aws, cost');
  await page.getByRole('checkbox', { name: 'Featured' }).check();
  for (const name of sectionNames) await typeInSection(page, name, sectionText[name]!);

  await expect(saveStatus(page)).toHaveText('Saved');

  // On disk: exactly one study file, holding what was typed.
  const [study, ...others] = await studiesOnDisk(workspace);
  expect(others).toHaveLength(0);
  expect(study).toMatchObject({
    title: 'When Nobody Owns the Cloud Bill',
    summary: 'Right-sizing cut the bill by 38%',
    status: 'published',
    outcome: 'succeeded',
    date: '2026-04-02',
    categories: ['Failure Analysis', 'Cost Stories'],
    tags: ['aws', 'cost'],
    featured: true,
  });
  expect(docToPlainText(study!.problem)).toBe(sectionText.Problem);
  expect(docToPlainText(study!.decisions)).toBe(sectionText.Decisions);
  expect(docToPlainText(study!.tradeoffs)).toBe(sectionText.Tradeoffs);
  expect(docToPlainText(study!.lessons)).toBe(sectionText.Lessons);
  const site = JSON.parse(await readFile(path.join(workspace, 'casebook.json'), 'utf8'));
  expect(site.site.categories).toContain('Cost Stories');

  // After a reload the app shows it all again.
  await page.reload();
  await libraryEntry(page, 'When Nobody Owns the Cloud Bill').click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'When Nobody Owns the Cloud Bill',
  );
  await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue(
    'Right-sizing cut the bill by 38%',
  );
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('published');
  await expect(page.getByRole('combobox', { name: 'Outcome' })).toHaveValue('succeeded');
  await expect(page.getByLabel('Date')).toHaveValue('2026-04-02');
  await expect(page.getByRole('checkbox', { name: 'Failure Analysis' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Cost Stories' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Optimization & Migration Wins' })).not.toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Tags', exact: true })).toHaveValue('aws, cost');
  await expect(page.getByRole('checkbox', { name: 'Featured' })).toBeChecked();
  for (const name of sectionNames) await expect(section(page, name)).toHaveText(sectionText[name]!);
});
