// The site title changed by two authors, then a sync: the site settings keep mine and record
// theirs, the Sync button counts the conflict, Site settings shows it at its top with both
// titles and their author, and Take theirs puts their title in the form and on disk. A teammate
// works through the CLI against a bare remote on disk, as in git-sync.spec.ts. Screenshots of
// the dialog with the conflict (390 / 1280, light and dark) go to CASEBOOK_SHOTS_DIR.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeStudyFile } from '../helpers/study-files';
import { axeViolations } from './axe';
import { expect, test } from './casebook-server';
import { casebook, git, shareWorkspace, SYNC_MS } from './git-workspaces';
import { mergeWorkspaceFile } from '../../src/core/pure/merge/workspace-file-merge';
import { serializeJson } from '../../src/core/pure/json-text';
import { defaultSiteSettings, workspaceFileSchema } from '../../src/core/pure/schemas/site';

// Each test runs real syncs: several CLI processes and git operations, tens of seconds on two loaded cores.
test.describe.configure({ timeout: 90_000 });

const shots = process.env.CASEBOOK_SHOTS_DIR ? path.resolve(process.env.CASEBOOK_SHOTS_DIR) : null;
const syncButton = (page: Page) => page.getByRole('button', { name: 'Sync', exact: true });

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Site settings' }).click();
  return page.getByRole('dialog', { name: 'Site settings' });
}

async function siteFile(workspace: string) {
  return JSON.parse(await readFile(path.join(workspace, 'casebook.json'), 'utf8')) as {
    site: { title: string };
    conflicts?: unknown[];
  };
}

test('the site title changed on both sides is a conflict in Site settings, resolved with Take theirs', async ({
  page,
  serve,
  workspace,
}) => {
  test.setTimeout(120_000);
  await writeStudyFile(workspace, 'queue', 'Queue rewrite');
  const shared = await shareWorkspace(workspace);
  try {
    // The teammate names the site and syncs.
    const theirs = await siteFile(shared.teammate);
    theirs.site.title = 'Ben’s field notes';
    await writeFile(path.join(shared.teammate, 'casebook.json'), `${JSON.stringify(theirs, null, 2)}\n`);
    expect((await casebook(['sync', '--workspace', shared.teammate, '-m', 'Name the site'])).code).toBe(0);

    // Here the author names it differently, then syncs.
    await page.goto(await serve());
    let settings = await openSettings(page);
    await settings.getByRole('textbox', { name: 'Title' }).fill('Ana’s casebook');
    await expect(settings.getByRole('status').last()).toHaveText('Settings saved');
    await settings.getByRole('button', { name: 'Close' }).last().click();
    await syncButton(page).click();
    await expect(syncButton(page)).toHaveAccessibleDescription('1 conflict', { timeout: SYNC_MS });
    expect((await siteFile(workspace)).site.title).toBe('Ana’s casebook');

    // Site settings opens on the conflict: mine beside theirs, with who made theirs.
    settings = await openSettings(page);
    const notice = settings.getByRole('region', { name: 'Site settings: 1 conflict from the last sync' });
    const item = notice.getByRole('listitem').filter({ hasText: 'Title' });
    await expect(item).toContainText('Mine (in use)Ana’s casebook');
    await expect(item).toContainText('Theirs (Ben CLI)Ben’s field notes');
    await expect(settings.getByRole('textbox', { name: 'Title' })).toHaveValue('Ana’s casebook');
    expect(await axeViolations(page, '.settings-dialog')).toEqual([]);
    if (shots) await screenshots(page, shots);

    // An edit the form cannot save (too long) is not reset by a choice: nothing is resolved, and why.
    const tagline = settings.getByRole('textbox', { name: 'Tagline' });
    const taglineBefore = await tagline.inputValue();
    await tagline.fill('x'.repeat(201));
    const resolveTitle = item.getByRole('group', { name: 'Resolve: Title' });
    await resolveTitle.getByRole('button', { name: 'Take theirs' }).click();
    await expect(notice).toContainText('Not resolved: your edits to the site settings could not be saved');
    await expect(tagline).toHaveValue('x'.repeat(201));
    expect((await siteFile(workspace)).conflicts).toHaveLength(1);
    await tagline.fill(taglineBefore);

    await resolveTitle.getByRole('button', { name: 'Take theirs' }).click();
    await expect(notice).toBeHidden();
    await expect(settings.getByRole('textbox', { name: 'Title' })).toHaveValue('Ben’s field notes');
    const onDisk = await siteFile(workspace);
    expect(onDisk.site.title).toBe('Ben’s field notes');
    expect(onDisk.conflicts).toBeUndefined();
    await settings.getByRole('button', { name: 'Close' }).last().click();

    // The resolution goes out with the next sync; both authors then agree.
    await syncButton(page).click();
    await expect(syncButton(page)).toHaveAccessibleDescription('Up to date', { timeout: SYNC_MS });
    const remote = JSON.parse(await git(shared.remote, ['show', 'main:casebook.json'])) as { site: { title: string } };
    expect(remote.site.title).toBe('Ben’s field notes');
  } finally {
    await shared.cleanup();
  }
});

