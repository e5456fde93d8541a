// Site authors: added in Site settings (name, bio, link, avatar stored as a workspace image),
// a link that is not http(s) refused before saving, then chosen on the study form's Authors
// control and saved into the study file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openProperties, openStudy, saveStatus } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { axeViolations } from './axe';
import { writeStudyFile } from '../helpers/study-files';
import { PNG_BYTES, PNG_ASSET } from '../site/sample-site';

async function siteOnDisk(workspace: string) {
  return JSON.parse(await readFile(path.join(workspace, 'casebook.json'), 'utf8')).site;
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Site settings' }).click();
  return page.getByRole('dialog', { name: 'Site settings' });
}

test.beforeEach(async ({ workspace }) => {
  await writeStudyFile(workspace, 'outage', 'The day the queue filled up');
});

test('authors are added in Site settings and chosen on the study form', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  await openStudy(page, 'The day the queue filled up');
  await openProperties(page);
  const authors = page.getByRole('group', { name: 'Authors' });
  await expect(authors).toContainText('Add authors in Site settings');

  const settings = await openSettings(page);
  await settings.getByRole('textbox', { name: 'New author' }).fill('Dana Kim');
  await settings.getByRole('button', { name: 'Add author' }).click();
  await settings.getByRole('textbox', { name: 'New author' }).fill('Lee Ortiz');
  await settings.getByRole('textbox', { name: 'New author' }).press('Enter');
  await settings.getByRole('textbox', { name: 'Bio of Dana Kim' }).fill('Staff engineer, platform team.');
  await settings.getByRole('textbox', { name: 'Link of Dana Kim' }).fill('javascript:alert(1)');
  await settings.getByRole('button', { name: 'Save authors' }).click();
  await expect(settings.getByRole('alert')).toHaveText('Dana Kim: Author URL must be an http(s) URL');
  expect((await siteOnDisk(workspace)).authors ?? []).toEqual([]);

  await settings.getByRole('textbox', { name: 'Link of Dana Kim' }).fill('https://dana.example.com/');
  await settings
    .getByLabel('Avatar of Dana Kim')
    .setInputFiles({ name: 'dana.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BYTES) });
  await expect(settings.getByRole('button', { name: 'Remove avatar of Dana Kim' })).toBeVisible();
  await settings.getByRole('button', { name: 'Remove Lee Ortiz' }).click();
  await settings.getByRole('button', { name: 'Save authors' }).click();
  await expect(settings.getByText('Authors saved')).toBeVisible();
  expect((await siteOnDisk(workspace)).authors).toEqual([
    { name: 'Dana Kim', bio: 'Staff engineer, platform team.', url: 'https://dana.example.com/', avatar: PNG_ASSET },
  ]);
  expect(await axeViolations(page, 'dialog')).toEqual([]);
  // For looking at it: CASEBOOK_SHOTS=<folder> keeps a picture of the Authors part.
  const shots = process.env.CASEBOOK_SHOTS;
  if (shots)
    await settings
      .getByRole('region', { name: 'Authors' })
      .screenshot({ path: path.join(shots, 'settings-authors.png') });
  await settings.getByRole('button', { name: 'Close' }).last().click();

  // The study form offers the site's authors at once; ticking one saves it into the study.
  await authors.getByRole('checkbox', { name: 'Dana Kim' }).check();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect.poll(async () => (await studiesOnDisk(workspace))[0]!.authors).toEqual(['Dana Kim']);
  expect(await axeViolations(page, 'form[aria-label="Case study details"]')).toEqual([]);
  if (shots) await authors.screenshot({ path: path.join(shots, 'study-authors-control.png') });
});
