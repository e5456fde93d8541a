// Every toolbar button, used as an author would, and the result checked three times: in the
// editor, in the study file, and in the exported Markdown and site.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { RichTextNode } from '../../src/core/pure/schemas/rich-text';
import { createStudy, saveStatus, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { exportStudy, solidPng, tableButton, toolbarButton, chooseFromMore } from './editor-page';

function nodesOfType(node: RichTextNode, type: string): RichTextNode[] {
  return [...(node.type === type ? [node] : []), ...(node.content ?? []).flatMap((c) => nodesOfType(c, type))];
}

test('each toolbar button formats the text, and the formatting reaches the file, the Markdown and the site', async ({
  page,
  serve,
  workspace,
}) => {
  test.setTimeout(60_000); // one long authoring flow, typed key by key, then two exports
  const appUrl = await serve();
  await page.goto(appUrl);
  await createStudy(page, 'Toolbar Tour');

  // Problem: inline marks and a link.
  const problem = section(page, 'Problem');
  await problem.click();
  await page.keyboard.type('Plain start, ');
  await toolbarButton(page, 'Bold').click();
  await expect(toolbarButton(page, 'Bold')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('bold words');
  await toolbarButton(page, 'Bold').click();
  await page.keyboard.type(' and ');
  await toolbarButton(page, 'Italic').click();
  await page.keyboard.type('italic words');
  await toolbarButton(page, 'Italic').click();
  await page.keyboard.type(', see docs');
  await expect(problem.locator('strong')).toHaveText('bold words');
  await expect(problem.locator('em')).toHaveText('italic words');

  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  await toolbarButton(page, 'Link').click();
  const linkDialog = page.getByRole('dialog', { name: 'Edit link' });
  await linkDialog.getByRole('textbox', { name: 'Link address' }).fill('javascript:alert(1)');
  await linkDialog.getByRole('button', { name: 'Apply' }).click();
  await expect(linkDialog.getByRole('alert')).toHaveText('Only http, https, mailto and relative links can be used.');
  await expect(problem.getByRole('link')).toHaveCount(0);
  await linkDialog.getByRole('textbox', { name: 'Link address' }).fill('https://example.com/docs');
  await linkDialog.getByRole('button', { name: 'Apply' }).click();
  await expect(linkDialog).toBeHidden();
  await expect(problem.getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://example.com/docs');

  // Decisions: bullet and numbered lists, then a quote.
  const decisions = section(page, 'Decisions');
  await decisions.click();
  await toolbarButton(page, 'Bullet list').click();
  await page.keyboard.type('tag every resource');
  await page.keyboard.press('Enter');
  await page.keyboard.type('bill each team');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // an empty item ends the list
  await toolbarButton(page, 'Numbered list').click();
  await page.keyboard.type('measure first');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await toolbarButton(page, 'Quote').click();
  await page.keyboard.type('Ownership beats dashboards.');
  await expect(decisions.getByRole('list')).toHaveCount(2);
  await expect(decisions.locator('ul > li')).toHaveText(['tag every resource', 'bill each team']);
  await expect(decisions.locator('ol > li')).toHaveText(['measure first']);
  await expect(decisions.locator('blockquote')).toHaveText('Ownership beats dashboards.');

  // Tradeoffs: a warning callout, then a highlighted Python code block.
  const tradeoffs = section(page, 'Tradeoffs');
  await tradeoffs.click();
  await chooseFromMore(page, 'Callout');
  await page.keyboard.type('Budget alarms come first.');
  await page.getByRole('combobox', { name: 'Callout kind' }).selectOption('warning');
  await expect(tradeoffs.getByRole('note', { name: 'Warning' })).toHaveText('Budget alarms come first.');
  await tradeoffs.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // an empty paragraph leaves the callout
  await toolbarButton(page, 'Code block').click();
  await page.keyboard.type('def monthly_cost():');
  await page.keyboard.press('Enter');
  await page.keyboard.type('    return 42');
  await page.getByRole('combobox', { name: 'Code language' }).selectOption('python');
  await expect(tradeoffs.locator('pre code')).toContainText('return 42');
  await expect(tradeoffs.locator('pre .hljs-keyword').first()).toHaveText('def');
  await expect(tradeoffs.getByRole('note')).toHaveCount(1);

  // Lessons: a table, edited, then an image from a file.
  const lessons = section(page, 'Lessons');
  await lessons.click();
  await chooseFromMore(page, 'Table');
  const table = lessons.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('columnheader')).toHaveCount(3);
  await page.keyboard.type('Metric');
  await page.keyboard.press('Tab'); // to the second column, the one to delete
  await tableButton(page, 'Add row').click();
  await tableButton(page, 'Delete column').click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').first().getByRole('columnheader')).toHaveCount(2);
  await expect(table.getByRole('columnheader').first()).toHaveText('Metric');

  await page.keyboard.press('ControlOrMeta+End'); // the paragraph after the table
  await page.keyboard.type('Latency fell.');
  const chooser = page.waitForEvent('filechooser');
  await toolbarButton(page, 'Image').click();
  await (
    await chooser
  ).setFiles({ name: 'latency-chart.png', mimeType: 'image/png', buffer: solidPng(40, 20, [200, 30, 30]) });
  const image = lessons.getByRole('img', { name: 'latency chart' });
  await expect(image).toBeVisible();
  // The picture really loads (through the server's asset route), not just an <img> tag.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
  await page.getByRole('textbox', { name: 'Alt text' }).fill('p95 latency by week');
  await expect(lessons.getByRole('img', { name: 'p95 latency by week' })).toBeVisible();

  await expect(saveStatus(page)).toHaveText('Saved');

  // The study file holds the structure, and the image is in the workspace's assets/.
  const [study] = await studiesOnDisk(workspace);
  const callout = nodesOfType(study!.tradeoffs, 'callout')[0];
  expect(callout?.attrs?.kind).toBe('warning');
  expect(nodesOfType(study!.tradeoffs, 'codeBlock')[0]?.attrs?.language).toBe('python');
  expect(nodesOfType(study!.decisions, 'bulletList')).toHaveLength(1);
  expect(nodesOfType(study!.decisions, 'orderedList')).toHaveLength(1);
  const storedImage = nodesOfType(study!.lessons, 'image')[0];
  expect(storedImage?.attrs).toMatchObject({ alt: 'p95 latency by week' });
  const src = String(storedImage?.attrs?.src);
  expect(src).toMatch(/^assets\/[a-f0-9]{64}\.png$/);
  expect(await readdir(path.join(workspace, 'assets'))).toContain(path.basename(src));

  // Exported Markdown and site carry the same formatting.
  const { md, html } = await exportStudy(appUrl, test.info().outputPath('export'), study!.slug);
  expect(md).toContain('**bold words**');
  expect(md).toMatch(/[*_]italic words[*_]/);
  expect(md).toContain('[docs](https://example.com/docs)');
  expect(md).toMatch(/^[-*] tag every resource$/m);
  expect(md).toMatch(/^1\. measure first$/m);
  expect(md).toContain('> Ownership beats dashboards.');
  expect(md).toContain('> [!WARNING]\n> Budget alarms come first.');
  expect(md).toContain('```python\ndef monthly_cost():\n    return 42\n```');
  expect(md).toMatch(/^\| Metric +\|/m);
  expect(md).toMatch(/!\[p95 latency by week\]\([^)]+\.png\)/);

  expect(html).toContain('<strong>bold words</strong>');
  expect(html).toContain('<em>italic words</em>');
  expect(html).toContain('<a href="https://example.com/docs">docs</a>');
  expect(html).toContain('<li><p>tag every resource</p></li>');
  expect(html).toMatch(/<ol>.*measure first.*<\/ol>/s);
  expect(html).toContain('<blockquote><p>Ownership beats dashboards.</p></blockquote>');
  expect(html).toMatch(/<aside class="callout callout-warning" role="note">.*Warning.*Budget alarms come first\./s);
  expect(html).toMatch(/<code class="language-python">.*def.*monthly_cost/s);
  expect(html).toMatch(/<th scope="col">(<p>)?Metric/);
  expect(html).toMatch(/<img src="[^"]+\.png" alt="p95 latency by week"/);
});
