// Find and replace searches all four sections of the open study, honours "Match case" and
// "Whole word", and replaces through the editor so undo takes a replacement back.
import { docToPlainText } from '../../src/core/pure/schemas/rich-text';
import { createStudy, saveStatus, section, typeInSection } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';
import { exportStudy } from './editor-page';

const text: Record<string, string> = {
  Problem: 'The cache missed. Cache misses cost money.',
  Decisions: 'We warmed the cache nightly.',
  Tradeoffs: 'A cached page can be stale.',
  Lessons: 'Measure the cache first.',
};

test('find and replace across all four sections, with match case, whole word and undo', async ({
  page,
  serve,
  workspace,
}) => {
  test.setTimeout(60_000); // one long authoring flow, typed key by key, then two exports
  const appUrl = await serve();
  await page.goto(appUrl);
  await createStudy(page, 'Cache Story');
  for (const [name, value] of Object.entries(text)) await typeInSection(page, name, value);

  await section(page, 'Problem').click();
  await page.keyboard.press('ControlOrMeta+h');
  const panel = page.getByRole('search', { name: 'Find and replace' });
  await expect(panel.getByRole('textbox', { name: 'Replace' })).toBeFocused();
  const find = panel.getByRole('textbox', { name: 'Find' });
  await find.fill('cache');
  // "cache" ×3 + "Cache" + "cached": 5 matches, case-insensitive, inside words too.
  await expect(panel.getByText('1 of 5')).toBeVisible();
  await expect(page.locator('.find-match')).toHaveCount(5);

  await panel.getByRole('checkbox', { name: 'Match case' }).check();
  await expect(panel.getByText('1 of 4')).toBeVisible();
  await panel.getByRole('checkbox', { name: 'Whole word' }).check();
  await expect(panel.getByText('1 of 3')).toBeVisible();
  await panel.getByRole('button', { name: 'Next' }).click();
  await expect(panel.getByText('2 of 3')).toBeVisible();
  await panel.getByRole('button', { name: 'Previous' }).click();
  await panel.getByRole('button', { name: 'Previous' }).click();
  await expect(panel.getByText('3 of 3')).toBeVisible();

  // Replace one: the current match (in Lessons), then all that remain.
  await panel.getByRole('textbox', { name: 'Replace' }).fill('CDN');
  await panel.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(section(page, 'Lessons')).toHaveText('Measure the CDN first.');
  await expect(panel.getByText('of 2')).toBeVisible();
  await panel.getByRole('button', { name: 'Replace all' }).click();
  await expect(panel.getByText('No matches')).toBeVisible();
  // It says how many it replaced (a status, read out).
  await expect(panel.getByRole('status')).toHaveText('Replaced 2 matches');
  await expect(section(page, 'Problem')).toHaveText('The CDN missed. Cache misses cost money.');
  await expect(section(page, 'Decisions')).toHaveText('We warmed the CDN nightly.');
  await expect(section(page, 'Tradeoffs')).toHaveText('A cached page can be stale.');

  // Undo in Decisions takes back only that section's replacement.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await section(page, 'Decisions').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(section(page, 'Decisions')).toHaveText('We warmed the cache nightly.');
  await expect(section(page, 'Problem')).toHaveText('The CDN missed. Cache misses cost money.');

  await expect(saveStatus(page)).toHaveText('Saved');
  const [study] = await studiesOnDisk(workspace);
  expect(docToPlainText(study!.problem)).toBe('The CDN missed. Cache misses cost money.');
  expect(docToPlainText(study!.decisions)).toBe('We warmed the cache nightly.');
  expect(docToPlainText(study!.lessons)).toBe('Measure the CDN first.');
  const { md, html } = await exportStudy(appUrl, test.info().outputPath('export'), study!.slug);
  expect(md).toContain('The CDN missed. Cache misses cost money.');
  expect(md).toContain('Measure the CDN first.');
  expect(html).toContain('<p>Measure the CDN first.</p>');
});

test('at 1280 px each row of find and replace fits on one line', async ({ page, serve }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(await serve());
  await createStudy(page, 'Fitting Find');
  await section(page, 'Problem').click();
  await page.keyboard.press('ControlOrMeta+h');
  const panel = page.getByRole('search', { name: 'Find and replace' });
  const middle = async (name: string, role: 'textbox' | 'button' | 'checkbox') => {
    const box = (await panel.getByRole(role, { name, exact: true }).boundingBox())!;
    return box.y + box.height / 2;
  };
  const find = await middle('Find', 'textbox');
  for (const [name, role] of [
    ['Previous', 'button'],
    ['Next', 'button'],
    ['Match case', 'checkbox'],
    ['Whole word', 'checkbox'],
    ['Close find and replace', 'button'],
  ] as const)
    expect(Math.abs((await middle(name, role)) - find), name).toBeLessThan(6);
  const replace = await middle('Replace', 'textbox');
  expect(replace - find).toBeGreaterThan(10);
  for (const name of ['Replace', 'Replace all'])
    expect(Math.abs((await middle(name, 'button')) - replace), name).toBeLessThan(6);
});
