// A study changed from outside while it is open (a second window, the CLI, a git pull): with
// nothing unsaved the editor shows the new version by itself and says so; with unsaved edits
// the author is asked at once (Keep mine, Take theirs, Keep both) and nothing is overwritten
// silently. The outside change goes through the same server's API, as a second window would.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import type { Study, StudyPatch } from '../../src/core/pure/schemas/study';
import { createStudy, libraryEntry, section, typeInSection } from './casebook-page';
import { changeOnDisk, paragraph } from './conflict-helpers';
import { expect, studiesOnDisk, test } from './casebook-server';

/** Saves `patch` into study `id` from outside the page, as another window or the CLI does. */
async function changeFromOutside(url: string, id: string, patch: StudyPatch): Promise<Study> {
  const address = new URL(url);
  const response = await fetch(`${address.origin}/api/updateStudy`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': address.searchParams.get('token')! },
    body: JSON.stringify({ id, patch }),
  });
  const answer = (await response.json()) as { ok: boolean; value: Study };
  expect(answer.ok).toBe(true);
  return answer.value;
}

const savedLine = (page: Page) => page.getByRole('status').filter({ hasText: /^Saved$/ });
const choice = (page: Page) => page.getByRole('alert').filter({ hasText: 'changed on disk' });

/** A study "Shared" whose Problem holds `Mine`, typed while saves cannot get through, then changed outside. */
async function unsavedEditsUnderAnOutsideChange(page: Page, url: string, workspace: string): Promise<string> {
  await page.goto(url);
  await createStudy(page, 'Shared');
  await expect(savedLine(page)).toBeVisible();
  const [created] = await studiesOnDisk(workspace);
  // Saves fail on the way (a dropped connection), so what is typed stays unsaved.
  await page.route('**/api/updateStudy', (route) => route.abort());
  await typeInSection(page, 'Problem', 'Mine');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  await changeFromOutside(url, created!.id, { problem: paragraph('Theirs') });
  // Asked right away, naming the study, before any save is refused.
  await expect(choice(page)).toContainText('“Shared” changed on disk');
  await page.unroute('**/api/updateStudy');
  return created!.id;
}

test('with nothing unsaved, a study changed from outside is reloaded by itself and the author is told', async ({
  page,
  serve,
  workspace,
}) => {
  const url = await serve();
  await page.goto(url);
  await createStudy(page, 'Shared');
  await typeInSection(page, 'Problem', 'First draft');
  await expect(savedLine(page)).toBeVisible();
  const [created] = await studiesOnDisk(workspace);

  await changeFromOutside(url, created!.id, { title: 'Shared and renamed', problem: paragraph('Rewritten elsewhere') });

  // Without touching anything: the new version shows, and a polite notice says why.
  await expect(section(page, 'Problem')).toHaveText('Rewritten elsewhere', { timeout: 8_000 });
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Shared and renamed');
  await expect(
    page.getByRole('status').filter({ hasText: 'Reloaded: “Shared and renamed” changed on disk.' }),
  ).toBeVisible();
  await expect(libraryEntry(page, 'Shared and renamed')).toBeVisible();
  await expect(choice(page)).toHaveCount(0);
  // The reload wrote nothing: the outside version stays as it was written.
  await page.waitForTimeout(1000);
  const [onDisk] = await studiesOnDisk(workspace);
  expect(docToPlainText(onDisk!.problem)).toBe('Rewritten elsewhere');
  expect(onDisk!.title).toBe('Shared and renamed');

  // Typing on saves over the reloaded version, with no conflict.
  await typeInSection(page, 'Problem', ', then extended here');
  await expect(savedLine(page)).toBeVisible();
  expect(docToPlainText((await studiesOnDisk(workspace))[0]!.problem)).toBe('Rewritten elsewhere, then extended here');

  // The file rewritten by another program (a git pull), not through Casebook at all: reloaded too.
  const file = path.join(workspace, 'studies', `${created!.id}.json`);
  await changeOnDisk(file, { lessons: paragraph('Pulled from the team') });
  await expect(section(page, 'Lessons')).toHaveText('Pulled from the team', { timeout: 8_000 });
  await expect(section(page, 'Problem')).toHaveText('Rewritten elsewhere, then extended here');

  // Edited by hand in a text editor that leaves updatedAt as it was: noticed and reloaded too.
  const onDiskNow = JSON.parse(await readFile(file, 'utf8')) as Study;
  await writeFile(file, `${JSON.stringify({ ...onDiskNow, tradeoffs: paragraph('Fixed by hand') }, null, 2)}\n`);
  await expect(section(page, 'Tradeoffs')).toHaveText('Fixed by hand', { timeout: 8_000 });
  await typeInSection(page, 'Problem', '. Still mine');
  await expect(savedLine(page)).toBeVisible();
  const [last] = await studiesOnDisk(workspace);
  expect(docToPlainText(last!.tradeoffs)).toBe('Fixed by hand');
  expect(docToPlainText(last!.problem)).toBe('Rewritten elsewhere, then extended here. Still mine');
});

