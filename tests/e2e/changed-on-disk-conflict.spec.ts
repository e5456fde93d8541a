// A study file changed on disk under unsaved edits (git pull, a sync tool, another window)
// is never silently overwritten: the author sees it and chooses to take the version on disk or
// keep their own. Here the save is already on its way when the file changes, so it is the
// store that refuses it (outside-change-while-open.spec.ts covers changes noticed first).
import path from 'node:path';
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import { createStudy, saveStatus, section, typeInSection } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { changeOnDisk, paragraph, saveArrivesAfter } from './conflict-helpers';

test('an edit over a file changed on disk asks first; "Keep mine" saves it, "Take theirs" shows the other version', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Shared');
  await expect(saveStatus(page)).toHaveText('Saved');
  const [created] = await studiesOnDisk(workspace);
  const file = path.join(workspace, 'studies', `${created!.id}.json`);

  // 1. Keep mine: the author's text replaces what changed on disk.
  await saveArrivesAfter(
    page,
    () => typeInSection(page, 'Problem', 'Mine'),
    () => changeOnDisk(file, { problem: paragraph('Written by someone else') }),
  );
  await expect(saveStatus(page)).toContainText('changed on disk');
  await expect(page.getByRole('alert')).toContainText('“Shared” changed on disk');
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  expect(docToPlainText((await studiesOnDisk(workspace))[0]!.problem)).toBe('Written by someone else');
  await page.getByRole('button', { name: 'Keep mine' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(docToPlainText((await studiesOnDisk(workspace))[0]!.problem)).toBe('Mine');

  // 2. Take theirs: the other version is shown and stays on disk.
  await saveArrivesAfter(
    page,
    () => page.getByRole('textbox', { name: 'Summary', exact: true }).fill('My summary'),
    () => changeOnDisk(file, { lessons: paragraph('Lesson from the other window') }),
  );
  await expect(saveStatus(page)).toContainText('changed on disk');
  await page.getByRole('button', { name: 'Take theirs' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(section(page, 'Lessons')).toHaveText('Lesson from the other window');
  await expect(section(page, 'Problem')).toHaveText('Mine');
  await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue('');
  await page.waitForTimeout(1000); // longer than the autosave delay: nothing is sent behind the author's back
  const [onDisk] = await studiesOnDisk(workspace);
  expect(onDisk!.summary).toBe('');
  expect(docToPlainText(onDisk!.lessons)).toBe('Lesson from the other window');
});
