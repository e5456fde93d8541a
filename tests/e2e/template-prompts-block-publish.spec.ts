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

  // The finding leads to the prompt, selected whole (a prompt is a hint); typing replaces it and
  // clears that finding only.
  await context.click();
  await expect(section(page, 'Problem')).toBeFocused();
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.toString()))
    .toBe(
      'The system and the forces at play: load, team size, deadlines, existing technology, what is hard to change.',
    );
  await page.keyboard.type('Twelve services, three queue technologies, one on-call rota.');
  await expect(context).toHaveCount(0);
  await expect(
    checklist.getByRole('button', { name: /^Error: Problem still holds the prompt "The decision to make/ }),
  ).toBeVisible();
});

test('a template prompt reads as a hint: entering it selects it whole, so typing replaces it', async ({
  page,
  serve,
}) => {
  await page.goto(await serve());
  await page.getByRole('button', { name: 'New from template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case study' });
  await dialog.getByRole('radio', { name: 'Architecture decision' }).check();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Hints, not text');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  // By mouse: one click into the prompt, then typing — no selecting and deleting it first.
  const problem = section(page, 'Problem');
  await problem.getByText(/^The system and the forces at play/).click();
  await page.keyboard.type('Twelve services, three queue technologies.');
  await expect(problem.getByText(/forces at play/)).toHaveCount(0);
  await expect(problem.getByText('Twelve services, three queue technologies.', { exact: true })).toBeVisible();

  // By keyboard: the arrows into the next prompt select it; ArrowRight then leaves the caret at
  // its end (nothing traps the caret), where the author may add to it.
  await page.keyboard.press('ArrowDown'); // the heading "The question"
  await page.keyboard.press('ArrowDown'); // its prompt, selected whole
  await page.keyboard.type('Which queue?');
  await expect(problem.getByText('Which queue?', { exact: true })).toBeVisible();
  await expect(problem.getByText(/^The decision to make/)).toHaveCount(0);
  await page.keyboard.press('ArrowDown'); // the heading "Requirements"
  await page.keyboard.press('ArrowDown'); // the list item's prompt, selected whole
  // The browser moves the caret for ArrowDown and the editor reads it back a moment later: wait
  // until the prompt is selected, as the author sees it, before the next key (under load the
  // ArrowRight below could otherwise land before the selection and be undone by it).
  await expect.poll(() => page.evaluate(() => String(getSelection()))).toMatch(/and how you would measure it\)\.$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' Latency under 50 ms.');
  await expect(problem.getByText(/and how you would measure it\)\. Latency under 50 ms\.$/)).toBeVisible();
});
