// A workspace of thousands of studies opened for the first time: the library lists them at
// once from the files' heads, titles search at once, the full text follows, and a file whose
// sections turn out damaged is set aside and reported when it is read.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sampleStudy, writeStudy, writeStudyFiles } from '../helpers/study-files';
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';

const COUNT = 3_000;

test('a 3,000-study workspace lists at once, searches its full text once read, and reports a damaged body', async ({
  page,
  serve,
  workspace,
}) => {
  test.setTimeout(60_000);
  await writeStudyFiles(workspace, COUNT);
  const file = (id: string) => path.join(workspace, 'studies', `${id}.json`);
  // One study with a word found only in its Lessons, one cut off in the middle of its sections.
  const lessons = {
    type: 'doc' as const,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zeppelin ops.' }] }],
  };
  await writeStudy(workspace, sampleStudy(42, { lessons }));
  const damaged = await readFile(file('study-7'), 'utf8');
  await writeFile(file('study-7'), damaged.slice(0, damaged.indexOf('"decisions"')));

  await page.goto(await serve());
  const list = page.getByRole('list', { name: 'Case studies' });
  await expect(list.getByRole('listitem')).toHaveCount(50); // the first page
  // 3,000 when listed before the server's background reading reached the damaged file.
  await expect(page.getByRole('contentinfo')).toContainText(/(3,000|2,999) studies/);

  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('Study 1234');
  await expect(libraryEntry(page, 'Study 1234')).toBeVisible();

  await search.fill('zeppelin');
  await expect(libraryEntry(page, 'Study 42')).toBeVisible({ timeout: 30_000 });
  await expect(list.getByRole('listitem')).toHaveCount(1);

  const notice = page.getByRole('region', { name: 'Quarantined files' });
  await expect(notice.getByRole('listitem').filter({ hasText: 'studies/study-7.json' })).toHaveCount(1, {
    timeout: 30_000,
  });
  await expect(page.getByRole('contentinfo')).toContainText('2,999 studies');
  await expect(page.getByRole('status').filter({ hasText: 'Reading full text' })).toHaveCount(0);

  // A file damaged while the app is open is found by a later search and reported at once.
  await writeFile(file('study-99'), 'not a study any more');
  let n = 0;
  await expect(async () => {
    await search.fill(`Study ${++n}`);
    await expect(notice.getByRole('listitem').filter({ hasText: 'studies/study-99.json' })).toHaveCount(1, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole('contentinfo')).toContainText('2,998 studies');
});
