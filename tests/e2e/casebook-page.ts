// What a user does and sees in the Casebook window, by role and accessible name.
import { expect, type Page } from '@playwright/test';
import { sectionKeys, sectionLabels } from '../../src/core/pure/schemas/study';

export const sectionNames = sectionKeys.map((key) => sectionLabels[key]);

export function saveStatus(page: Page) {
  return page.getByRole('status');
}

export function section(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

export function libraryEntry(page: Page, title: string) {
  return page.getByRole('list', { name: 'Case studies' }).getByRole('button', { name: title, exact: true });
}

/** Clicks into a rich-text section and types at its end, as a person would. */
export async function typeInSection(page: Page, name: string, text: string): Promise<void> {
  const editor = section(page, name);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

/** Creates a study from the library and waits until its (empty) editor is showing. */
export async function createStudy(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New case study' }).click();
  const titleBox = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(titleBox).toHaveValue('');
  await expect(titleBox).toBeFocused();
  await titleBox.fill(title);
  await expect(libraryEntry(page, title)).toBeVisible();
}

/** Opens a study from the library and waits until its title is in the form. */
export async function openStudy(page: Page, title: string): Promise<void> {
  await libraryEntry(page, title).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
}

/** The open study's Properties panel (status, outcome, date, categories…). */
export function propertiesPanel(page: Page) {
  return page.getByRole('complementary', { name: 'Properties' });
}

/** Opens the Properties panel from the toolbar, where the study's fields (Status, Outcome…) are. */
export async function openProperties(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Properties', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(propertiesPanel(page)).toBeVisible();
}

/** The publish checklist, opened with the toolbar's Checks button if it is not showing. */
export async function openChecks(page: Page) {
  const button = page.getByRole('button', { name: /^Checks/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const checklist = page.getByRole('region', { name: 'Publish checklist' });
  await expect(checklist).toBeVisible();
  return checklist;
}
