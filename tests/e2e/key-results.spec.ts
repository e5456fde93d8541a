// The Key results panel of a study's properties, by keyboard only: add two metrics, see them
// in the Preview as figures named by their data, reorder, remove; what is saved is what the
// panel shows, an unfinished metric says what it lacks; axe finds nothing, light and dark.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Study } from '../../src/core/pure/schemas/study';
import { writeStudyFile } from '../helpers/study-files';
import { axeViolations } from './axe';
import { openChecks, openProperties, openStudy, saveStatus } from './casebook-page';
import { expect, test } from './casebook-server';

const SHOTS = process.env.CASEBOOK_SHOTS_DIR;
const COST = 'Monthly IT cost: 10,250 \u2192 2,146 $/month, 79 % lower';
const DEPLOYS = 'Deploys per week: 3 \u2192 11, 267 % higher';

const panel = (page: Page) => page.getByRole('group', { name: 'Key results', exact: true });
const entry = (page: Page, n: number) => panel(page).getByRole('group', { name: `Key result ${n}`, exact: true });
const preview = (page: Page) => page.frameLocator('iframe[title="Preview"]');

/** Types into the focused input and moves on with Tab, as a keyboard user fills a row. */
async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function savedMetrics(file: string): Promise<string[]> {
  const study = JSON.parse(await readFile(file, 'utf8')) as Study;
  return (study.metrics ?? []).map((m) => `${m.label} ${m.before} ${m.after} ${m.unit} ${m.better}`);
}

