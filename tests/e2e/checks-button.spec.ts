// Checks that help, not shout: a draft opens without an error count on screen; the Checks
// button says how much blocks publishing and shows every finding when asked, when the status
// becomes Published, and when the author exports.
import { createStudy, openChecks, openProperties, section } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

test('a new draft shows no findings until the author asks; Checks counts what blocks publishing', async ({
  page,
  serve,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Sharding the orders table');
  const checklist = page.getByRole('region', { name: 'Publish checklist' });
  // Summary and four sections are missing: five things block publishing, none shown yet.
  const checks = page.getByRole('button', { name: 'Checks, 5 blocking' });
  await expect(checks).toHaveAttribute('aria-expanded', 'false');
  await expect(checklist).toBeHidden();
  await expect(page.getByText(/\d+ errors?/)).toBeHidden();

  await checks.click();
  await expect(checklist).toBeVisible();
  await expect(checklist.getByRole('button', { name: 'Error: The Problem section is empty.' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Split orders by customer');
  await expect(page.getByRole('button', { name: 'Checks, 4 blocking' })).toBeVisible();

  // Esc or Close puts it away again; the study stays as it was.
  await checklist.getByRole('button', { name: 'Close checklist' }).click();
  await expect(checklist).toBeHidden();
  await expect(page.getByRole('button', { name: 'Checks, 4 blocking' })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Checks, 4 blocking' }).click();
  await checklist.getByRole('button', { name: 'Error: The Lessons section is empty.' }).focus();
  await page.keyboard.press('Escape');
  await expect(checklist).toBeHidden();
  await expect(page.getByRole('button', { name: 'Checks, 4 blocking' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Sharding the orders table');
});

test('the checklist lists every finding, however many', async ({ page, serve, workspace }) => {
  const link = (text: string) => ({
    type: 'paragraph',
    content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { href: '' } }] }],
  });
  await writeStudyFile(workspace, 'links', 'Rotating the keys', {
    summary: 'Monthly rotation',
    decisions: { type: 'doc', content: [link('one'), link('two'), link('three'), link('four')] },
  });
  await page.goto(await serve());
  await page.getByRole('list', { name: 'Case studies' }).getByRole('button', { name: 'Rotating the keys' }).click();
  const checklist = await openChecks(page);
  const items = checklist.getByRole('listitem');
  await expect(items.last()).toContainText('Warning:');
  const count = await items.count();
  expect(count).toBeGreaterThan(6);
  for (let i = 0; i < count; i++) await expect(items.nth(i)).toBeInViewport();
});

test('the findings open when the study becomes Published, and before an export', async ({ page, serve }) => {
  await page.goto(await serve());
  await createStudy(page, 'Sharding the orders table');
  const checklist = page.getByRole('region', { name: 'Publish checklist' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openProperties(page);
  const status = page.getByRole('combobox', { name: 'Status' });
  const before = await status.boundingBox();
  await status.selectOption('published');
  await expect(checklist).toBeVisible();
  await expect(checklist.getByRole('button', { name: 'Error: The Lessons section is empty.' })).toBeVisible();
  // The list opens in the study's column: the Properties column beside it, where the author
  // just chose Published, does not move (a list above both pushed it off screen).
  expect((await status.boundingBox())!.y).toBeCloseTo(before!.y, 0);
  await expect(page.getByRole('button', { name: /^Draft|^Published/ })).toHaveText('Published');

  await checklist.getByRole('button', { name: 'Close checklist' }).click();
  await expect(checklist).toBeHidden();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(checklist).toBeVisible();

  // A finding in a field of the closed Properties panel opens it and focuses the field.
  await page.getByRole('button', { name: 'Properties', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Properties' })).toBeHidden();
  await checklist.getByRole('button', { name: /^Error: This published study has no date/ }).click();
  await expect(page.getByRole('complementary', { name: 'Properties' })).toBeVisible();
  await expect(page.getByLabel('Date')).toBeFocused();
  await checklist.getByRole('button', { name: /^Error: The Problem section/ }).click();
  await expect(section(page, 'Problem')).toBeFocused();
});
