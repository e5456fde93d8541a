// Closing the tab while "changed on disk" is shown: the save that leaves with the page is still
// a compare-and-swap, so the other writer's text stays in the study and the author's text is
// kept beside it as a conflict copy. Neither is lost, nothing is overwritten.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { docToPlainText, type RichTextDoc } from '../../src/core/schemas/rich-text';
import type { Study } from '../../src/core/schemas/study';
import { createStudy, saveStatus, typeInSection } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';

const paragraph = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

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
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    '**/api/updateStudy',
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/updateStudy'));
  await typeInSection(page, 'Problem', 'Mine');
  await sent;
  const study = JSON.parse(await readFile(file, 'utf8')) as Study;
  const updatedAt = new Date(Date.parse(study.updatedAt) + 60_000).toISOString();
  await writeFile(file, `${JSON.stringify({ ...study, problem: paragraph('Theirs'), updatedAt }, null, 2)}\n`);
  release();
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
