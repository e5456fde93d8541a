// The quiet chrome: one row of icon buttons (names unchanged, shortcuts exposed), the rarer
// commands in a keyboard-driven "More" menu, the block handle's menu and its keys, and the
// link popover opening at the selection, which stays marked while the address is typed.
import { axeViolations } from './axe';
import { createStudy, section } from './casebook-page';
import { expect, test } from './casebook-server';
import { toolbarButton } from './editor-page';

test('the toolbar is one row; More opens and closes from the keyboard', async ({ page, serve }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(await serve());
  await createStudy(page, 'Quiet Chrome');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting', exact: true });
  // Measured in one go: the page above may still change height as the study saves.
  const tops = await toolbar.evaluate((bar) => [
    ...new Set(Array.from(bar.querySelectorAll('button')).map((b) => Math.round(b.getBoundingClientRect().top))),
  ]);
  expect(tops).toHaveLength(1);
  await expect(toolbarButton(page, 'Bold')).toHaveAttribute('aria-keyshortcuts', /^(Control|Meta)\+B$/);
  await expect(toolbarButton(page, 'Heading 3')).toHaveAttribute('aria-keyshortcuts', /^(Control|Meta)\+Alt\+3$/);

  await section(page, 'Problem').click();
  await toolbarButton(page, 'Heading 3').focus();
  await page.keyboard.press('End');
  const more = toolbarButton(page, 'More');
  await expect(more).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'More' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem').last()).toBeFocused();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, '.editor-toolbar-row', '.tool-menu'), scheme).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  // Choosing from the menu by keyboard acts on the section being written.
  await section(page, 'Problem').click();
  await page.keyboard.type('Before');
  await toolbarButton(page, 'Heading 3').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  const divider = menu.getByRole('menuitem', { name: 'Divider' });
  await divider.focus();
  await expect(divider).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(section(page, 'Problem').locator('hr')).toHaveCount(1);
});

test('the block handle moves, duplicates and deletes blocks; so do its keys', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Block Moves');
  const problem = section(page, 'Problem');
  await problem.click();
  for (const word of ['one', 'two', 'three']) {
    await page.keyboard.type(word);
    if (word !== 'three') await page.keyboard.press('Enter');
  }
  const paragraphs = problem.locator('p');
  await expect(paragraphs).toHaveText(['one', 'two', 'three']);

  await paragraphs.nth(2).hover();
  await page.getByRole('button', { name: 'Block actions' }).first().click();
  const menu = page.getByRole('menu', { name: 'Block actions' });
  await menu.getByRole('menuitem', { name: 'Move block up' }).click();
  await expect(paragraphs).toHaveText(['one', 'three', 'two']);

  await paragraphs.nth(0).hover();
  await page.getByRole('button', { name: 'Block actions' }).first().click();
  await menu.getByRole('menuitem', { name: 'Turn into Heading 3' }).click();
  await expect(problem.getByRole('heading', { level: 3 })).toHaveText('one');

  // The same actions from the keyboard, on the caret's block.
  await paragraphs.filter({ hasText: 'two' }).click();
  await page.keyboard.press('ControlOrMeta+Shift+ArrowUp');
  await expect(paragraphs).toHaveText(['two', 'three']);
  await expect(problem.locator(':scope > *')).toHaveText(['one', 'two', 'three']);
  await page.keyboard.press('ControlOrMeta+Shift+d');
  await expect(paragraphs).toHaveText(['two', 'two', 'three']);
  await page.keyboard.press('ControlOrMeta+Shift+Backspace');
  await expect(paragraphs).toHaveText(['two', 'three']);
});

test('a shortcut right after the selection moved acts on the new selection (before the editor heard of it)', async ({
  page,
  serve,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Quick Link');
  const decisions = section(page, 'Decisions');
  await decisions.click();
  await page.keyboard.type('Read the runbook first.');
  // As a fast typist's Shift+Arrows then Mod-K land: the browser moves the selection, and the
  // key arrives before the selectionchange that tells the editor (here: in the same task).
  await decisions.evaluate((el) => {
    const text = el.querySelector('p')!.firstChild!;
    const at = text.textContent!.indexOf('runbook');
    window.getSelection()!.setBaseAndExtent(text, at, text, at + 'runbook'.length);
    const mac = navigator.platform.startsWith('Mac');
    el.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'k',
        code: 'KeyK',
        ctrlKey: !mac,
        metaKey: mac,
        bubbles: true,
        cancelable: true,
      }),
    );
  });
  await expect(page.getByRole('dialog', { name: 'Edit link' })).toBeVisible();
  await expect(decisions.locator('.kept-selection')).toHaveText('runbook');
});

test('the link popover opens at the selection and keeps it marked', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Anchored Link');
  const decisions = section(page, 'Decisions');
  await decisions.click();
  await page.keyboard.type('Read the runbook first.');
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+ArrowRight'); // to the end of "runbook"
  for (let i = 0; i < 'runbook'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: 'Edit link' });
  const address = dialog.getByRole('textbox', { name: 'Link address' });
  await expect(address).toBeFocused();
  await page.keyboard.type('https://example.com/runbook');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, '.link-popover', '[role="textbox"][aria-label="Decisions"]'), scheme).toEqual([]);
  }
  // The selection is still shown (marked) while focus is in the popover: a decoration, found
  // by its class as nothing else names it.
  const marked = decisions.locator('.kept-selection');
  await expect(marked).toHaveText('runbook');
  // The popover sits next to it: within a few lines below (or above) the marked word.
  const word = (await marked.boundingBox())!;
  const box = (await dialog.boundingBox())!;
  expect(Math.min(Math.abs(box.y - (word.y + word.height)), Math.abs(box.y + box.height - word.y))).toBeLessThan(40);
  await page.keyboard.press('Enter');
  await expect(decisions.getByRole('link', { name: 'runbook' })).toHaveAttribute('href', 'https://example.com/runbook');
  await expect(marked).toHaveCount(0);
});

test('paragraphs stand apart by a blank line, as on the published page', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Spaced Paragraphs');
  const problem = section(page, 'Problem');
  await problem.click();
  await page.keyboard.type('The first paragraph ends here.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The second one starts after a gap.');
  const paragraphs = problem.getByRole('paragraph');
  await expect(paragraphs).toHaveCount(2);
  const [first, second] = [await paragraphs.nth(0).boundingBox(), await paragraphs.nth(1).boundingBox()];
  const lineHeight = await paragraphs.nth(0).evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
  // The space between them is at least half a line: without it a section reads as one wall of text.
  expect(second!.y - (first!.y + first!.height)).toBeGreaterThan(lineHeight / 2);
});