test('key results are added, previewed, reordered and removed with the keyboard', async ({
  page,
  serve,
  workspace,
}) => {
  // Four axe analyses and some forty awaited steps: about 25 s alone on a loaded two-core machine.
  test.setTimeout(120_000);
  await writeStudyFile(workspace, 'cloud-bill', 'When Nobody Owns the Cloud Bill');
  const file = path.join(workspace, 'studies', 'cloud-bill.json');
  await page.goto(await serve());
  await openStudy(page, 'When Nobody Owns the Cloud Bill');
  await openProperties(page);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  // The first metric: Enter on "Add key result" puts the caret in its Label.
  const add = panel(page).getByRole('button', { name: 'Add key result' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(entry(page, 1).getByRole('textbox', { name: 'Label' })).toBeFocused();
  await typeAndTab(page, 'Monthly IT cost');
  await expect(entry(page, 1).getByText('Not saved until it has a label and two numbers.')).toBeVisible();
  await typeAndTab(page, 'ten thousand');
  const before = entry(page, 1).getByRole('textbox', { name: 'Before' });
  await expect(before).toHaveAttribute('aria-invalid', 'true');
  await expect(before).toHaveAccessibleDescription('Enter a number, like 10250 or 2.5.');
  if (SHOTS) await panel(page).screenshot({ path: path.join(SHOTS, 'panel-invalid-1280-light.png') });
  await before.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await typeAndTab(page, '10,250');
  await expect(before).not.toHaveAttribute('aria-invalid', 'true');
  await typeAndTab(page, '2146');
  await typeAndTab(page, '$/month');
  await expect(entry(page, 1).getByRole('combobox', { name: 'Better' })).toBeFocused();
  await expect(entry(page, 1).getByRole('combobox', { name: 'Better' })).toHaveValue('lower');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect.poll(() => savedMetrics(file)).toEqual(['Monthly IT cost 10250 2146 $/month lower']);
  await expect(preview(page).getByRole('img', { name: COST })).toBeVisible();
  await expect(preview(page).getByRole('heading', { name: 'Key results', level: 2 })).toBeVisible();

  // The second: from Better, Tab passes Remove and reaches "Add key result".
  await page.keyboard.press('Tab');
  await expect(entry(page, 1).getByRole('button', { name: 'Remove key result 1' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(entry(page, 2).getByRole('textbox', { name: 'Label' })).toBeFocused();
  await typeAndTab(page, 'Deploys per week');
  await typeAndTab(page, '3');
  await typeAndTab(page, '11');
  await page.keyboard.press('Tab'); // no unit
  await page.keyboard.press('ArrowDown');
  await expect(entry(page, 2).getByRole('combobox', { name: 'Better' })).toHaveValue('higher');
  await expect
    .poll(() => savedMetrics(file))
    .toEqual(['Monthly IT cost 10250 2146 $/month lower', 'Deploys per week 3 11  higher']);
  const figures = preview(page).getByRole('img');
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(1)).toHaveAccessibleName(DEPLOYS);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, 'form[aria-label="Case study details"]'), scheme).toEqual([]);
    expect(await axeViolations(page, 'iframe[title="Preview"]'), `preview ${scheme}`).toEqual([]);
    if (SHOTS) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await panel(page).scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SHOTS, `panel-${width}-${scheme}.png`) });
      }
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Move the second up: focus stays with it (on its Move down, Move up is now disabled).
  await entry(page, 2).getByRole('button', { name: 'Move key result 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(entry(page, 1).getByRole('textbox', { name: 'Label' })).toHaveValue('Deploys per week');
  await expect(entry(page, 1).getByRole('button', { name: 'Move key result 1 up' })).toBeDisabled();
  await expect(entry(page, 1).getByRole('button', { name: 'Move key result 1 down' })).toBeFocused();
  await expect
    .poll(() => savedMetrics(file))
    .toEqual(['Deploys per week 3 11  higher', 'Monthly IT cost 10250 2146 $/month lower']);
  await expect(figures.nth(0)).toHaveAccessibleName(DEPLOYS);
  await expect(figures.nth(1)).toHaveAccessibleName(COST);

  // Remove the first: focus goes to the next one's Remove.
  await entry(page, 1).getByRole('button', { name: 'Remove key result 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(entry(page, 2)).toHaveCount(0);
  await expect(entry(page, 1).getByRole('textbox', { name: 'Label' })).toHaveValue('Monthly IT cost');
  await expect(entry(page, 1).getByRole('button', { name: 'Remove key result 1' })).toBeFocused();
  await expect.poll(() => savedMetrics(file)).toEqual(['Monthly IT cost 10250 2146 $/month lower']);
  await expect(figures).toHaveCount(1);
  await expect(figures.first()).toHaveAccessibleName(COST);

  // What was saved is what a new window shows.
  await page.reload();
  await openStudy(page, 'When Nobody Owns the Cloud Bill');
  await openProperties(page);
  await expect(entry(page, 1).getByRole('textbox', { name: 'Before' })).toHaveValue('10250');
  await expect(entry(page, 2)).toHaveCount(0);
});

test('a key result a template suggested is a publish error until measured, and the error jumps to it', async ({
  page,
  serve,
}) => {
  await page.goto(await serve());
  await page.getByRole('button', { name: 'New from template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case study' });
  await dialog.getByRole('radio', { name: 'Migration / cost optimization' }).check();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Off Kubernetes');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  await openProperties(page);
  await expect(entry(page, 1).getByRole('textbox', { name: 'Label' })).toHaveValue('Monthly cost');
  await expect(entry(page, 1)).toHaveAccessibleDescription(/0 → 0: enter the measured values/);
  const checklist = await openChecks(page);
  const finding = checklist.getByRole('button', {
    name: 'Error: Key result "Monthly cost" is still the "Migration / cost optimization" template\'s suggestion (0 → 0): enter the measured values or remove it.',
  });
  await expect(finding).toBeVisible();
  if (SHOTS) await panel(page).screenshot({ path: path.join(SHOTS, 'panel-template-1280-light.png') });
  await finding.click();
  const before = entry(page, 1).getByRole('textbox', { name: 'Before' });
  await expect(before).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await typeAndTab(page, '10250');
  await typeAndTab(page, '2146');
  await expect(finding).toHaveCount(0);
  await expect(checklist.getByRole('button', { name: /^Error: Key result "p99 latency" is still the/ })).toBeVisible();
});

test('a finding jumps to its own key result while another row is unfinished', async ({ page, serve }) => {
  await page.goto(await serve());
  await page.getByRole('button', { name: 'New from template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case study' });
  await dialog.getByRole('radio', { name: 'Migration / cost optimization' }).check();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Off Kubernetes');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await openProperties(page);
  const checklist = await openChecks(page);
  const p99 = checklist.getByRole('button', { name: /^Error: Key result "p99 latency" is still the/ });
  await expect(p99).toBeVisible();

  // A new, empty row moved to the top is in no saved list yet; the saved rows keep their findings.
  await panel(page).getByRole('button', { name: 'Add key result' }).click();
  await entry(page, 4).getByRole('button', { name: 'Move key result 4 up' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await expect(entry(page, 1).getByRole('textbox', { name: 'Label' })).toHaveValue('');
  await expect(entry(page, 3).getByRole('textbox', { name: 'Label' })).toHaveValue('p99 latency');
  // And "Monthly cost" is being re-entered: Before cleared, so that row is unfinished too.
  await entry(page, 2).getByRole('textbox', { name: 'Before' }).fill('');
  await expect(entry(page, 2)).toHaveAccessibleDescription(
    /Until it has a label and two numbers, it stays saved as “Monthly cost 0 → 0 \$\/month”/,
  );

  await p99.click();
  await expect(entry(page, 3).getByRole('textbox', { name: 'Before' })).toBeFocused();
  await checklist.getByRole('button', { name: /^Error: Key result "Monthly cost" is still the/ }).click();
  await expect(entry(page, 2).getByRole('textbox', { name: 'Before' })).toBeFocused();
});

test('a key result being edited stays saved as it was until the edit is complete, across leaving the study', async ({
  page,
  serve,
  workspace,
}) => {
  const cost = { label: 'Monthly IT cost', before: 10250, after: 2146, unit: '$/month', better: 'lower' as const };
  await writeStudyFile(workspace, 'cloud-bill', 'When Nobody Owns the Cloud Bill', { metrics: [cost] });
  await writeStudyFile(workspace, 'other', 'Another Study');
  const file = path.join(workspace, 'studies', 'cloud-bill.json');
  await page.goto(await serve());
  await openStudy(page, 'When Nobody Owns the Cloud Bill');
  await openProperties(page);

  await entry(page, 1).getByRole('textbox', { name: 'Label' }).fill('Cloud cost');
  await expect.poll(() => savedMetrics(file)).toEqual(['Cloud cost 10250 2146 $/month lower']);
  // Re-entering Before: while it is empty the row says what stays saved, and nothing is lost.
  const before = entry(page, 1).getByRole('textbox', { name: 'Before' });
  await before.fill('');
  await expect(entry(page, 1)).toHaveAccessibleDescription(
    'Until it has a label and two numbers, it stays saved as “Cloud cost 10,250 → 2,146 $/month”.',
  );
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page, 'form[aria-label="Case study details"]'), scheme).toEqual([]);
      await page.setViewportSize({ width: 390, height: 900 });
      await panel(page).screenshot({ path: path.join(SHOTS, `panel-editing-kept-390-${scheme}.png`) });
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await openStudy(page, 'Another Study');
  await openStudy(page, 'When Nobody Owns the Cloud Bill');
  await openProperties(page);
  await expect(entry(page, 1).getByRole('textbox', { name: 'Label' })).toHaveValue('Cloud cost');
  await expect(before).toHaveValue('10250');
  expect(await savedMetrics(file)).toEqual(['Cloud cost 10250 2146 $/month lower']);

  // A decimal comma is refused, not read as 98: the row stays saved as it was.
  await before.fill('9,8');
  await before.blur();
  await expect(before).toHaveAccessibleDescription(
    'Write decimals with a point, like 2.5 (a comma only groups thousands).',
  );
  if (SHOTS) await panel(page).screenshot({ path: path.join(SHOTS, 'panel-decimal-comma-1280-light.png') });
  // Once complete again, the new value is what is saved.
  await before.fill('9,800');
  await expect.poll(() => savedMetrics(file)).toEqual(['Cloud cost 9800 2146 $/month lower']);
});
