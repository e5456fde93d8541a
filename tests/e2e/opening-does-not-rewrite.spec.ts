// Reading is not editing: opening and leaving studies must not rewrite their files
// (a rewrite bumps updatedAt, reorders the library and shows up as noise in the user's git).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openStudy, saveStatus } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

test('opening studies without typing leaves their files byte for byte as they were', async ({
  page,
  serve,
  workspace,
}) => {
  await writeStudyFile(workspace, 'first', 'First');
  // Ends in a code block, so the editor adds a paragraph after it to type into (its trailing
  // paragraph rule): that is no edit of the author's, and must not be saved.
  await writeStudyFile(workspace, 'second', 'Second', {
    problem: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The query:' }] },
        { type: 'codeBlock', attrs: { language: 'sql' }, content: [{ type: 'text', text: 'SELECT 1;' }] },
      ],
    },
  });
  const file = (id: string) => path.join(workspace, 'studies', `${id}.json`);
  const read = () => Promise.all(['first', 'second'].map((id) => readFile(file(id), 'utf8')));
  const before = await read();
  await page.goto(await serve()); // opens the newest, Second, as the templates load

  await openStudy(page, 'First');
  await openStudy(page, 'Second');
  await page.getByRole('textbox', { name: 'Problem', exact: true }).click(); // the caret, no typing
  await openStudy(page, 'First');
  // Longer than the autosave delay, so a spurious pending save would have happened.
  await page.waitForTimeout(1500);
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(await read()).toEqual(before);
});
