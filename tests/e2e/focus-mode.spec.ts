// Focus mode (Mod-Shift-F or the toolbar button): the library and the chrome go, the title and
// the sections stay; Esc or the same key leaves. Typewriter scrolling keeps the line being
// written near the middle of the window.
import { section } from './casebook-page';
import { expect, test } from './casebook-server';
import { seedStudies } from './study-seed';

test('focus mode shows only the title and the sections; Esc and the key leave it', async ({
  page,
  serve,
  workspace,
}) => {
  await seedStudies(workspace);
  await page.goto(await serve());
  await page
    .getByRole('list', { name: 'Case studies' })
    .getByRole('button', { name: 'Sharding the orders table' })
    .click();
  const button = page.getByRole('button', { name: 'Focus mode' });
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(button).toHaveAttribute('aria-pressed', 'false');

  await section(page, 'Problem').click();
  await page.keyboard.press('ControlOrMeta+Shift+f');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(library).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Checks/ })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeVisible();
  // The author keeps writing where they were.
  await expect(section(page, 'Problem')).toBeFocused();
  await page.keyboard.type(' More.');
  await expect(section(page, 'Problem')).toContainText('More.');

  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(library).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();

  await button.click();
  await expect(library).toBeHidden();
  await section(page, 'Lessons').click();
  await page.keyboard.press('ControlOrMeta+Shift+f');
  await expect(library).toBeVisible();
  await expect(button).toHaveAttribute('aria-pressed', 'false');

  // Find is part of the chrome: Mod-F in focus mode leaves it and puts the caret in Find.
  await section(page, 'Lessons').click();
  await page.keyboard.press('ControlOrMeta+Shift+f');
  await expect(library).toBeHidden();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('textbox', { name: 'Find', exact: true })).toBeFocused();
});

test('typewriter scrolling keeps the line being written near the middle', async ({ page, serve, workspace }) => {
  await seedStudies(workspace);
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(await serve());
  await page
    .getByRole('list', { name: 'Case studies' })
    .getByRole('button', { name: /^Cutting the bill/ })
    .click();
  await expect(section(page, 'Problem')).toContainText('Nobody owned');
  await page.getByRole('button', { name: 'Focus mode' }).click();
  const typewriter = page.getByRole('button', { name: 'Typewriter scrolling' });
  await expect(typewriter).toHaveAttribute('aria-pressed', 'false');
  await typewriter.click();
  await expect(typewriter).toHaveAttribute('aria-pressed', 'true');

  // Down through Decisions by keyboard: without typewriter scrolling the caret would sink to
  // the bottom edge of the window before the page follows it.
  await section(page, 'Decisions')
    .getByText(/^Decision 1:/)
    .click();
  for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.type(' Then we waited.');
  await expect(section(page, 'Decisions')).toContainText('Then we waited.');
  const caretMiddle = await page.evaluate(() => {
    const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
    return (rect.top + rect.bottom) / 2 / innerHeight;
  });
  expect(caretMiddle).toBeGreaterThan(0.3);
  expect(caretMiddle).toBeLessThan(0.7);
});
