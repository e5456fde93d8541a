// Accessibility checks with axe for the e2e specs. By default AxeBuilder injects axe-core three
// times and opens a new blank page per analysis to merge per-frame results: 2-4 s each on a
// loaded 2-core machine, whatever the part checked (seven of them took library-axe.spec.ts
// past its 30 s limit). The app's pages hold no cross-origin frame (the preview is srcdoc), so
// axe.run in the page itself (legacy mode) checks the same rules without that page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Violations inside any of `selectors` (one analysis), each with the elements it was found on. */
export async function axeViolations(page: Page, ...selectors: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode();
  for (const selector of selectors) builder.include(selector);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
