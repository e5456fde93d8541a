// A damaged study file is set aside and reported; the rest of the workspace still works.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import { libraryEntry, openStudy, saveStatus, typeInSection } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

test('a truncated study file is listed as quarantined with its reason, and the valid study opens and saves', async ({
  page,
  serve,
  workspace,
}) => {
  await writeStudyFile(workspace, 'valid-study', 'The valid one');
  await writeFile(path.join(workspace, 'studies', 'x.json'), '{"schemaVersion":1,"id":"x","title":"Cut off mid');
  await page.goto(await serve());

  const notice = page.getByRole('region', { name: 'Quarantined files' });
  await expect(notice).toBeVisible();
  const entry = notice.getByRole('listitem').filter({ hasText: 'studies/x.json' });
  await expect(entry).toHaveCount(1);
  // The reason is shown beside the file name, so the user knows what to repair.
  expect((await entry.innerText()).replace('studies/x.json', '').trim().length).toBeGreaterThan(5);

  await expect(page.getByRole('list', { name: 'Case studies' }).getByRole('button')).toHaveCount(1);
  await openStudy(page, 'The valid one');
  await typeInSection(page, 'Decisions', 'Still editable');
  await expect(saveStatus(page)).toHaveText('Saved');
  const [valid, ...others] = await studiesOnDisk(workspace);
  expect(others).toHaveLength(0);
  expect(docToPlainText(valid!.decisions)).toBe('Still editable');
  await expect(libraryEntry(page, 'The valid one')).toBeVisible();
});
