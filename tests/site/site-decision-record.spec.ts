// Decision records on the exported site, opened from file:// as a reader would: each record is
// a section named "Decision: <title>" with its Y-statement, its status and a visible "Chosen"
// badge on the chosen option; the page is valid HTML and axe clean in light and dark, and a
// record full of markup shows it as text.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { ISSUE_RECORD } from '../fixtures/decision-record';
import { exportSite, type ExportedSite } from './exported-site';
import { doc, makeStudy, sampleSite } from './sample-site';

let site: ExportedSite;
const PAGE = 'leaving-kubernetes/index.html';

test.beforeAll(async () => {
  const hostile = {
    type: 'decisionRecord',
    attrs: {
      title: '<script>alert(1)</script>',
      status: 'superseded',
      supersededBy: '<img src=x onerror=alert(2)>',
      options: [{ title: '"><b>x</b>', points: [] }],
      chosen: 0,
    },
    content: [{ type: 'paragraph' }],
  };
  site = await exportSite(sampleSite({ baseUrl: '' }), [
    makeStudy({ title: 'Leaving Kubernetes', decisions: doc(ISSUE_RECORD, hostile) }),
  ]);
});
test.afterAll(async () => {
  await site?.remove();
});

const fileUrl = (rel: string) => pathToFileURL(path.join(site.dir, rel)).href;

test('a decision record reads as a named section with its choice marked', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => void dialogs.push(d.message()));
  await page.goto(fileUrl(PAGE));
  const record = page.getByRole('region', { name: 'Decision: Move from Kubernetes to ECS' });
  await expect(record.getByRole('heading', { level: 3 })).toHaveText('Decision: Move from Kubernetes to ECS');
  await expect(record.getByText('Accepted', { exact: true })).toBeVisible();
  await expect(record.getByText(/^Chose Move to ECS on Fargate over Stay on self-managed Kubernetes/)).toBeVisible();
  const chosen = record.getByRole('listitem').filter({ has: page.getByText('Chosen', { exact: true }) });
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toContainText('Move to ECS on Fargate');
  await expect(record.getByRole('heading', { name: 'Considered options', level: 4 })).toBeVisible();
  await expect(record.getByRole('heading', { name: 'Consequences', level: 4 })).toBeVisible();

  const other = page.getByRole('region', { name: 'Decision: <script>alert(1)</script>' });
  await expect(other).toContainText('<img src=x onerror=alert(2)>');
  await expect(other.getByRole('strong')).toHaveText('"><b>x</b>');
  expect(dialogs).toEqual([]);
});

test('the page with decision records is valid HTML', async () => {
  const html = await readFile(path.join(site.dir, PAGE), 'utf8');
  const report = await new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'long-title': 'off' },
  }).validateString(html, PAGE);
  expect(
    report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)),
  ).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`decision records have no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(fileUrl(PAGE));
    await expect(page.getByRole('region', { name: /^Decision: / })).toHaveCount(2);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
