// docs/screenshots/site-*.png: the example workspace exported as a site and opened from
// file:// — index, a study, a category, an author and search results.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import type { CasebookApi } from '../../src/core/pure/contract';
import { VIEWS } from './views';

const PAGES: Array<[name: string, page: string]> = [
  ['index', 'index.html'],
  ['study', 'the-tuesday-the-checkout-queue-stood-still/index.html'],
  ['category', 'category/failure-analysis/index.html'],
  ['author', 'author/dana-kim/index.html'],
  ['search', 'search/index.html?q=retension'],
];

export async function siteShots(api: CasebookApi, browser: Browser, out: string, shots: string): Promise<number> {
  await api.exportWorkspace({ format: 'site', outDir: out });
  for (const view of VIEWS) {
    const page = await browser.newPage({
      viewport: { width: view.width, height: view.height },
      colorScheme: view.scheme,
    });
    for (const [name, rel] of PAGES) {
      const [file, query] = rel.split('?');
      await page.goto(pathToFileURL(path.join(out, file!)).href + (query ? `?${query}` : ''));
      if (name === 'search')
        await page
          .getByRole('link', { name: /checkout queue/i })
          .first()
          .waitFor();
      await page.screenshot({ path: path.join(shots, `site-${name}-${view.suffix}.png`) });
    }
    await page.close();
  }
  return PAGES.length * VIEWS.length;
}
