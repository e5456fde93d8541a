// Switching studies mid-typing neither loses the text nor lets it cross into the other study.
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import { createStudy, openStudy, saveStatus, section, typeInSection } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';

test('text typed into A just before switching to B stays in A, and B gets only its own', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Alpha');
  await createStudy(page, 'Bravo');
  await expect(saveStatus(page)).toHaveText('Saved');

  await openStudy(page, 'Alpha');
  await typeInSection(page, 'Problem', 'Alpha problem text');
  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Alpha summary');
  await typeInSection(page, 'Lessons', 'Alpha lesson');
  // No waiting for the save: switch at once and type into B.
  await openStudy(page, 'Bravo');
  await typeInSection(page, 'Problem', 'Bravo problem text');
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.reload();
  await openStudy(page, 'Alpha');
  await expect(section(page, 'Problem')).toHaveText('Alpha problem text');
  await expect(section(page, 'Lessons')).toHaveText('Alpha lesson');
  await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue('Alpha summary');
  await openStudy(page, 'Bravo');
  await expect(section(page, 'Problem')).toHaveText('Bravo problem text');
  await expect(section(page, 'Lessons')).toHaveText('');
  await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue('');

  const byTitle = Object.fromEntries((await studiesOnDisk(workspace)).map((s) => [s.title, s]));
  expect(Object.keys(byTitle).sort()).toEqual(['Alpha', 'Bravo']);
  expect(docToPlainText(byTitle.Alpha!.problem)).toBe('Alpha problem text');
  expect(docToPlainText(byTitle.Alpha!.lessons)).toBe('Alpha lesson');
  expect(docToPlainText(byTitle.Bravo!.problem)).toBe('Bravo problem text');
  expect(docToPlainText(byTitle.Bravo!.lessons)).toBe('');
});
