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
  await writeStudyFile(workspace, 'second', 'Second');
  const file = (id: string) => path.join(workspace, 'studies', `${id}.json`);
  const before = [await readFile(file('first'), 'utf8'), await readFile(file('second'), 'utf8')];
  await page.goto(await serve());

  await openStudy(page, 'First');
  await openStudy(page, 'Second');
  await openStudy(page, 'First');
  // Longer than the autosave delay, so a spurious pending save would have happened.
  await page.waitForTimeout(1500);
  await expect(saveStatus(page)).toHaveText('Saved');
  expect([await readFile(file('first'), 'utf8'), await readFile(file('second'), 'utf8')]).toEqual(before);
});
