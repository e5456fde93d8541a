// Conflicts a merge kept in a study file (as `casebook sync` or the merge driver leave them):
// the library flags the study, the study shows each conflict with both versions, and Keep both
// keeps both paragraphs; the file then holds no conflict. The file is written as a merge
// would write it, so this runs without a remote (git-sync.spec.ts gets one through a sync).
import type { Study } from '../../src/core/pure/schemas/study';
import { writeStudyFile } from '../helpers/study-files';
import { axeViolations } from './axe';
import { libraryEntry, openStudy, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { paragraphDoc } from './git-workspaces';

// Each test runs real syncs: several CLI processes and git operations, tens of seconds on two loaded cores.
test.describe.configure({ timeout: 90_000 });

const paragraph = (id: string, text: string) => paragraphDoc(id, text).content[0]!;

async function seedConflicts(workspace: string): Promise<void> {
  const conflicts: Study['conflicts'] = [
    {
      id: 'c-block',
      at: '2026-03-10T09:00:00.000Z',
      where: { kind: 'block', section: 'problem', block: 'p-1' },
      mine: paragraph('p-1', 'Writes were lost every night.'),
      theirs: paragraph('p-1', 'Writes were lost at peak load.'),
      theirsAuthor: 'Ben CLI',
    },
    {
      id: 'c-title',
      at: '2026-03-10T09:00:00.000Z',
      where: { kind: 'field', field: 'summary' },
      mine: 'Why the queue lost writes',
      theirs: 'How we stopped losing writes',
      theirsAuthor: 'Ben CLI',
    },
  ];
  await writeStudyFile(workspace, 'queue', 'Queue rewrite', {
    summary: 'Why the queue lost writes',
    problem: paragraphDoc('p-1', 'Writes were lost every night.'),
    conflicts,
    conflictCount: conflicts.length,
  });
  await writeStudyFile(workspace, 'cache', 'Cache warmup');
}

test('conflicts kept by a merge are flagged, shown with both versions, and Keep both keeps both', async ({
  page,
  serve,
  workspace,
}) => {
  await seedConflicts(workspace);
  await page.goto(await serve());

  // The library flags the study in words, as the entry's description.
  await expect(libraryEntry(page, 'Queue rewrite')).toHaveAccessibleDescription(/2 conflicts/);
  await expect(libraryEntry(page, 'Cache warmup')).not.toHaveAccessibleDescription(/conflict/);

  await openStudy(page, 'Queue rewrite');
  const notice = page.getByRole('region', { name: '2 conflicts from the last sync' });
  const block = notice.getByRole('listitem').filter({ hasText: 'Problem, paragraph 1' });
  await expect(block).toContainText('Writes were lost every night.');
  await expect(block).toContainText('Theirs (Ben CLI)');
  await expect(block).toContainText('Writes were lost at peak load.');
  await expect(notice.getByRole('listitem').filter({ hasText: 'Summary' })).toContainText(
    'How we stopped losing writes',
  );
  expect(await axeViolations(page, '.study-conflicts', 'nav.library')).toEqual([]);

  // "Show in the study" brings the paragraph itself into view.
  await block.getByRole('button', { name: 'Show in the study' }).click();
  await expect(section(page, 'Problem').getByText('Writes were lost every night.')).toBeInViewport();

  await block.getByRole('button', { name: 'Keep both' }).click();
  const left = page.getByRole('region', { name: '1 conflict from the last sync' });
  await expect(left).toBeVisible();
  await expect(section(page, 'Problem')).toContainText('Writes were lost every night.');
  await expect(section(page, 'Problem')).toContainText('Writes were lost at peak load.');
  await expect(libraryEntry(page, 'Queue rewrite')).toHaveAccessibleDescription(/1 conflict/);

  // Take theirs for the summary: the study shows it, and nothing is left to resolve.
  await left.getByRole('button', { name: 'Take theirs' }).click();
  await expect(left).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue('How we stopped losing writes');
  await expect(libraryEntry(page, 'Queue rewrite')).not.toHaveAccessibleDescription(/conflict/);

  const onDisk = (await studiesOnDisk(workspace)).find((s) => s.id === 'queue')!;
  expect(onDisk.conflicts).toEqual([]);
  expect(onDisk.problem.content).toHaveLength(2);
});
