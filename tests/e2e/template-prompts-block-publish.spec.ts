// A study made from a template with its prompts untouched is not ready to publish: each prompt
// still in a section is an error in the publish checklist, naming the section and the prompt.
import { libraryEntry, openChecks, section } from './casebook-page';
import { expect, test } from './casebook-server';

test('the checklist shows each untouched template prompt as an error that jumps to it', async ({ page, serve }) => {
  await page.goto(await serve());
  await page.getByRole('button', { name: 'New from template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case study' });
  await dialog.getByRole('radio', { name: 'Architecture decision' }).check();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('One queue for every service');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('We moved every service to one queue.');

  const checklist = await openChecks(page);
  const context = checklist.getByRole('button', {
    name: 'Error: Problem still holds the prompt "The system and the forces at play: load, team size, deadlines, existing technol…" from the "Architecture decision" template: replace it with your own text or delete it.',
  });
  await expect(context).toBeVisible();
  await expect(
    checklist.getByRole('button', { name: /^Error: Lessons still holds the prompt "What you would tell a team/ }),
  ).toBeVisible();
  await expect(checklist).not.toContainText('Ready to publish');
  await expect(libraryEntry(page, 'One queue for every service')).toHaveAccessibleDescription(/\d+ publish errors/);

  // The finding leads to the prompt; replacing it clears that finding only.
  await context.click();
  await expect(section(page, 'Problem')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('Twelve services, three queue technologies, one on-call rota.');
  await expect(context).toHaveCount(0);
  await expect(
    checklist.getByRole('button', { name: /^Error: Problem still holds the prompt "The decision to make/ }),
  ).toBeVisible();
});
