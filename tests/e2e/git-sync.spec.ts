// Sync in the app against a bare remote on disk, with a teammate working through the CLI:
// the status bar's Sync button says what is waiting, a sync sends what was just typed (even
// before autosave got to it) and receives the teammate's change into the open study; a block
// both changed comes back as a conflict the author resolves with Keep both.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import { writeStudyFile } from '../helpers/study-files';
import { axeViolations } from './axe';
import { libraryEntry, openStudy, section, typeInSection } from './casebook-page';
import { expect, test } from './casebook-server';
import { casebook, editStudy, git, paragraphDoc, shareWorkspace, studyOnRemote, SYNC_MS } from './git-workspaces';

// Each test runs real syncs: several CLI processes and git operations, tens of seconds on two loaded cores.
test.describe.configure({ timeout: 90_000 });

const syncButton = (page: Page) => page.getByRole('button', { name: 'Sync', exact: true });
const syncOutcome = (page: Page) =>
  page.locator('[aria-live="polite"]').filter({ hasText: /Sent|Synced|received|conflict|failed|repository/i });

async function seed(workspace: string) {
  await writeStudyFile(workspace, 'queue', 'Queue rewrite', {
    problem: paragraphDoc('p-queue-1', 'Writes were lost.'),
  });
  await writeStudyFile(workspace, 'cache', 'Cache warmup', { problem: paragraphDoc('p-cache-1', 'Cold starts hurt.') });
}

test('Sync sends what was just typed and receives a teammate’s change into the open study', async ({
  page,
  serve,
  workspace,
}) => {
  await seed(workspace);
  const shared = await shareWorkspace(workspace);
  try {
    await page.goto(await serve());
    await openStudy(page, 'Queue rewrite');

    // The teammate renames the study and syncs from the CLI.
    await editStudy(shared.teammate, 'queue', (study) => ({ ...study, title: 'Queue rewrite, second take' }));
    const theirs = await casebook(['sync', '--workspace', shared.teammate, '-m', 'Rename the queue study']);
    expect(theirs.code, theirs.stderr).toBe(0);

    // Typed and synced at once: the sync saves it first, so it goes out too.
    await typeInSection(page, 'Problem', ' Now they are not.');
    await syncButton(page).click();
    await expect(syncOutcome(page)).toHaveText(/^Sent \d+ changes?, received 1: ‘Queue rewrite, second take’\.$/, {
      timeout: SYNC_MS,
    });
    await expect(syncButton(page)).toHaveAccessibleDescription('Up to date');

    // The open study shows the teammate's title with the author's words kept.
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Queue rewrite, second take');
    await expect(section(page, 'Problem')).toContainText('Writes were lost. Now they are not.');
    await expect(libraryEntry(page, 'Queue rewrite, second take')).toBeVisible();

    // And the remote holds both.
    const onRemote = await studyOnRemote(shared.remote, 'queue');
    expect(onRemote.title).toBe('Queue rewrite, second take');
    expect(docToPlainText(onRemote.problem)).toBe('Writes were lost. Now they are not.');

    expect(await axeViolations(page, 'footer')).toEqual([]);

    // Sync settings name where it syncs to, and offer syncing every few minutes (off at first).
    await page.getByRole('button', { name: 'Sync settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Sync settings' });
    await expect(settings.getByRole('textbox', { name: 'Remote' })).toHaveValue(shared.remote);
    await expect(settings.getByRole('checkbox', { name: 'Sync every 5 minutes' })).not.toBeChecked();
    expect(await axeViolations(page, 'dialog')).toEqual([]);
    await settings.getByRole('button', { name: 'Close' }).click();
    await expect(settings).toBeHidden();
  } finally {
    await shared.cleanup();
  }
});

