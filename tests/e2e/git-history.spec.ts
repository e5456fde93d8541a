// A study's History in a git-backed workspace: its versions newest first (message, author,
// when), the text of an older one against now as a word diff, and Restore, after which the
// editor shows that version.
import { writeStudyFile } from '../helpers/study-files';
import { axeViolations } from './axe';
import { openStudy, section } from './casebook-page';
import { expect, test } from './casebook-server';
import { editStudy, paragraphDoc, shareWorkspace } from './git-workspaces';

// Each test runs real syncs: several CLI processes and git operations, tens of seconds on two loaded cores.
test.describe.configure({ timeout: 90_000 });

test('History lists the versions, shows what changed since one, and restores it', async ({
  page,
  serve,
  workspace,
}) => {
  await writeStudyFile(workspace, 'cache', 'Cache warmup', { problem: paragraphDoc('p-1', 'The cache was slow.') });
  const shared = await shareWorkspace(workspace, [
    {
      message: 'Say what the fix did',
      author: 'Ben CLI',
      write: () =>
        editStudy(workspace, 'cache', (study) => ({
          ...study,
          problem: paragraphDoc('p-1', 'The cache was fast after the fix.'),
        })),
    },
  ]);
  try {
    await page.goto(await serve());
    await openStudy(page, 'Cache warmup');
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'History' });
    const versions = dialog.getByRole('list', { name: 'Versions' }).getByRole('button');
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toContainText('Say what the fix did');
    await expect(versions.nth(0)).toContainText('Ben CLI');
    await expect(versions.nth(1)).toContainText('Start the Casebook workspace');
    await expect(versions.nth(1)).toContainText('Ana App');

    await versions.nth(1).click();
    await expect(versions.nth(1)).toHaveAttribute('aria-pressed', 'true');
    const changes = dialog.getByRole('region', { name: 'Changes since this version' });
    const problem = changes.getByRole('region', { name: 'Problem' });
    await expect(problem.locator('del')).toHaveText(['[removed: slow.]']);
    await expect(problem.locator('ins')).toHaveText(['[added: fast after the fix.]']);
    await expect(changes).toContainText('Unchanged: Title, Summary');
    expect(await axeViolations(page, 'dialog')).toEqual([]);

    await changes.getByRole('button', { name: 'Restore this version…' }).click();
    await changes
      .getByRole('group', { name: 'Restore this version?' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await expect(dialog).toBeHidden();
    await expect(section(page, 'Problem')).toHaveText('The cache was slow.');
  } finally {
    await shared.cleanup();
  }
});
