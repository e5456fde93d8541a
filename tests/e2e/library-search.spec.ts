// Searching the library as you type, the highlighted match, a filter with its count, sort,
// quick open, and the status bar and window title that count the studies.
import path from 'node:path';
import type { Study } from '../../src/core/pure/schemas/study';
import { libraryEntry } from './casebook-page';
import { expect, test } from './casebook-server';
import { writeStudyFile } from '../helpers/study-files';

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

test.beforeEach(async ({ workspace }) => {
  await writeStudyFile(workspace, 'cache-stampede', 'Cache stampede at checkout', {
    status: 'published',
    date: '2026-03-01',
    categories: ['Failure Analysis'],
    lessons: paragraph('Add jitter to the expiry of hot keys.') as Study['lessons'],
  });
  await writeStudyFile(workspace, 'logs-to-s3', 'Moving logs to object storage', {
    status: 'published',
    date: '2026-01-10',
    categories: ['Optimization & Migration Wins', 'Ad hoc'],
    lessons: paragraph('Compress before you ship anything.') as Study['lessons'],
  });
  await writeStudyFile(workspace, 'queue-choice', 'Choosing a queue', {
    categories: ['Architecture & Design'],
    problem: paragraph('We needed ordering per customer.') as Study['problem'],
  });
});

test('typing a word from one study’s Lessons lists only that study, with the word marked', async ({ page, serve }) => {
  await page.goto(await serve());
  const list = page.getByRole('list', { name: 'Case studies' });
  await expect(list.getByRole('listitem')).toHaveCount(3);

  await page.getByRole('searchbox', { name: 'Search' }).fill('jitter');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(libraryEntry(page, 'Cache stampede at checkout')).toBeVisible();
  await expect(list.locator('mark')).toHaveText(['jitter']);
  await expect(page.getByText('1 case study matches')).toBeVisible();

  // Words found nowhere: nothing listed, and the list says so.
  await page.getByRole('searchbox', { name: 'Search' }).fill('kubernetes');
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('No case studies match.')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(list.getByRole('listitem')).toHaveCount(3);
});

test('the Status filter shows its counts and keeps only published studies; sort by title', async ({ page, serve }) => {
  await page.goto(await serve());
  const list = page.getByRole('list', { name: 'Case studies' });
  await expect(list.getByRole('listitem')).toHaveCount(3);

  await page.getByRole('button', { name: 'Filters' }).click();
  const filters = page.getByRole('group', { name: 'Filters' });
  const status = filters.getByRole('combobox', { name: 'Status' });
  await expect(status.getByRole('option', { name: 'Published (2)' })).toBeAttached();
  await expect(status.getByRole('option', { name: 'Draft (1)' })).toBeAttached();
  // Categories in the site's order (as the exported index shows them), then any it does not list.
  await expect(filters.getByRole('combobox', { name: 'Category' }).getByRole('option')).toHaveText([
    'Any',
    'Optimization & Migration Wins (1)',
    'Failure Analysis (1)',
    'Architecture & Design (1)',
    'Ad hoc (1)',
  ]);
  await status.selectOption({ label: 'Published (2)' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(libraryEntry(page, 'Choosing a queue')).toHaveCount(0);
  await expect(page.getByText('2 case studies match')).toBeVisible();

  // Counts follow the search: of the published studies, one mentions "compress".
  await page.getByRole('searchbox', { name: 'Search' }).fill('compress');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(status.getByRole('option', { name: 'Published (1)' })).toBeAttached();

  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Title' });
  await expect(list.getByRole('listitem')).toHaveText([
    /^Cache stampede at checkout/,
    /^Choosing a queue/,
    /^Moving logs to object storage/,
  ]);
});

test('Mod-P opens Quick open: arrows move, Enter opens the study', async ({ page, serve }) => {
  await page.goto(await serve());
  await expect(page.getByRole('list', { name: 'Case studies' }).getByRole('listitem')).toHaveCount(3);

  await page.keyboard.press('ControlOrMeta+p');
  const dialog = page.getByRole('dialog', { name: 'Quick open' });
  await expect(dialog).toBeVisible();
  const options = dialog.getByRole('option');
  await expect(options).toHaveCount(3);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  const third = (await options.nth(2).textContent())!;
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(third);

  // Typing narrows the list to what matches, Enter opens the first.
  await page.keyboard.press('ControlOrMeta+p');
  await page.keyboard.type('object');
  await expect(options).toHaveText(['Moving logs to object storage']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Moving logs to object storage');

  await page.keyboard.press('ControlOrMeta+p');
  await expect(options).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the status bar and window title name the workspace and count the studies', async ({ page, serve, workspace }) => {
  await page.goto(await serve());
  const bar = page.getByRole('contentinfo');
  await expect(bar).toContainText('3 studies');
  await expect(bar).toContainText(path.basename(workspace));
  await expect(bar).toContainText('All changes saved');
  // The study the app opens with names the tab; the bar names the workspace.
  const opened = await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue();
  await expect(page).toHaveTitle(`${opened} — Casebook`);

  await page.getByRole('button', { name: 'New case study' }).click();
  await expect(bar).toContainText('4 studies');
  // With a study open, the tab names it first.
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Sharding the ledger');
  await expect(page).toHaveTitle('Sharding the ledger — Casebook');
});

test('Down from the search box enters the list; arrows move between entries, Enter opens', async ({ page, serve }) => {
  await page.goto(await serve());
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Title' });
  const list = page.getByRole('list', { name: 'Case studies' });
  await expect(list.getByRole('listitem').first()).toHaveText(/^Cache stampede at checkout/);

  await page.getByRole('searchbox', { name: 'Search' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(libraryEntry(page, 'Cache stampede at checkout')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(libraryEntry(page, 'Moving logs to object storage')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(libraryEntry(page, 'Choosing a queue')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Choosing a queue');
});

test('a long library shows 50 entries and “Show more” for the rest', async ({ page, serve, workspace }) => {
  for (let i = 1; i <= 52; i++) await writeStudyFile(workspace, `bulk-${i}`, `Bulk study ${i}`);
  await page.goto(await serve());
  const list = page.getByRole('list', { name: 'Case studies' });
  await expect(list.getByRole('listitem')).toHaveCount(50);
  await page.getByRole('button', { name: 'Show more (5 more)' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(55);
  await expect(page.getByRole('button', { name: /Show more/ })).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toContainText('55 studies');
});