test('unsaved edits under an outside change: "Take theirs" shows the version on disk and drops the edits', async ({
  page,
  serve,
  workspace,
}) => {
  await unsavedEditsUnderAnOutsideChange(page, await serve(), workspace);
  // Until the author chooses, the editor keeps what they typed and the disk keeps theirs.
  await expect(section(page, 'Problem')).toHaveText('Mine');
  expect(docToPlainText((await studiesOnDisk(workspace))[0]!.problem)).toBe('Theirs');

  await page.getByRole('button', { name: 'Take theirs' }).click();
  await expect(section(page, 'Problem')).toHaveText('Theirs');
  await expect(choice(page)).toHaveCount(0);
  await expect(savedLine(page)).toBeVisible();
  await page.waitForTimeout(1000); // longer than the autosave delay: the dropped edits are never sent
  const onDisk = await studiesOnDisk(workspace);
  expect(onDisk).toHaveLength(1);
  expect(docToPlainText(onDisk[0]!.problem)).toBe('Theirs');
});

test('unsaved edits under an outside change: "Keep mine" saves the author’s text over it', async ({
  page,
  serve,
  workspace,
}) => {
  await unsavedEditsUnderAnOutsideChange(page, await serve(), workspace);
  await page.getByRole('button', { name: 'Keep mine' }).click();
  await expect(choice(page)).toHaveCount(0);
  await expect(savedLine(page)).toBeVisible();
  await expect(section(page, 'Problem')).toHaveText('Mine');
  const onDisk = await studiesOnDisk(workspace);
  expect(onDisk).toHaveLength(1);
  expect(docToPlainText(onDisk[0]!.problem)).toBe('Mine');
});

test('unsaved edits under an outside change: "Keep both" keeps the author’s text here and the other version as its own study', async ({
  page,
  serve,
  workspace,
}) => {
  const id = await unsavedEditsUnderAnOutsideChange(page, await serve(), workspace);
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(choice(page)).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({
      hasText: 'Kept both: your version is in “Shared”, the version from disk in “Shared (version from disk)”.',
    }),
  ).toBeVisible();
  await expect(section(page, 'Problem')).toHaveText('Mine');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Shared');
  await expect(libraryEntry(page, 'Shared (version from disk)')).toBeVisible();

  const onDisk = await studiesOnDisk(workspace);
  expect(onDisk).toHaveLength(2);
  const mine = onDisk.find((s) => s.id === id)!;
  const theirs = onDisk.find((s) => s.id !== id)!;
  expect(mine.title).toBe('Shared');
  expect(docToPlainText(mine.problem)).toBe('Mine');
  expect(theirs.title).toBe('Shared (version from disk)');
  expect(docToPlainText(theirs.problem)).toBe('Theirs');

  // The kept copy opens like any other study.
  await libraryEntry(page, 'Shared (version from disk)').click();
  await expect(section(page, 'Problem')).toHaveText('Theirs');
});
