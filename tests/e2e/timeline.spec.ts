// The Timeline block: inserted from the "/" menu, filled with the keyboard only (Tab to an
// entry's fields, Enter back to its text, Enter for the next entry), entries added and moved
// with their buttons, and shown in the preview as the site renders it, with time to detect
// and time to resolve. axe-clean in the editor and on the page, light and dark.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { createStudy, saveStatus, section } from './casebook-page';
import { expect, studiesOnDisk, test } from './casebook-server';

const SHOTS = process.env.CASEBOOK_SHOTS_DIR;

const entry = (page: Page, n: number) =>
  section(page, 'Problem').getByRole('group', { name: `Entry ${n}`, exact: true });

async function showPreview(page: Page) {
  const button = page.getByRole('button', { name: 'Preview', exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

test('a timeline is inserted from the slash menu, filled by keyboard, and previewed with its figures', async ({
  page,
  serve,
  workspace,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Checkout outage');
  const problem = section(page, 'Problem');
  await problem.click();

  await page.keyboard.type('/timeline');
  const menu = page.getByRole('listbox', { name: 'Insert block' });
  await expect(menu.getByRole('option', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const timeline = problem.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);

  // Entry 1: Tab reaches its time, Enter goes back to its text.
  await page.keyboard.press('Tab');
  await expect(entry(page, 1).getByRole('textbox', { name: 'Time' })).toBeFocused();
  await page.keyboard.type('14:02');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Alert fired for p99 > 1 s');

  // Entry 2, marked as the detection: Enter at the end of an entry makes the next one.
  await page.keyboard.press('Enter');
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Tab');
  await page.keyboard.type('14:05');
  await page.keyboard.press('Tab');
  await expect(entry(page, 2).getByRole('combobox', { name: 'Kind' })).toBeFocused();
  await page.keyboard.press('d');
  await expect(entry(page, 2).getByRole('combobox', { name: 'Kind' })).toHaveValue('detection');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.type('On-call paged');

  // Entry 3, the resolution.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('14:31');
  await page.keyboard.press('Tab');
  await page.keyboard.press('r');
  await expect(entry(page, 3).getByRole('combobox', { name: 'Kind' })).toHaveValue('resolution');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Errors back to normal');

  // A fourth entry added with its button, then moved up one place with another.
  await page.keyboard.press('Tab'); // time
  await page.keyboard.press('Tab'); // kind
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add entry after entry 3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(entry(page, 4).getByRole('textbox', { name: 'Time' })).toBeFocused();
  await page.keyboard.type('14:20');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Rolled back the deploy');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('m');
  await page.keyboard.press('Tab'); // add
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Move entry 4 up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Move entry 3 up' })).toBeFocused();
  await expect(timeline.getByRole('listitem')).toHaveText([
    /Alert fired/,
    /On-call paged/,
    /Rolled back the deploy/,
    /Errors back to normal/,
  ]);

  // Enter at the end of the last entry makes an empty one; Backspace removes it again.
  await entry(page, 4).getByRole('textbox', { name: 'Time' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(timeline.getByRole('listitem')).toHaveCount(5);
  await page.keyboard.press('Backspace');
  await expect(timeline.getByRole('listitem')).toHaveCount(4);
  // Enter in an empty last entry leaves the timeline, as in a list.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('After the timeline.');
  await expect(timeline.getByRole('listitem')).toHaveCount(4);
  await expect(problem.getByRole('paragraph').filter({ hasText: 'After the timeline.' })).toHaveCount(1);
  await expect(timeline).not.toContainText('After the timeline.');

  await expect(saveStatus(page)).toHaveText('Saved');
  await expect
    .poll(async () => {
      const [study] = await studiesOnDisk(workspace);
      const stored = study?.problem.content?.find((n) => n.type === 'timeline');
      return stored?.content?.map((e) => `${String(e.attrs?.time)} ${String(e.attrs?.kind)}`);
    })
    .toEqual(['14:02 ', '14:05 detection', '14:20 mitigation', '14:31 resolution']);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, '.timeline-block'), scheme).toEqual([]);
  }

  await showPreview(page);
  const frame = page.frameLocator('iframe[title="Preview"]');
  const figure = frame.getByRole('figure', { name: 'Timeline' });
  await expect(figure.getByRole('heading', { name: 'Timeline', level: 3 })).toBeVisible();
  await expect(figure.getByRole('listitem')).toHaveCount(4);
  await expect(figure.getByRole('listitem').nth(1)).toContainText('Detected');
  await expect(figure.getByText('Time to detect')).toBeVisible();
  await expect(figure.getByRole('definition').first()).toHaveText('3 min');
  await expect(figure.getByRole('definition').nth(1)).toHaveText('29 min');

  // The same page on its own, where axe and screenshots see it as a reader's browser would.
  const srcdoc = await page.locator('iframe[title="Preview"]').getAttribute('srcdoc');
  const site = await page.context().newPage();
  await site.setContent(srcdoc!);
  for (const scheme of ['light', 'dark'] as const) {
    await site.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(site, 'figure.timeline'), scheme).toEqual([]);
  }

  if (SHOTS) {
    // The preview closed, so the editor has the window's width.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.locator('iframe[title="Preview"]')).toHaveCount(0);
    for (const width of [390, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await timeline.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: path.join(SHOTS, `editor-${width}-${scheme}.png`) });
        await site.setViewportSize({ width, height: 900 });
        await site.emulateMedia({ colorScheme: scheme });
        await site.locator('figure.timeline').evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await site.screenshot({ path: path.join(SHOTS, `site-${width}-${scheme}.png`) });
      }
    }
  }
  await site.close();
});
