// A link whose target hides javascript: behind a Unicode space never becomes a link in the
// editor, whether pasted as HTML (`<a href="&nbsp;javascript:…">`, the browser decodes the
// reference) or typed into the link box; a safe pasted link keeps its target exactly.
import { createStudy, saveStatus, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { toolbarButton } from './editor-page';

const SPACES = ['&nbsp;', '&#xFEFF;', '&#x2028;', '&#x3000;', '&#x1680;', '&#x2003;', '&#x205F;', '&#x202F;'];

test('pasted links with a Unicode space before javascript: lose their target; safe ones keep it', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Pasted Links');
  const problem = section(page, 'Problem');
  await problem.click();
  const html = [
    ...SPACES.map((space, i) => `<a href="${space}javascript:window.__pwned=${i}">evil ${i}</a> `),
    '<a href="https://example.com/docs?a=1&amp;b=2">docs</a>',
  ].join('');
  await problem.evaluate((editor, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', `<p>${pasted}</p>`);
    data.setData('text/plain', 'links');
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);

  await expect(problem).toContainText('evil 7');
  await expect(problem.getByRole('link')).toHaveCount(1);
  await expect(problem.getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://example.com/docs?a=1&b=2');
  await expect(saveStatus(page)).toHaveText('Saved');

  const [study] = await studiesOnDisk(workspace);
  const hrefs = JSON.stringify(study!.problem).match(/"href":"[^"]*"/g);
  expect(hrefs).toEqual(['"href":"https://example.com/docs?a=1&b=2"']);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('the link box refuses a target that starts with an invisible character', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Typed Links');
  const problem = section(page, 'Problem');
  await problem.click();
  await page.keyboard.type('see the docs');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  await toolbarButton(page, 'Link').click();
  const dialog = page.getByRole('dialog', { name: 'Edit link' });
  const address = dialog.getByRole('textbox', { name: 'Link address' });
  // U+200B is not white space, so trim() keeps it: the check sees exactly what would be stored.
  await address.fill('\u200bjavascript:window.__pwned=1');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Only http, https, mailto and relative links can be used.');
  await expect(problem.getByRole('link')).toHaveCount(0);
  // Ordinary spaces around a good address are trimmed, and the trimmed address is the one kept.
  await address.fill('  https://example.com/docs  ');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(problem.getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://example.com/docs');
});
