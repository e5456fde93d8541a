// Closing the tab while "changed on disk" is shown: the save that leaves with the page is still
// a compare-and-swap, so the other writer's text stays in the study and the author's text is
// kept beside it as a conflict copy. Neither is lost, nothing is overwritten.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import type { Study } from '../../src/core/pure/schemas/study';
import { createStudy, saveStatus, typeInSection } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { changeOnDisk, paragraph, saveArrivesAfter } from './conflict-helpers';

test('closing the tab during a conflict keeps their text in the study and mine in a conflict copy', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Shared');
  await expect(saveStatus(page)).toHaveText('Saved');
  const [created] = await studiesOnDisk(workspace);
  const file = path.join(workspace, 'studies', `${created!.id}.json`);

  // The next save waits until another writer has changed the file, so the store refuses it.
  await saveArrivesAfter(
    page,
    () => typeInSection(page, 'Problem', 'Mine'),
    () => changeOnDisk(file, { problem: paragraph('Theirs') }),
  );
  await expect(page.getByRole('alert')).toContainText('“Shared” changed on disk');

  const exitSave = page.waitForRequest((r) => r.url().endsWith('/api/saveOnExit'));
  await page.close({ runBeforeUnload: true });
  await exitSave;

  // The study files only (the store's own temp and lock files come and go beside them).
  const studies = async (): Promise<Study[]> => {
    const dir = path.join(workspace, 'studies');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as Study));
  };
  await expect.poll(async () => new Set((await studies()).map((s) => s.id)).size).toBe(2);
  const all = await studies();
  const original = all.find((s) => s.id === created!.id)!;
  const copy = all.find((s) => s.id !== created!.id)!;
  expect(docToPlainText(original.problem)).toBe('Theirs');
  expect(docToPlainText(copy.problem)).toBe('Mine');
  expect(copy.title).toMatch(/^Shared \(conflict copy \d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
});
