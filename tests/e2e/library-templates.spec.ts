// New studies from the workspace's templates: the chooser lists them, the chosen one
// pre-fills the sections, the outcome and a category; "New case study" stays blank at once.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { libraryEntry, openProperties, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';

test('a study from the Failure analysis template opens with its prompts, outcome and category', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await page.getByRole('button', { name: 'New from template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case study' });
  // The four built-in templates, Blank chosen first.
  for (const name of [
    'Blank',
    'Failure analysis (postmortem)',
    'Migration / cost optimization',
    'Architecture decision',
  ])
    await expect(dialog.getByRole('radio', { name, exact: true })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Blank' })).toBeChecked();

  const failure = dialog.getByRole('radio', { name: 'Failure analysis (postmortem)' });
  await expect(failure).toHaveAccessibleDescription(/Outcome: Failed · Category: Failure Analysis/);
  await failure.check();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Checkout outage on Black Friday');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'Checkout outage on Black Friday',
  );
  await expect(libraryEntry(page, 'Checkout outage on Black Friday')).toBeVisible();
  await expect(section(page, 'Problem')).toContainText('Who was affected and how');
  await expect(section(page, 'Lessons')).toContainText('What went well');
  await openProperties(page);
  await expect(page.getByRole('combobox', { name: 'Outcome' })).toHaveValue('failed');
  await expect(page.getByRole('checkbox', { name: 'Failure Analysis' })).toBeChecked();
  // The template's prompt for the Summary is its placeholder, not text saved into the study.
  const summary = page.getByRole('textbox', { name: 'Summary' });
  await expect(summary).toHaveAttribute('placeholder', /what broke, for whom, for how long/);
  await expect(summary).toHaveValue('');

  const [study] = await studiesOnDisk(workspace);
  expect(study).toMatchObject({
    title: 'Checkout outage on Black Friday',
    outcome: 'failed',
    categories: ['Failure Analysis'],
  });
});

test('a template edited in the workspace folder is what the chooser offers; a broken one is named', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve()); // the server writes the built-in templates on first start
  const file = path.join(workspace, 'templates', 'architecture-decision.json');
  const template = JSON.parse(await readFile(file, 'utf8'));
  template.name = 'Design record';
  template.sections.problem = 'Which team owns this service today?';
  await writeFile(file, JSON.stringify(template, null, 2));

  await writeFile(path.join(workspace, 'templates', 'broken.json'), '{"name": ');

  await page.getByRole('button', { name: 'New from template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case study' });
  await expect(dialog.getByText('Some template files could not be read')).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'broken.json' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Design record' }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(section(page, 'Problem')).toContainText('Which team owns this service today?');
  await openProperties(page);
  await expect(page.getByRole('checkbox', { name: 'Architecture & Design' })).toBeChecked();
});

test('Enter in the chooser creates a blank study and puts the caret in its title', async ({ page, serve }) => {
  await page.goto(await serve());
  await page.getByRole('button', { name: 'New from template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case study' });
  await expect(dialog.getByRole('radio', { name: 'Blank' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('A blank page');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('A blank page');
  await expect(section(page, 'Problem')).toHaveText('');
  // The author goes on writing where New case study would put them, not back on the button.
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeFocused();
});
