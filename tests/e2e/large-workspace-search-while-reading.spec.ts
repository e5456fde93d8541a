// A large workspace of realistic studies (~1,500 words each): opened for the first time, the
// library lists it and answers a search while the full text is still being read in the
// background; a study changed during that read is found by its new words; opened again, its
// full text searches at once from the index kept in .casebook/ (no study file read again).
// 1,500 studies by default, to stay under a minute on a loaded machine; CASEBOOK_E2E_LARGE=10000
// runs the size (allow a few minutes: the first-ever read of 377 MB dominates).
import { access, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateRealisticStudies } from '../../bench/realistic-studies';
import type { Study } from '../../src/core/pure/schemas/study';
import { byNewestEdit } from '../../src/core/pure/study-order';
import { writeStudy } from '../helpers/study-files';
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';

const COUNT = Number(process.env.CASEBOOK_E2E_LARGE ?? 1_500);
const LARGE = COUNT > 2_000;

const lessons = (text: string): Study['lessons'] => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

async function writeRealistic(workspace: string): Promise<Study[]> {
  const written: Study[] = [];
  for (let from = 0; from < COUNT; from += 500) {
    const batch = generateRealisticStudies(Math.min(500, COUNT - from), 1000 + from).map((s, i) => {
      const n = from + i + 1;
      return { ...s, id: `s${n}`, title: s.title.replace(/\(\d+\)$/, `(${n})`), slug: `${s.slug}-n${n}` };
    });
    await Promise.all(batch.map((study) => writeStudy(workspace, study)));
    written.push(...batch);
  }
  return written;
}

const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const reading = (page: Page) => page.getByRole('status').filter({ hasText: 'Reading full text' });

test(`a workspace of ${COUNT.toLocaleString('en')} realistic studies lists and searches while its full text is read, and searches it at once when opened again`, async ({
  page,
  serve,
  workspace,
}) => {
  test.setTimeout(LARGE ? 900_000 : 90_000);
  const written = await writeRealistic(workspace);
  const first = written[0];
  // The newest edit: among the first studies the background reading takes.
  const second = [...written].sort(byNewestEdit).find((s) => s !== first);
  // Found only in a study's Lessons: searchable once that study's full text is indexed.
  await writeStudy(workspace, { ...first!, lessons: lessons('Zeppelin ops.') });
  await writeStudy(workspace, { ...second!, lessons: lessons('Pelican ops.') });

  // The background read waits while the hold file exists: the library is seen mid-read, without a race.
  const hold = test.info().outputPath('hold-reading');
  await writeFile(hold, '');
  await page.goto(await serve({ CASEBOOK_HOLD_READING: hold }));
  const list = page.getByRole('list', { name: 'Case studies' });
  await expect(list.getByRole('listitem')).toHaveCount(50); // the first page
  await expect(page.getByRole('contentinfo')).toContainText(`${COUNT.toLocaleString('en')} studies`);
  // The full text is not read yet; a search by title is answered meanwhile.
  await expect(reading(page)).toBeVisible();
  await searchbox(page).fill(second!.title);
  await expect(libraryEntry(page, second!.title)).toBeVisible();
  await searchbox(page).fill('zeppelin');
  await expect(page.getByText('No case studies match.')).toBeVisible();
  await expect(reading(page)).toBeVisible();
  await rm(hold);

  // Read, then changed on disk in place (as a git pull would, keeping its updatedAt), most
  // likely while the read goes on with the rest: its new words are found, its old ones not.
  await expect(async () => {
    await searchbox(page).fill('');
    await searchbox(page).fill('pelican');
    await expect(libraryEntry(page, second!.title)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: LARGE ? 600_000 : 60_000 });
  await writeStudy(workspace, { ...second!, lessons: lessons('Quetzal migration.') });
  await expect(reading(page)).toHaveCount(0, { timeout: LARGE ? 600_000 : 60_000 });
  await expect(async () => {
    await searchbox(page).fill('');
    await searchbox(page).fill('quetzal');
    await expect(libraryEntry(page, second!.title)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await searchbox(page).fill('pelican');
  await expect(page.getByText('No case studies match.')).toBeVisible();
  await searchbox(page).fill('zeppelin');
  await expect(libraryEntry(page, first!.title)).toBeVisible();

  // The index on disk is written once the read is done; a second server finds it.
  await expect
    .poll(
      () =>
        access(path.join(workspace, '.casebook', 'search-index.bin')).then(
          () => true,
          () => false,
        ),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  const again = await page.context().newPage();
  await again.goto(await serve());
  await expect(again.getByRole('list', { name: 'Case studies' }).getByRole('listitem')).toHaveCount(50);
  // A word of a study's body, found without reading the study files again.
  await searchbox(again).fill('zeppelin');
  await expect(libraryEntry(again, first!.title)).toBeVisible();
  await searchbox(again).fill('quetzal');
  await expect(libraryEntry(again, second!.title)).toBeVisible();
  await expect(reading(again)).toHaveCount(0);
  await expect(again.getByRole('contentinfo')).toContainText(`${COUNT.toLocaleString('en')} studies`);
});
