// Lighthouse (12.2.3, the last to run on Node 20) scores the exported site served over
// http://127.0.0.1: Performance, Accessibility, Best Practices and SEO must each be ≥ 95 on the
// index and on the longest study page. CI scores those two pages; LIGHTHOUSE_PAGES=all scores
// every page of the sample site (a few minutes). Scores are printed for the closing note. A page
// that misses is scored four more times and judged by its median run (as Lighthouse CI does).
import { createServer } from 'node:net';
import { chromium, expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { Launcher } from 'chrome-launcher';
import { chromiumLaunchOptions } from '../chromium-launch';
import { exportSite, serveFolder, type ExportedSite } from './exported-site';
import { isStudyPage } from './site-files';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MIN_SCORE = 0.95;
/** Runs a missing page gets in all, judged by the median (Lighthouse's variability guide: 5). */
const RUNS_ON_A_MISS = 5;
/**
 * The features Lighthouse's own launcher turns off (chrome-launcher: background services, and
 * RenderDocument for its measurement bugs), and Chromium 156's WebUI omnibox popup: preloaded
 * in every window, and Lighthouse opens one per run, it was a second renderer competing with
 * the page for this 2-core machine (its tasks inflated total blocking time: 91–96 instead of
 * 99–100). Chromium keeps only the last --disable-features, so this one list replaces
 * Playwright's: this browser is launched for Lighthouse, to be measured as Lighthouse would.
 */
const LIGHTHOUSE_FEATURES_OFF = [
  ...Launcher.defaultFlags()
    .filter((flag) => flag.startsWith('--disable-features='))
    .flatMap((flag) => flag.slice('--disable-features='.length).split(',')),
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
];

let site: ExportedSite;
let server: Awaited<ReturnType<typeof serveFolder>>;

test.beforeAll(async () => {
  site = await exportSite();
  server = await serveFolder(site.dir);
});
test.afterAll(async () => {
  await server?.close();
  await site?.remove();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The index and the study page with the most HTML, or every page when LIGHTHOUSE_PAGES=all. */
async function pagesToScore(): Promise<string[]> {
  if (process.env.LIGHTHOUSE_PAGES === 'all') return site.pages;
  const { stat } = await import('node:fs/promises');
  const studies = site.pages.filter(isStudyPage);
  const sizes = await Promise.all(studies.map(async (p) => (await stat(`${site.dir}/${p}`)).size));
  const longest = studies[sizes.indexOf(Math.max(...sizes))]!;
  return ['index.html', longest];
}

test('Lighthouse scores each category at least 95 on the index and the longest study page', async () => {
  test.setTimeout(process.env.LIGHTHOUSE_PAGES === 'all' ? 1_800_000 : 240_000);
  const port = await freePort();
  const browser = await chromium.launch(
    chromiumLaunchOptions([
      `--remote-debugging-port=${port}`,
      `--disable-features=${LIGHTHOUSE_FEATURES_OFF.join(',')}`,
    ]),
  );
  const failures: string[] = [];
  try {
    for (const pagePath of await pagesToScore()) {
      const score = async () => {
        const result = await lighthouse(
          server.url + pagePath,
          { port, output: 'json', logLevel: 'error' },
          { extends: 'lighthouse:default', settings: { onlyCategories: [...CATEGORIES] } },
        );
        return result!.lhr;
      };
      // Performance is timed on this machine (total blocking time grows with its load): as
      // Lighthouse CI does, a page that misses is run again and judged by the median run.
      const runs = [await score()];
      const below = (lhr: (typeof runs)[number]) =>
        CATEGORIES.some((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100) < MIN_SCORE * 100);
      if (below(runs[0]!)) while (runs.length < RUNS_ON_A_MISS) runs.push(await score());
      const byPerformance = [...runs].sort(
        (a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0),
      );
      const lhr = byPerformance[Math.floor(byPerformance.length / 2)]!;
      const scores = CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)] as const);
      const ofRuns =
        runs.length > 1
          ? ` (median of ${runs.length} runs: ${byPerformance.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)).join(', ')})`
          : '';
      console.log(`Lighthouse ${pagePath}: ${scores.map(([c, s]) => `${c} ${s}`).join(', ')}${ofRuns}`);
      for (const [category, score] of scores) {
        if (score >= MIN_SCORE * 100) continue;
        const lost = (lhr.categories[category]?.auditRefs ?? [])
          .map((ref) => lhr.audits[ref.id]!)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
          .map((a) => `${a.id} (${a.score})`);
        failures.push(`${pagePath} ${category} ${score}: ${lost.join(', ')}`);
      }
    }
  } finally {
    await browser.close();
  }
  expect(failures).toEqual([]);
});
