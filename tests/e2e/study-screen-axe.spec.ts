// The redesigned study screen passes axe (no serious or critical violation) in light and dark
// at 390, 768 and 1280 px: the main screen, with the checklist open, with Properties open, in focus mode, and (narrow)
// with the library drawer open. CASEBOOK_SHOTS=<folder> also keeps a picture of each.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { openChecks, openProperties, propertiesPanel, section } from './casebook-page';
import { expect, test } from './casebook-server';
import { seedStudies } from './study-seed';

const shots = process.env.CASEBOOK_SHOTS;

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).setLegacyMode().analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function check(page: Page, width: number, scheme: 'light' | 'dark', state: string): Promise<void> {
  expect(await seriousViolations(page), `${state} at ${width} px, ${scheme}`).toEqual([]);
  if (shots) await page.screenshot({ path: path.join(shots, `${state}-${width}-${scheme}.png`) });
}

for (const width of [390, 768, 1280]) {
  test(`the study screen at ${width} px, light and dark, has no serious axe violation`, async ({
    page,
    serve,
    workspace,
  }) => {
    test.setTimeout(150_000);
    await seedStudies(workspace);
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.goto(await serve());
    if (width <= 760) await page.getByRole('button', { name: 'Library' }).click();
    await page
      .getByRole('list', { name: 'Case studies' })
      .getByRole('button', { name: /^Cutting the bill/ })
      .first()
      .click();
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(/^Cutting the bill/);
    await expect(section(page, 'Problem')).toContainText('Nobody owned');

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await check(page, width, scheme, 'main');

      const checklist = await openChecks(page);
      await expect(checklist.getByText(/^Nothing to fix|^Error:|^Warning:/).first()).toBeVisible();
      await check(page, width, scheme, 'checks');
      await checklist.getByRole('button', { name: 'Close checklist' }).click();

      await openProperties(page);
      await check(page, width, scheme, 'properties');
      await propertiesPanel(page).getByRole('button', { name: 'Close properties' }).click();
      await expect(propertiesPanel(page)).toBeHidden();

      const focusButton = page.getByRole('button', { name: 'Focus mode' });
      await focusButton.click();
      await expect(focusButton).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
      await check(page, width, scheme, 'focus');
      await focusButton.click();
      await expect(focusButton).toHaveAttribute('aria-pressed', 'false');

      if (width <= 760) {
        const library = page.getByRole('button', { name: 'Library' });
        await library.click();
        await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
        await check(page, width, scheme, 'drawer');
        await page.keyboard.press('Escape');
        await expect(library).toBeFocused();
      }
    }
  });
}
