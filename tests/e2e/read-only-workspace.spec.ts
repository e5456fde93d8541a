// A workspace written by a newer Casebook opens read-only: the reason is shown and nothing can be typed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultSiteSettings } from '../../src/core/pure/schemas/site';
import { openStudy, section } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';
import { ISSUE_RECORD_DOC } from '../fixtures/decision-record';

/** A workspace only a newer Casebook may write. */
async function newerWorkspace(workspace: string): Promise<void> {
  await writeFile(
    path.join(workspace, 'casebook.json'),
    JSON.stringify({ schemaVersion: 99, site: defaultSiteSettings() }),
  );
}

test('a workspace from a newer version shows why it is read-only and refuses edits', async ({
  page,
  serve,
  workspace,
}) => {
  await newerWorkspace(workspace);
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

test('a decision record in a read-only workspace can be read but not edited or removed', async ({
  page,
  serve,
  workspace,
}) => {
  await newerWorkspace(workspace);
  await writeStudyFile(workspace, 'kept-safe', 'Kept safe', { decisions: ISSUE_RECORD_DOC });
  const before = await readFile(path.join(workspace, 'studies', 'kept-safe.json'), 'utf8');
  await page.goto(await serve());
  await expect(page.getByRole('alert')).toContainText('newer version of Casebook');
  await openStudy(page, 'Kept safe');

  const card = section(page, 'Decisions').getByRole('region', { name: /^Decision record/ });
  const title = card.getByRole('textbox', { name: 'Decision title' });
  await expect(title).toHaveValue('Move from Kubernetes to ECS');
  await expect(title).not.toBeEditable();
  await title.click();
  await page.keyboard.type(' EDITED');
  await expect(title).toHaveValue('Move from Kubernetes to ECS');
  await expect(card.getByRole('textbox', { name: 'Option 2 Title' })).not.toBeEditable();
  await expect(card.getByRole('combobox', { name: 'Decision status' })).toBeDisabled();
  await expect(card.getByRole('checkbox', { name: 'Chosen' }).first()).toBeDisabled();
  for (const name of ['Remove decision record', 'Add option', 'Remove option 1', 'Add consequence']) {
    await expect(card.getByRole('button', { name, exact: true })).toBeDisabled();
  }
  await page.waitForTimeout(1000);
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  expect(await readFile(path.join(workspace, 'studies', 'kept-safe.json'), 'utf8')).toBe(before);
});
