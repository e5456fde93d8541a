// Decision record card edits at the edges: a field takes no more than the record keeps (so the
// site and Markdown show all that was typed).
import { createStudy, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';

test('a pasted description longer than the record keeps is cut in the field, not later', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Long description');
  const lessons = section(page, 'Lessons');
  await lessons.click();
  await page.getByRole('button', { name: 'Decision record', exact: true }).click();
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
