// The "/" slash menu inserts blocks by name, and a pasted screenshot becomes a workspace asset
// that shows in the editor and travels with the exported Markdown and site.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createStudy, saveStatus, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { exportStudy, solidPng } from './editor-page';

test('typing "/" and a block name inserts that block', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Slash Menu');
  const problem = section(page, 'Problem');
  await problem.click();

  await page.keyboard.type('/tab');
  const menu = page.getByRole('listbox', { name: 'Insert block' });
  await expect(menu.getByRole('option')).toHaveText(['Table']);
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(problem.getByRole('table')).toBeVisible();
  await expect(problem).not.toContainText('/tab');

  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('/warn');
  await expect(menu.getByRole('option', { name: 'Warning callout' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Check the quota first.');
  await expect(problem.getByRole('note', { name: 'Warning' })).toHaveText('Check the quota first.');

  // Arrow keys move through the matches; Escape closes the menu and keeps the text.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/list');
  await expect(menu.getByRole('option').first()).toHaveText('Bullet list');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('option', { name: 'Numbered list' })).toHaveAttribute('aria-selected', 'true');
  // The editor keeps focus and points assistive technology at the chosen option.
  const chosenId = await menu.getByRole('option', { name: 'Numbered list' }).getAttribute('id');
  await expect(problem).toHaveAttribute('aria-activedescendant', chosenId!);
  await page.keyboard.press('Enter');
  await page.keyboard.type('first step');
  await expect(problem.locator('ol > li')).toHaveText(['first step']);
  await expect(problem).not.toHaveAttribute('aria-activedescendant');

  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/quo');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(problem).toContainText('/quo');
  await expect(problem.locator('blockquote')).toHaveCount(0);
});

test('a pasted image is stored in assets/, shown in the editor, and exported with the study', async ({
  page,
  serve,
  workspace,
}) => {
  const appUrl = await serve();
  await page.goto(appUrl);
  await createStudy(page, 'Pasted Screenshot');
  const decisions = section(page, 'Decisions');
  await decisions.click();
  await page.keyboard.type('The dashboard before the change:');
  await page.keyboard.press('Enter');

  const png = solidPng(24, 16, [20, 120, 220]);
  await decisions.evaluate(
    (editor, bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'cost-dashboard.png', { type: 'image/png' }));
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [...png],
  );

  const image = decisions.getByRole('img', { name: 'cost dashboard' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  await expect(saveStatus(page)).toHaveText('Saved');

  const [study] = await studiesOnDisk(workspace);
  const stored = study!.decisions.content?.find((n) => n.type === 'image');
  const src = String(stored?.attrs?.src);
  expect(src).toMatch(/^assets\/[a-f0-9]{64}\.png$/);
  expect(await readdir(path.join(workspace, 'assets'))).toEqual([path.basename(src)]);

  const out = test.info().outputPath('export');
  const { md, html } = await exportStudy(appUrl, out, study!.slug);
  const mdImage = /!\[cost dashboard\]\(([^)]+)\)/.exec(md);
  expect(mdImage, md).not.toBeNull();
  // The page bundle carries the image beside index.md.
  expect(await readdir(path.join(out, 'markdown', study!.slug))).toContain(path.basename(mdImage![1]!));
  const siteImage = /<img src="([^"]+)" alt="cost dashboard"/.exec(html);
  expect(siteImage, html).not.toBeNull();
  expect(path.resolve(out, 'site', study!.slug, siteImage![1]!)).toMatch(/\.png$/);
  expect(await readdir(path.dirname(path.resolve(out, 'site', study!.slug, siteImage![1]!)))).toContain(
    path.basename(siteImage![1]!),
  );
});
