// A section holding content this version cannot load (a node from another tool or a newer
// Casebook) is shown read-only with a notice, and saving the rest of the study never touches it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { studySchema, type Study } from '../../src/core/pure/schemas/study';
import { sampleStudy, writeStudy } from '../helpers/study-files';
import { openStudy, saveStatus, section, typeInSection } from './casebook-page';
import { axeViolations } from './axe';
import { expect, test } from './casebook-server';

const SHOTS = process.env.CASEBOOK_SHOTS_DIR;

async function writeStudyWithMention(workspace: string): Promise<string> {
  const now = new Date().toISOString();
  const study: Study = studySchema.parse(
    sampleStudy(0, {
      id: 'with-mention',
      slug: 'with-mention',
      title: 'Mentions from elsewhere',
      createdAt: now,
      updatedAt: now,
      problem: {
        type: 'doc',
        content: [
          {
            // With its block id, as Casebook writes every block (an id-less block gets one on its next save).
            type: 'paragraph',
            attrs: { id: 'mention-paragraph' },
            content: [
              { type: 'text', text: 'Ask ' },
              { type: 'mention', attrs: { id: 'ana', label: 'Ana' } },
              { type: 'text', text: ' about the shard map.' },
            ],
          },
        ],
      },
    }),
  );
  return writeStudy(workspace, study);
}

test('a section with an unknown node is read-only with a notice; saving another section leaves it as stored', async ({
  page,
  serve,
  workspace,
}) => {
  const file = await writeStudyWithMention(workspace);
  const problemBefore = JSON.stringify((JSON.parse(await readFile(file, 'utf8')) as Study).problem);
  await page.goto(await serve());
  await openStudy(page, 'Mentions from elsewhere');

  const problem = page.getByRole('region', { name: 'Problem' });
  await expect(problem.getByRole('note')).toContainText(
    "This section holds content this version of Casebook cannot show (a 'mention' node).",
  );
  await expect(problem).toContainText('Ask ⟨mention: Ana⟩ about the shard map.');
  // Not an editor: no textbox, nothing editable to type a blank over.
  await expect(section(page, 'Problem')).toHaveCount(0);
  await expect(problem.locator('[contenteditable="true"]')).toHaveCount(0);

  await typeInSection(page, 'Decisions', 'We keep the shard map in one place.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect
    .poll(async () => JSON.stringify((JSON.parse(await readFile(file, 'utf8')) as Study).decisions))
    .toContain('We keep the shard map in one place.');
  const after = JSON.parse(await readFile(file, 'utf8')) as Study;
  expect(JSON.stringify(after.problem)).toBe(problemBefore);

  expect(await axeViolations(page, 'section.section-unloadable')).toEqual([]);

  if (SHOTS) {
    for (const width of [390, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await problem.getByRole('heading', { name: 'Problem' }).evaluate((h) => h.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: path.join(SHOTS, `unloadable-${width}-${scheme}.png`) });
        expect(await axeViolations(page, 'section.section-unloadable'), `${width} ${scheme}`).toEqual([]);
      }
    }
  }
});
