// A workspace written by a newer Casebook opens read-only: the reason is shown and nothing can be typed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultSiteSettings } from '../../src/core/pure/schemas/site';
import { openStudy, section } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

test('a workspace from a newer version shows why it is read-only and refuses edits', async ({
  page,
  serve,
  workspace,
}) => {
  await writeFile(
    path.join(workspace, 'casebook.json'),
    JSON.stringify({ schemaVersion: 99, site: defaultSiteSettings() }),
  );
  await writeStudyFile(workspace, 'kept-safe', 'Kept safe');
  const before = await readFile(path.join(workspace, 'studies', 'kept-safe.json'), 'utf8');
  await page.goto(await serve());

  await expect(page.getByRole('alert')).toContainText('newer version of Casebook');
  await openStudy(page, 'Kept safe');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeDisabled();
  await expect(section(page, 'Problem')).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('button', { name: 'New case study' })).toBeDisabled();
  await section(page, 'Problem').click();
  await page.keyboard.type('should not land');
  await expect(section(page, 'Problem')).toHaveText('');
  // Nothing was even attempted: no save error waits for a Retry.
  await page.waitForTimeout(1000);
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  expect(await readFile(path.join(workspace, 'studies', 'kept-safe.json'), 'utf8')).toBe(before);
});