test('a paragraph both authors changed is a conflict, resolved in the study with Keep both', async ({
  page,
  serve,
  workspace,
}) => {
  test.setTimeout(60_000); // two clones, two syncs and a merge
  await seed(workspace);
  const shared = await shareWorkspace(workspace);
  try {
    await editStudy(shared.teammate, 'queue', (study) => ({
      ...study,
      problem: paragraphDoc('p-queue-1', 'Writes were lost at peak load.'),
    }));
    expect((await casebook(['sync', '--workspace', shared.teammate, '-m', 'Say when'])).code).toBe(0);

    await page.goto(await serve());
    await openStudy(page, 'Queue rewrite');
    await typeInSection(page, 'Problem', ' Every night.');
    // Once saved, the button says there is something to send (it asks again after saves).
    await expect(page.getByRole('status')).toHaveText('Saved');
    await expect(syncButton(page)).toHaveAccessibleDescription(/^\d+ to send$/);
    await syncButton(page).click();
    await expect(syncOutcome(page)).toContainText('1 study has conflicts to resolve: ‘Queue rewrite’', {
      timeout: SYNC_MS,
    });
    await expect(syncButton(page)).toHaveAccessibleDescription('1 conflict');

    // Flagged in the library, and shown in the study with both versions.
    await expect(libraryEntry(page, 'Queue rewrite')).toHaveAccessibleDescription(/1 conflict/);
    const notice = page.getByRole('region', { name: '1 conflict from the last sync' });
    await expect(notice).toContainText('Writes were lost. Every night.');
    await expect(notice).toContainText('Writes were lost at peak load.');
    expect(await axeViolations(page, '.study-conflicts')).toEqual([]);

    await notice.getByRole('button', { name: 'Keep both' }).click();
    await expect(notice).toBeHidden();
    await expect(section(page, 'Problem')).toContainText('Writes were lost. Every night.');
    await expect(section(page, 'Problem')).toContainText('Writes were lost at peak load.');
    await expect(libraryEntry(page, 'Queue rewrite')).not.toHaveAccessibleDescription(/conflict/);

    // The resolution goes out with the next sync.
    await syncButton(page).click();
    await expect(syncButton(page)).toHaveAccessibleDescription('Up to date');
    const onRemote = docToPlainText((await studyOnRemote(shared.remote, 'queue')).problem);
    expect(onRemote).toContain('Every night.');
    expect(onRemote).toContain('at peak load.');
  } finally {
    await shared.cleanup();
  }
});

test('a workspace that is not a repository is made one from Sync settings, then shared to a remote', async ({
  page,
  serve,
  workspace,
}) => {
  await seed(workspace);
  const root = await mkdtemp(path.join(tmpdir(), 'casebook-git-'));
  try {
    const remote = path.join(root, 'remote.git');
    await git(root, ['init', '--bare', '--initial-branch=main', remote]);
    await page.goto(await serve());
    await expect(syncButton(page)).toHaveAccessibleDescription('Not a git workspace');
    await syncButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Sync settings' });
    const make = dialog.getByRole('button', { name: 'Make this a git workspace' });
    await expect(make).toBeVisible();
    expect(await axeViolations(page, 'dialog')).toEqual([]);

    // A half-given identity is refused, saying what is missing; nothing is made.
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ana App');
    await make.click();
    await expect(dialog.getByRole('alert')).toContainText('email');
    expect(existsSync(path.join(workspace, '.git'))).toBe(false);

    await dialog.getByRole('textbox', { name: 'Email' }).fill('ana@example.com');
    await make.click();
    // Made: the remote is what comes next, and it has the focus.
    const remoteField = dialog.getByRole('textbox', { name: 'Remote' });
    await expect(remoteField).toBeFocused();
    await expect(syncOutcome(page)).toHaveText(/now a git repository/);
    expect(await git(workspace, ['log', '--format=%an <%ae>|%s'])).toBe(
      'Ana App <ana@example.com>|Start the Casebook workspace\n',
    );
    expect(await git(workspace, ['status', '--porcelain'])).toBe('');
    expect(await axeViolations(page, 'dialog')).toEqual([]);

    await remoteField.fill(remote);
    await dialog.getByRole('button', { name: 'Save and sync' }).click();
    await expect(dialog).toBeHidden();
    await expect(syncOutcome(page)).toHaveText(/^Sent 1 change\.$/, { timeout: SYNC_MS });
    await expect(syncButton(page)).toHaveAccessibleDescription('Up to date');
    expect((await studyOnRemote(remote, 'queue')).title).toBe('Queue rewrite');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
