// When a save fails the user is told, nothing typed is dropped, and Retry saves it.
// (Tests run as root, so a read-only folder would not stop the write; instead the study's
// file is taken away from under the app, as a sync tool or a git checkout might do.)
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import { createStudy, saveStatus, typeInSection } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';

test('a failed save shows the error and a Retry button that saves everything once the problem is fixed', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Fragile');
  await expect(saveStatus(page)).toHaveText('Saved');
  const [study] = await studiesOnDisk(workspace);
  const file = path.join(workspace, 'studies', `${study!.id}.json`);
  const aside = path.join(workspace, 'moved-away.json');
  await rename(file, aside);

  await typeInSection(page, 'Problem', 'Typed while the file was gone');
  await expect(saveStatus(page)).toContainText('Not saved');
  await expect(saveStatus(page)).toContainText(study!.id);
  const retry = page.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();
  // Typing on while saves fail: the next autosave fails too, and nothing is dropped.
  const nextAttempt = page.waitForResponse((r) => r.url().endsWith('/api/updateStudy'));
  await typeInSection(page, 'Problem', ', and more');
  expect((await nextAttempt).ok()).toBe(false);
  await expect(saveStatus(page)).toContainText('Not saved');

  await rename(aside, file);
  await retry.click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(retry).toBeHidden();
  const [saved] = await studiesOnDisk(workspace);
  expect(docToPlainText(saved!.problem)).toBe('Typed while the file was gone, and more');
});
