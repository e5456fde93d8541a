// Defect 2: the editor's headings are named for the level they have on the page (the section's
// title is the page's h2, so an author's headings are h3 and below), on the key of that number,
// and no export skips a level even when the author starts deeper.
import { createStudy, saveStatus, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { exportStudy, toolbarButton } from './editor-page';

test('headings are the page levels they are named for, and no export skips a level', async ({
  page,
  serve,
  workspace,
}) => {
  const appUrl = await serve();
  await page.goto(appUrl);
  await createStudy(page, 'Heading Levels');
  const problem = section(page, 'Problem');
  await problem.click();

  // The toolbar offers the page's h3 and h4 by those names.
  await toolbarButton(page, 'Heading 3').click();
  await page.keyboard.type('Context');
  await expect(problem.getByRole('heading', { level: 3 })).toHaveText('Context');
  await expect(toolbarButton(page, 'Heading 3')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  // Ctrl+Alt+4 is Heading 4; Ctrl+Alt+5 is Heading 5 (keys match names).
  await page.keyboard.press('ControlOrMeta+Alt+4');
  await page.keyboard.type('Detail');
  await expect(problem.getByRole('heading', { level: 4 })).toHaveText('Detail');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Some text.');
  await page.keyboard.press('Enter');

  // A section that starts two levels down: the author's choice is kept, the pages do not skip.
  const lessons = section(page, 'Lessons');
  await lessons.click();
  await page.keyboard.press('ControlOrMeta+Alt+5');
  await page.keyboard.type('Too deep');
  await expect(lessons.getByRole('heading', { level: 5 })).toHaveText('Too deep');

  await expect(saveStatus(page)).toHaveText('Saved');
  const [study] = await studiesOnDisk(workspace);
  const { md, html } = await exportStudy(appUrl, test.info().outputPath('export'), study!.slug);
  expect(md).toMatch(/^### Context$/m);
  expect(md).toMatch(/^#### Detail$/m);
  expect(md).toMatch(/^### Too deep$/m);
  expect(html).toMatch(/<h3[^>]*>Context<\/h3>/);
  expect(html).toMatch(/<h4[^>]*>Detail<\/h4>/);
  expect(html).toMatch(/<h3[^>]*>Too deep<\/h3>/);
  // In page order, no heading is more than one level below the one before it.
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
});
