// Defect 3: Tab and Shift-Tab indent and outdent inside a code block instead of leaving the
// editor; Escape then Tab leaves it (a keyboard user is never trapped); a tab shows 4 wide in
// the editor and on the site.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createStudy, saveStatus, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { exportStudy, toolbarButton } from './editor-page';

test('Tab indents in a code block, Escape then Tab leaves it, tabs are 4 wide', async ({ page, serve, workspace }) => {
  const appUrl = await serve();
  await page.goto(appUrl);
  await createStudy(page, 'Indented Code');
  const problem = section(page, 'Problem');
  await problem.click();
  await toolbarButton(page, 'Code block').click();
  await page.keyboard.type('if ready:');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ship()');
  const code = problem.locator('pre code');
  // The exact text: toHaveText would fold the spaces that matter here.
  const codeText = () => code.textContent();
  await expect.poll(codeText).toBe('if ready:\n  ship()');
  await expect(problem).toBeFocused();

  await page.keyboard.press('Shift+Tab');
  await expect.poll(codeText).toBe('if ready:\nship()');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await expect.poll(codeText).toBe('if ready:\n  ship()');

  // A tab character pasted or typed elsewhere shows 4 wide, not the browser's 8.
  expect(await code.evaluate((el) => getComputedStyle(el).tabSize)).toBe('4');

  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(problem).not.toBeFocused();
  await expect.poll(codeText).toBe('if ready:\n  ship()');

  await expect(saveStatus(page)).toHaveText('Saved');
  const [study] = await studiesOnDisk(workspace);
  const out = test.info().outputPath('export');
  const { html } = await exportStudy(appUrl, out, study!.slug);
  expect(html).toContain('if ready:\n  ship()');
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  expect(stylesheet).toBeTruthy();
  const css = await readFile(path.resolve(path.join(out, 'site', study!.slug), stylesheet!), 'utf8');
  expect(css).toMatch(/pre \{[^}]*tab-size: 4/);
});
