// The decision record block: inserted from the "/" menu, filled in with the keyboard only
// (title, status, an option with points, the chosen option), stored in the study file, shown
// in the Preview as the site renders it, and axe clean in the app, light and dark.
import type { Page } from '@playwright/test';
import { createStudy, libraryEntry, saveStatus, section } from './casebook-page';
import { sampleStudy, writeStudy } from '../helpers/study-files';
import { ISSUE_RECORD_DOC } from '../fixtures/decision-record';
import { axeViolations } from './axe';
import { expect, studiesOnDisk, test } from './casebook-server';
import { chooseFromMore } from './editor-page';
import { withoutBlockIds } from '../../src/core/pure/rich-text/block-ids';

const SHOTS = process.env.DECISION_SHOTS ?? '';

async function tabTo(page: Page, name: string) {
  // Tab until the control with this accessible name has focus (keyboard only, no clicks).
  for (let i = 0; i < 40; i++) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = (el as HTMLInputElement).labels?.[0]?.textContent;
      return el.getAttribute('aria-label') ?? label ?? el.textContent ?? '';
    });
    if (focused.trim() === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached "${name}" by Tab`);
}

test('a decision record is written by keyboard and shown in the preview, axe clean light and dark', async ({
  page,
  serve,
  workspace,
}) => {
  // A long keyboard walk plus a whole-page axe run: more than the default on two loaded cores.
  test.setTimeout(90_000);
  await page.goto(await serve());
  await createStudy(page, 'Leaving Kubernetes');
  const decisions = section(page, 'Decisions');
  await decisions.click();
  await page.keyboard.type('/decision');
  const menu = page.getByRole('listbox', { name: 'Insert block' });
  await expect(menu.getByRole('option', { name: 'Decision record' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  const card = decisions.getByRole('region', { name: /^Decision record/ });
  const title = card.getByRole('textbox', { name: 'Decision title' });
  await expect(title).toBeFocused();
  await page.keyboard.type('Move from Kubernetes to ECS');
  await page.keyboard.press('Tab');
  await expect(card.getByRole('combobox', { name: 'Decision status' })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // proposed → accepted
  await expect(card.getByRole('combobox', { name: 'Decision status' })).toHaveValue('accepted');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026-03-02');
  // The context is rich text inside the card: a button takes the caret there.
  await tabTo(page, 'Write the context');
  await page.keyboard.press('Enter');
  await expect(decisions).toBeFocused();
  await page.keyboard.type('Running our own control plane cost too much.');
  await expect(card.getByRole('group', { name: 'Context' })).toHaveText('Running our own control plane cost too much.');
  await page.keyboard.press('Tab'); // out of the editor's text, into the card's first field
  await expect(title).toBeFocused();

  // Option 1: named, chosen, one Good point.
  const first = card.getByRole('group', { name: 'Option 1' });
  await tabTo(page, 'Option 1 Title');
  await expect(first.getByRole('textbox', { name: 'Option 1 Title' })).toBeFocused();
  await page.keyboard.type('Move to ECS on Fargate');
  await page.keyboard.press('Tab');
  await expect(first.getByRole('checkbox', { name: 'Chosen' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(card.getByRole('group', { name: 'Option 1 Chosen' })).toBeVisible();
  await tabTo(page, 'Add point of option 1');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('combobox', { name: 'Point 1 of option 1 kind' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('no control plane to run');
  // Option 2: named, one Bad point, then moved up: the chosen mark stays with its option.
  await tabTo(page, 'Option 2 Title');
  const second = card.getByRole('group', { name: 'Option 2' });
  await expect(second.getByRole('textbox', { name: 'Option 2 Title' })).toBeFocused();
  await page.keyboard.type('Stay on Kubernetes');
  await tabTo(page, 'Add point of option 2');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown'); // Good → Bad
  await page.keyboard.press('Tab');
  await page.keyboard.type('the on-call load stays');
  await tabTo(page, 'Move option 2 up');
  await page.keyboard.press('Enter'); // option 2 becomes option 1; focus follows it
  await expect(first.getByRole('button', { name: 'Move option 1 down' })).toBeFocused();
  await expect(first.getByRole('textbox', { name: 'Title' })).toHaveValue('Stay on Kubernetes');
  await expect(card.getByRole('group', { name: 'Option 2 Chosen' })).toBeVisible();
  await expect(
    card.getByRole('group', { name: 'Option 2 Chosen' }).getByRole('textbox', { name: 'Title' }),
  ).toHaveValue('Move to ECS on Fargate');

  await expect(saveStatus(page)).toHaveText('Saved');
  const [study] = await studiesOnDisk(workspace);
  const stored = study!.decisions.content!.find((n) => n.type === 'decisionRecord')!;
  // Every block is stored with its id (block-ids.ts): the text is what is checked here.
  expect(withoutBlockIds(stored).content).toEqual([
    { type: 'paragraph', content: [{ type: 'text', text: 'Running our own control plane cost too much.' }] },
  ]);
  expect(stored.attrs).toMatchObject({
    title: 'Move from Kubernetes to ECS',
    status: 'accepted',
    date: '2026-03-02',
    chosen: 1,
    options: [
      { title: 'Stay on Kubernetes', points: [{ kind: 'bad', text: 'the on-call load stays' }] },
      { title: 'Move to ECS on Fargate', points: [{ kind: 'good', text: 'no control plane to run' }] },
    ],
  });

  // One keyboard walk, the card checked in both schemes (contrast differs, structure does not).
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);

  const previewButton = page.getByRole('button', { name: 'Preview', exact: true });
  await previewButton.click();
  await expect(previewButton).toHaveAttribute('aria-pressed', 'true');
  const frame = page.frameLocator('iframe[title="Preview"]');
  const record = frame.getByRole('region', { name: 'Decision: Move from Kubernetes to ECS' });
  await expect(record).toBeVisible();
  await expect(record.getByRole('heading', { name: 'Decision: Move from Kubernetes to ECS', level: 3 })).toBeVisible();
  await expect(record.getByText('Chosen', { exact: true })).toBeVisible();
  await expect(record.getByRole('listitem').filter({ hasText: 'Chosen' }).first()).toContainText(
    'Move to ECS on Fargate',
  );
  await expect(record).toContainText('Chose Move to ECS on Fargate over Stay on Kubernetes.');
  await expect(record.getByText('Accepted', { exact: true })).toBeVisible();
  await expect(record).toContainText('Running our own control plane cost too much.');
  // The toolbar offers the same command by the same name (in its "More" menu).
  await page.getByRole('toolbar', { name: 'Formatting', exact: true }).getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem', { name: 'Decision record', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('the toolbar inserts a record; undo in a field and the remove button work by keyboard', async ({
  page,
  serve,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Toolbar Record');
  const lessons = section(page, 'Lessons');
  await lessons.click();
  await chooseFromMore(page, 'Decision record');
  const card = lessons.getByRole('region', { name: /^Decision record/ });
  const title = card.getByRole('textbox', { name: 'Decision title' });
  await expect(title).toBeFocused();
  await page.keyboard.type('Keep the monolith');
  await expect(card).toHaveAccessibleName('Decision record: Keep the monolith');
  // Undo from inside the field takes the typing back (the editor's history, not the input's).
  await page.keyboard.press('ControlOrMeta+z');
  await expect(title).toHaveValue('');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(title).toHaveValue('Keep the monolith');
  await tabTo(page, 'Remove decision record');
  await page.keyboard.press('Enter');
  await expect(lessons.getByRole('region', { name: /^Decision record/ })).toHaveCount(0);
});

test('Escape leaves a decision record, from a field or from its context, and writing goes on after it', async ({
  page,
  serve,
}) => {
  await page.goto(await serve());
  await createStudy(page, 'Leaving by Escape');
  const lessons = section(page, 'Lessons');
  await lessons.click();
  await page.keyboard.type('Before the record.');
  await page.keyboard.press('Enter');
  await chooseFromMore(page, 'Decision record');
  const card = lessons.getByRole('region', { name: /^Decision record/ });
  await expect(card.getByRole('textbox', { name: 'Decision title' })).toBeFocused();
  await page.keyboard.type('Keep the monolith');
  await page.keyboard.press('Tab');
  await expect(card.getByRole('combobox', { name: 'Decision status' })).toBeFocused();
  // One key, not a Tab through every field of the card.
  await page.keyboard.press('Escape');
  await expect(lessons).toBeFocused();
  await page.keyboard.type('After the record.');
  const blocks = () =>
    lessons.evaluate((el) =>
      Array.from(el.children, (c) =>
        c.matches('[aria-label^="Decision record"]') || c.querySelector('[aria-label^="Decision record"]')
          ? '[record]'
          : c.textContent,
      ),
    );
  await expect.poll(blocks).toEqual(['Before the record.', '[record]', 'After the record.']);

  // From the record's context (its rich text), Escape leaves too: the caret lands at the start
  // of what follows the record.
  await tabTo(page, 'Write the context');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Why.');
  await page.keyboard.press('Escape');
  await page.keyboard.type('Then: ');
  await expect(card.getByRole('group', { name: 'Context' })).toHaveText('Why.');
  await expect.poll(blocks).toEqual(['Before the record.', '[record]', 'Then: After the record.']);
});

// Screenshots for looking at (DECISION_SHOTS=<folder>): the issue's record in the editor card
// and on the page (the Preview renders the site's HTML), at 1280 and 390 px, light and dark.
test('decision record screenshots', async ({ page, serve, workspace }) => {
  test.skip(!SHOTS, 'set DECISION_SHOTS to a folder to take them');
  await writeStudy(workspace, sampleStudy(1, { title: 'Leaving Kubernetes', decisions: ISSUE_RECORD_DOC }));
  await page.goto(await serve());
  await libraryEntry(page, 'Leaving Kubernetes').click();
  const card = section(page, 'Decisions').getByRole('region', { name: 'Decision record: Move from Kubernetes to ECS' });
  await expect(card).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 2400 });
      await card.screenshot({ path: `${SHOTS}/editor-${width}-${scheme}.png` });
    }
  }
  // The preview at each width shows the page as a reader on that screen would.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const record = page
    .frameLocator('iframe[title="Preview"]')
    .getByRole('region', { name: 'Decision: Move from Kubernetes to ECS' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width: width === 390 ? 390 + 420 : width + 600, height: 2400 });
      await expect(record.getByText('Chosen', { exact: true })).toBeVisible();
      await record.screenshot({ path: `${SHOTS}/site-${width}-${scheme}.png` });
    }
  }
});
