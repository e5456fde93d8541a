// Keyboard shortcuts from the command table, the list of them, word counts with reading time,
// and the per-section guidance.
import { createStudy, section, typeInSection } from './casebook-page';
import { expect, test } from './casebook-server';
import { toolbarButton } from './editor-page';

test('standard shortcuts format text and the Keyboard shortcuts list shows them', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Shortcut Study');
  const problem = section(page, 'Problem');
  await problem.click();

  await page.keyboard.press('ControlOrMeta+Alt+3'); // Heading 3: the page's h3, under the section's h2
  await page.keyboard.type('Context');
  await expect(problem.getByRole('heading', { level: 3 })).toHaveText('Context');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('loud');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.press('ControlOrMeta+i');
  await page.keyboard.type(' soft');
  await page.keyboard.press('ControlOrMeta+i');
  await expect(problem.locator('strong')).toHaveText('loud');
  await expect(problem.locator('em')).toHaveText(' soft');

  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+Shift+8');
  await page.keyboard.type('bullet');
  await expect(problem.locator('ul > li')).toHaveText(['bullet']);
  await page.keyboard.press('ControlOrMeta+z');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(problem.locator('ul')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(problem.locator('ul')).toHaveCount(1);

  await page.keyboard.press('ControlOrMeta+k');
  await expect(page.getByRole('dialog', { name: 'Edit link' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Edit link' })).toBeHidden();
  await expect(problem).toBeFocused();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  const isMac = process.platform === 'darwin';
  await expect(list.getByRole('row', { name: /^Bold/ })).toContainText(isMac ? '⌘B' : 'Ctrl+B');
  // A heading's key is its page level: Heading 3 is Ctrl+Alt+3.
  await expect(list.getByRole('row', { name: /^Heading 3/ })).toContainText(isMac ? '⌘⌥3' : 'Ctrl+Alt+3');
  await expect(list.getByRole('row', { name: /^Find and replace/ })).toContainText(isMac ? '⌘H' : 'Ctrl+H');
  // Window keys come from the same table that binds them.
  await expect(list.getByRole('row', { name: /^Quick open/ })).toContainText(isMac ? '⌘P' : 'Ctrl+P');
  await list.getByRole('button', { name: 'Close' }).click();
  await expect(list).toBeHidden();
  // "?" types a question mark in a section, and opens the list elsewhere.
  await problem.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('?');
  await expect(list).toBeHidden();
  await expect(problem).toContainText('?');
  await page.getByRole('heading', { name: 'Problem' }).click();
  await page.keyboard.press('?');
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();

  // The toolbar is one Tab stop; arrows, Home and End move inside it.
  await toolbarButton(page, 'Heading 3').focus();
  await page.keyboard.press('ArrowRight');
  await expect(toolbarButton(page, 'Heading 4')).toBeFocused();
  await page.keyboard.press('End');
  await expect(toolbarButton(page, 'More')).toBeFocused(); // the menu of the rest ends the row
  await page.keyboard.press('ArrowRight');
  await expect(toolbarButton(page, 'Heading 3')).toBeFocused();
  await expect(
    page.getByRole('toolbar', { name: 'Formatting', exact: true }).locator('button[tabindex="0"]'),
  ).toHaveCount(1);
});

test('word counts per section and for the study, reading time, and the guidance tips', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Counting Study');
  const problemRegion = page.getByRole('region', { name: 'Problem' });
  const decisionsRegion = page.getByRole('region', { name: 'Decisions' });
  await expect(problemRegion.getByText('0 words')).toBeVisible();
  // An empty study has nothing to read: no "1 min read" beside its 0 words.
  await expect(page.getByText(/min read/)).toHaveCount(0);

  await typeInSection(page, 'Problem', 'One two three four five.');
  await typeInSection(page, 'Decisions', 'Six seven — eight.');
  await expect(problemRegion.getByText('5 words', { exact: true })).toBeVisible();
  await expect(decisionsRegion.getByText('3 words', { exact: true })).toBeVisible();
  await expect(page.getByText('8 words · 1 min read')).toBeVisible();

  // 460 more words: two minutes at 230 words a minute.
  await section(page, 'Lessons').click();
  await page.keyboard.insertText(Array.from({ length: 460 }, (_, i) => `w${i}`).join(' '));
  await expect(page.getByText('468 words · 2 min read')).toBeVisible();

  const tips = problemRegion.getByRole('group').filter({ hasText: 'What good looks like' });
  await expect(problemRegion.getByText('Give one number from before')).toBeHidden();
  await problemRegion.getByText('What good looks like').click();
  await expect(problemRegion.getByText(/Give one number from before/)).toBeVisible();
  await expect(tips).toHaveCount(1);
  await expect(section(page, 'Tradeoffs')).toHaveAttribute('spellcheck', 'true');
  await expect(section(page, 'Tradeoffs')).toHaveAttribute('lang', 'en');
});
