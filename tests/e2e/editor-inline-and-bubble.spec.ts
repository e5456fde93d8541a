// The rest of the toolbar (headings, underline, strikethrough, inline code, task list, divider),
// the bubble menu over a selection, and an image dropped from the desktop.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createStudy, saveStatus, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { exportStudy, solidPng, toolbarButton, chooseFromMore } from './editor-page';
import { withoutBlockIds } from '../../src/core/pure/rich-text/block-ids';

test('headings, underline, strikethrough, inline code, task list and divider from the toolbar', async ({
  page,
  serve,
  workspace,
}) => {
  const appUrl = await serve();
  await page.goto(appUrl);
  await createStudy(page, 'More Formatting');
  const problem = section(page, 'Problem');
  await problem.click();

  await toolbarButton(page, 'Heading 3').click();
  await page.keyboard.type('Background');
  await expect(problem.getByRole('heading', { level: 3 })).toHaveText('Background');
  await page.keyboard.press('Enter');
  for (const [name, tag, words] of [
    ['Underline', 'u', 'under'],
    ['Strikethrough', 's', 'struck'],
    ['Inline code', 'code', 'kubectl'],
  ] as const) {
    const pick = () => (name === 'Inline code' ? toolbarButton(page, name).click() : chooseFromMore(page, name));
    await pick();
    await page.keyboard.type(words);
    await pick();
    await page.keyboard.type(' ');
    await expect(problem.locator(tag)).toHaveText(words);
  }
  await page.keyboard.press('Enter');
  await toolbarButton(page, 'Task list').click();
  await page.keyboard.type('rotate the keys');
  const task = problem.getByRole('listitem').filter({ hasText: 'rotate the keys' });
  await task.getByRole('checkbox').check();
  await expect(task.getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await chooseFromMore(page, 'Divider');
  await expect(problem.locator('hr')).toHaveCount(1);

  await expect(saveStatus(page)).toHaveText('Saved');
  const [study] = await studiesOnDisk(workspace);
  // Compared without the block ids every block is stored with (block-ids.ts).
  const json = JSON.stringify(withoutBlockIds(study!.problem));
  expect(json).toContain('"type":"taskItem","attrs":{"checked":true}');
  expect(json).toContain('"type":"horizontalRule"');
  expect(json).toContain('{"type":"heading","attrs":{"level":2}'); // stored one below the page level

  const { md, html } = await exportStudy(appUrl, test.info().outputPath('export'), study!.slug);
  expect(md).toMatch(/^### Background$/m); // Heading 3 is `###` under the section's `##`, as named
  expect(md).toContain('~~struck~~');
  expect(md).toContain('`kubectl`');
  expect(md).toMatch(/^[-*] \[x\] rotate the keys$/m);
  expect(md).toMatch(/^(\*\*\*|---|___)$/m);
  expect(html).toMatch(/<h3[^>]*>Background<\/h3>/);
  expect(html).toContain('<u>under</u>');
  expect(html).toContain('<s>struck</s>');
  expect(html).toContain('<code>kubectl</code>');
  expect(html).toMatch(/<li class="task task-done"><span class="visually-hidden">Done: <\/span>(<p>)?rotate the keys/);
  expect(html).toContain('<hr>');
});

test('the bubble menu formats a selection, and a dropped image is stored and shown', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Bubble and Drop');
  const tradeoffs = section(page, 'Tradeoffs');
  await tradeoffs.click();
  await page.keyboard.type('Speed over cost.');
  const bubble = page.getByRole('toolbar', { name: 'Tradeoffs selection formatting' });
  await expect(bubble).toBeHidden();
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Speed'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(bubble).toBeVisible();
  await bubble.getByRole('button', { name: 'Bold' }).click();
  await expect(tradeoffs.locator('strong')).toHaveText('Speed');
  await bubble.getByRole('button', { name: 'Strikethrough' }).click();
  await expect(tradeoffs.locator('s')).toHaveText('Speed');

  const lessons = section(page, 'Lessons');
  await lessons.click();
  const box = (await lessons.boundingBox())!;
  const png = solidPng(12, 12, [10, 160, 60]);
  await lessons.evaluate(
    (editor, { bytes, x, y }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'error-budget.png', { type: 'image/png' }));
      editor.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }),
      );
    },
    { bytes: [...png], x: box.x + 20, y: box.y + box.height / 2 },
  );
  const image = lessons.getByRole('img', { name: 'error budget' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(12);
  // A selected image gets its alt text field, never the text bubble.
  await image.click();
  await expect(page.getByRole('textbox', { name: 'Alt text' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Lessons selection formatting' })).toBeHidden();
  await expect(saveStatus(page)).toHaveText('Saved');
  const [study] = await studiesOnDisk(workspace);
  const src = String(study!.lessons.content?.find((n) => n.type === 'image')?.attrs?.src);
  expect(await readdir(path.join(workspace, 'assets'))).toEqual([path.basename(src)]);
});
