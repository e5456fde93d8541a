// Decision record card edits at the edges: a field takes no more than the record keeps (so the
// site and Markdown show all that was typed), and removing the record leaves the caret where it
// stood, so typing goes on in the section.
import { createStudy, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { chooseFromMore } from './editor-page';

test('a pasted description longer than the record keeps is cut in the field, not later', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Long description');
  const lessons = section(page, 'Lessons');
  await lessons.click();
  await chooseFromMore(page, 'Decision record');
  const card = lessons.getByRole('region', { name: /^Decision record/ });
  const description = card.getByRole('textbox', { name: 'Option 1 Description' });
  await description.fill(`${'word '.repeat(500)}END`);
  await expect(description).toHaveValue('word '.repeat(400));
  const title = card.getByRole('textbox', { name: 'Decision title' });
  await title.fill('t'.repeat(600));
  await expect(title).toHaveValue('t'.repeat(500));
  await expect
    .poll(async () => {
      const [study] = await studiesOnDisk(workspace);
      return JSON.stringify(study?.lessons);
    })
    .toContain(`"title":"${'t'.repeat(500)}"`);
});

test('after "Remove decision record" typing goes on where the record stood', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Focus after remove');
  const lessons = section(page, 'Lessons');
  await lessons.click();
  await page.keyboard.type('Before the record');
  await chooseFromMore(page, 'Decision record');
  const card = lessons.getByRole('region', { name: /^Decision record/ });
  await card.getByRole('button', { name: 'Remove decision record' }).focus();
  await page.keyboard.press('Enter');
  await expect(card).toHaveCount(0);
  await expect(lessons).toBeFocused();
  await page.keyboard.type(' and after');
  await expect(lessons).toContainText('and after');
});
