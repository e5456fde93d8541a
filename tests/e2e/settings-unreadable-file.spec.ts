// casebook.json left with git conflict markers (a plain `git pull` in a clone without the merge
// driver) is the team's file: the app names it and the line, never replaces it with defaults,
// and a settings save is refused with the reason while the file stays as it was.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultSiteSettings } from '../../src/core/pure/schemas/site';
import { axeViolations } from './axe';
import { expect, test } from './casebook-server';

const shots = process.env.CASEBOOK_SHOTS_DIR ? path.resolve(process.env.CASEBOOK_SHOTS_DIR) : null;

test('casebook.json with git conflict markers is named, left as it is, and not saved over', async ({
  page,
  serve,
  workspace,
}) => {
  test.setTimeout(90_000);
  const file = path.join(workspace, 'casebook.json');
  const json = { schemaVersion: 1, site: { ...defaultSiteSettings(), title: 'Acme Engineering' } };
  const merged = JSON.stringify(json, null, 2).replace(
    '    "title": "Acme Engineering",\n',
    '<<<<<<< HEAD\n    "title": "Acme Engineering",\n=======\n    "title": "Acme Eng",\n>>>>>>> origin/main\n',
  );
  await writeFile(file, merged);
  await page.goto(await serve());

  const notice = page.getByRole('region', { name: 'Files not opened' });
  const entry = notice.getByRole('listitem').filter({ hasText: 'casebook.json' });
  await expect(entry).toContainText('holds unresolved git conflict markers (line 4)');
  expect(await axeViolations(page, '.quarantine')).toEqual([]);
  if (shots) {
    for (const [width, scheme] of [
      [1280, 'light'],
      [1280, 'dark'],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(shots, `unreadable-casebook-json-${width}-${scheme}.png`) });
    }
  }

  await page.getByRole('button', { name: 'Site settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Site settings' });
  await settings.getByRole('textbox', { name: 'Tagline' }).fill('Postmortems worth reading');
  await expect(settings.getByRole('status').last()).toContainText('Not saved');
  await settings.getByRole('button', { name: 'Close' }).last().click();
  await expect(settings.getByRole('alert')).toContainText('could not be saved');
  expect(await readFile(file, 'utf8')).toBe(merged);
});
