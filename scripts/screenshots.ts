// Regenerates docs/screenshots/site-*.png: the four studies of docs/example imported into a
// fresh workspace (through the contract, as the CLI does), exported as a site and opened from
// file:// in Chromium — index, a study, a category, an author and search results, light and
// dark at 1280 px and on a 390 px phone. Run: `npx tsx scripts/screenshots.ts`.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { openWorkspace } from '../src/core/node/casebook-service';
import { dispatchingApi } from '../src/core/pure/dispatch';
import { chromiumLaunchOptions } from '../tests/chromium-launch';

const root = path.resolve(import.meta.dirname, '..');
const shots = path.join(root, 'docs', 'screenshots');

const PAGES: Array<[name: string, page: string]> = [
  ['index', 'index.html'],
  ['study', 'the-tuesday-the-checkout-queue-stood-still/index.html'],
  ['category', 'category/failure-analysis/index.html'],
  ['author', 'author/dana-kim/index.html'],
  ['search', 'search/index.html?q=retension'],
];
const VIEWS = [
  { suffix: 'light', scheme: 'light', width: 1280, height: 900 },
  { suffix: 'dark', scheme: 'dark', width: 1280, height: 900 },
  { suffix: 'mobile-light', scheme: 'light', width: 390, height: 844 },
  { suffix: 'mobile-dark', scheme: 'dark', width: 390, height: 844 },
] as const;

const scratch = await mkdtemp(path.join(tmpdir(), 'casebook-shots-'));
try {
  const api = dispatchingApi(await openWorkspace(path.join(scratch, 'workspace')));
  await api.importMarkdown({ paths: [path.join(root, 'docs', 'example')] });
  const site = await api.getSite({});
  const bios: Record<string, string> = {
    'Dana Kim': 'Platform lead. Runs the on-call rotation and the migration programme.',
    'Luis Ortega': 'Staff engineer on search and data infrastructure.',
    'Priya Raman': 'Engineering manager for infrastructure cost and reliability.',
  };
  await api.updateSite({
    patch: {
      title: 'Northwind Engineering',
      tagline: 'How we build and run Northwind',
      description:
        'Case studies from the teams that run our production systems: what broke, what we chose and what we learned.',
      baseUrl: 'https://engineering.northwind.example/',
      authors: site.authors.map((a) => ({ ...a, bio: bios[a.name] ?? a.bio })),
    },
  });
  const out = path.join(scratch, 'site');
  await api.exportWorkspace({ format: 'site', outDir: out });

  await mkdir(shots, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
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
  await browser.close();
  console.log(`Wrote ${PAGES.length * VIEWS.length} screenshots to ${path.relative(root, shots)}/`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
