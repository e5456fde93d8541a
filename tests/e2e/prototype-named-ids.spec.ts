// Study ids come from file names in the workspace, so one may be called `constructor` (the one
// Object member a lowercase id can name): the app looks ids up in Maps, never in plain objects,
// so that study shows its own summary hint and its own publish counts.
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

test('a study whose id is “constructor” shows its own summary hint and counts', async ({ page, serve, workspace }) => {
  for (const id of ['constructor', 'other']) await writeStudyFile(workspace, id, `Study ${id}`);
  await page.goto(await serve());
  for (const id of ['other', 'constructor']) {
    await libraryEntry(page, `Study ${id}`).click();
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(`Study ${id}`);
    await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveAttribute(
      'placeholder',
      'One line: what changed, and what it achieved',
    );
    await expect(libraryEntry(page, `Study ${id}`)).toHaveAccessibleDescription(/\d+ publish errors?/);
    await expect(libraryEntry(page, `Study ${id}`)).not.toHaveAccessibleDescription(/undefined|function/);
  }
});
