// Screenshots of the git-backed workspace's parts, light and dark at 390, 768 and 1280 px, for
// looking at them (CASEBOOK_SHOTS_DIR, else test-results/shots/git): the status bar's Sync
// state and outcome, History with a diff, conflicts kept in a study, and a workspace not yet
// in git. Asserts only what each shows.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeStudyFile } from '../helpers/study-files';
import { openStudy, typeInSection } from './casebook-page';
import { expect, test } from './casebook-server';
import { casebook, editStudy, paragraphDoc, shareWorkspace, SYNC_MS } from './git-workspaces';

// Each test runs real syncs: several CLI processes and git operations, tens of seconds on two loaded cores.
test.describe.configure({ timeout: 90_000 });

const shots = path.resolve(process.env.CASEBOOK_SHOTS_DIR ?? 'test-results/shots/git');
const WIDTHS = [390, 768, 1280] as const;

for (const scheme of ['light', 'dark'] as const) {
  test(`sync and history, ${scheme}`, async ({ page, serve, workspace }) => {
    test.setTimeout(90_000);
    await mkdir(shots, { recursive: true });
    const shot = (name: string, width: number) => path.join(shots, `${name}-${width}-${scheme}.png`);
    for (const width of WIDTHS)
      for (const name of ['status-bar', 'status-bar-to-send', 'history']) await rm(shot(name, width), { force: true });

    await writeStudyFile(workspace, 'cache', 'Cache warmup', {
      problem: paragraphDoc('p-1', 'The cache was slow when the service started cold every morning.'),
    });
    const shared = await shareWorkspace(workspace, [
      {
        message: 'Say what the fix did',
        author: 'Ben CLI',
        write: () =>
          editStudy(workspace, 'cache', (study) => ({
            ...study,
            problem: paragraphDoc('p-1', 'The cache was fast after the fix, even on cold mornings.'),
          })),
      },
    ]);
    try {
      // The teammate starts another study and syncs: the app receives it.
      await writeStudyFile(shared.teammate, 'queue', 'Queue rewrite');
      expect((await casebook(['sync', '--workspace', shared.teammate, '-m', 'Start the queue study'])).code).toBe(0);

      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(await serve());
      await openStudy(page, 'Cache warmup');
      const sync = page.getByRole('button', { name: 'Sync', exact: true });
      await typeInSection(page, 'Problem', ' We measured it.');
      await expect(sync).toHaveAccessibleDescription('1 to send');
      await page.screenshot({ path: shot('status-bar-to-send', 1280) });
      await sync.click();
      await expect(page.locator('.sync-outcome')).toContainText('received 1: ‘Queue rewrite’', { timeout: SYNC_MS });
      await expect(sync).toHaveAccessibleDescription('Up to date');

      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await page.screenshot({ path: shot('status-bar', width) });

        await page.getByRole('button', { name: 'History', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'History' });
        const versions = dialog.getByRole('list', { name: 'Versions' }).getByRole('button');
        await versions.last().click();
        await expect(dialog.locator('ins').first()).toBeVisible();
        await page.screenshot({ path: shot('history', width) });
        await dialog.getByRole('button', { name: 'Close' }).click();
        await expect(dialog).toBeHidden();
      }
    } finally {
      await shared.cleanup();
    }
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`a workspace that is not a repository yet, ${scheme}`, async ({ page, serve, workspace }) => {
    await mkdir(shots, { recursive: true });
    await writeStudyFile(workspace, 'cache', 'Cache warmup', { problem: paragraphDoc('p-1', 'The cache was slow.') });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(await serve());
    await openStudy(page, 'Cache warmup');
    const sync = page.getByRole('button', { name: 'Sync', exact: true });
    await expect(sync).toHaveAccessibleDescription('Not a git workspace');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: path.join(shots, `not-git-status-bar-${width}-${scheme}.png`) });
      await sync.click();
      const dialog = page.getByRole('dialog', { name: 'Sync settings' });
      await expect(dialog).toBeVisible();
      await page.screenshot({ path: path.join(shots, `not-git-sync-settings-${width}-${scheme}.png`) });
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
    }
    // Made one with the button: the same dialog now asks for the remote.
    await sync.click();
    const dialog = page.getByRole('dialog', { name: 'Sync settings' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ana App');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('ana@example.com');
    await dialog.getByRole('button', { name: 'Make this a git workspace' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Remote' })).toBeFocused();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: path.join(shots, `made-git-sync-settings-${width}-${scheme}.png`) });
    }
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`conflicts kept in a study, ${scheme}`, async ({ page, serve, workspace }) => {
    await mkdir(shots, { recursive: true });
    const mine = paragraphDoc('p-1', 'The cache was slow when the service started cold every morning. We measured it.');
    const theirs = paragraphDoc('p-1', 'The cache warmed itself before the first request arrived.');
    await writeStudyFile(workspace, 'cache', 'Cache warmup', {
      summary: 'Warming the cache before traffic',
      problem: mine,
      conflictCount: 2,
      conflicts: [
        {
          id: 'c-1',
          at: '2026-03-10T09:00:00.000Z',
          where: { kind: 'block', section: 'problem', block: 'p-1' },
          mine: mine.content[0]!,
          theirs: theirs.content[0]!,
          theirsAuthor: 'Ben CLI',
        },
        {
          id: 'c-2',
          at: '2026-03-10T09:00:00.000Z',
          where: { kind: 'field', field: 'title' },
          mine: 'Cache warmup',
          theirs: 'Warming the cache',
          theirsAuthor: 'Ben CLI',
        },
      ],
    });
    await writeStudyFile(workspace, 'queue', 'Queue rewrite');
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(await serve());
    await openStudy(page, 'Cache warmup');
    const notice = page.getByRole('region', { name: '2 conflicts from the last sync' });
    await expect(notice).toBeVisible();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await notice.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `conflict-${width}-${scheme}.png`) });
    }
  });
}