test('an author and a template section changed on both sides: Keep both joins the bios, Keep mine keeps the section', async ({
  page,
  serve,
  workspace,
}) => {
  // Written as a merge (git sync or the merge driver) leaves them; git-sync above makes one for real.
  const dana = { name: 'Dana Kim', bio: 'SRE', url: '', avatar: '' };
  const site = (bio: string) =>
    serializeJson(workspaceFileSchema, {
      schemaVersion: 1,
      site: { ...defaultSiteSettings(), authors: [{ ...dana, bio }] },
    });
  const merged = mergeWorkspaceFile('casebook.json', site('SRE'), site('SRE lead'), site('Platform engineer'), {
    theirsAuthor: 'Ben CLI',
  });
  await writeFile(path.join(workspace, 'casebook.json'), merged.text);
  const template = (problem: string) => JSON.stringify({ name: 'Incident review', sections: { problem } });
  await mkdir(path.join(workspace, 'templates'), { recursive: true });
  await writeFile(
    path.join(workspace, 'templates', 'incident-review.json'),
    mergeWorkspaceFile(
      'templates/incident-review.json',
      template('What broke?'),
      template('What broke, and when?'),
      template('Who was paged, and how fast?'),
      { theirsAuthor: 'Ben CLI' },
    ).text,
  );
  await writeStudyFile(workspace, 'queue', 'Queue rewrite');

  await page.goto(await serve());
  const settings = await openSettings(page);
  const own = settings.getByRole('region', { name: 'Site settings: 1 conflict from the last sync' });
  await expect(own.getByRole('listitem')).toContainText('Authors: Dana Kim');
  await expect(own.getByRole('listitem')).toContainText('Theirs (Ben CLI)Dana Kim · Platform engineer');
  const inTemplate = settings.getByRole('region', {
    name: 'Template “Incident review”: 1 conflict from the last sync',
  });
  await expect(inTemplate.getByRole('listitem')).toContainText('Section: Problem');
  expect(await axeViolations(page, '.settings-dialog')).toEqual([]);
  if (shots) await screenshots(page, shots, 'settings-conflict-author-template');

  await own
    .getByRole('group', { name: 'Resolve: Authors: Dana Kim' })
    .getByRole('button', { name: 'Keep both' })
    .click();
  await expect(own).toBeHidden();
  await expect(settings.getByRole('textbox', { name: 'Bio of Dana Kim' })).toHaveValue('SRE lead\n\nPlatform engineer');
  await inTemplate
    .getByRole('group', { name: 'Resolve: Section: Problem' })
    .getByRole('button', { name: 'Keep mine' })
    .click();
  await expect(inTemplate).toBeHidden();
  const onDisk = JSON.parse(await readFile(path.join(workspace, 'templates', 'incident-review.json'), 'utf8'));
  expect(onDisk).toEqual({ name: 'Incident review', sections: { problem: 'What broke, and when?' } });
});

/** The dialog with its conflicts at 390 and 1280 px, light and dark. */
async function screenshots(page: Page, dir: string, name = 'settings-conflict') {
  await mkdir(dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(dir, `${name}-${width}-${scheme}.png`) });
    }
    expect(await axeViolations(page, '.settings-dialog')).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}
