// Site search benchmark: `npx tsx bench/search-index.ts [N]` (default 1000). Builds the search
// index of N realistic studies (bench/realistic-studies.ts) as the export does, prints its size
// raw and gzipped and the time to build it, then opens the exported search page from file://
// in Chromium and times the first query (reading the index's words, then searching).
// The generated studies draw on ~150 words; real write-ups use far more, so it runs again with
// ~400 extra distinct words per study from a 40,000-word vocabulary (a Zipf-like draw).
// Targets (issue #14): ≤ 1.5 MB gzipped, first query ≤ 100 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium-launch';
import { seededRandom } from '../tests/helpers/seeded-random';
import { ExportMemory } from '../src/core/node/export/export-memory';
import { writeOutput } from '../src/core/node/export/output-writer';
import { siteExport } from '../src/core/node/export/site-export';
import { searchIndexFile } from '../src/core/node/export/site-search-file';
import { buildSiteModel } from '../src/core/pure/export/site-model';
import { defaultSiteSettings } from '../src/core/pure/schemas/site';
import type { Study } from '../src/core/pure/schemas/study';
import { generateRealisticStudies } from './realistic-studies';

const n = Number(process.argv[2] ?? 1000);
const site = { ...defaultSiteSettings(), title: 'Bench' };

function richVocabulary(studies: Study[]): Study[] {
  const rng = seededRandom(7);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const vocab = Array.from({ length: 40_000 }, (_, i) => {
    let w = '';
    const len = 4 + Math.floor(rng() * 8);
    for (let k = 0; k < len; k++) w += letters[Math.floor(rng() * 26)];
    return `${w}${i % 10}`;
  });
  return studies.map((s) => {
    // Zipf-like: low ranks far more often, so studies share common words and keep rare ones.
    const words = Array.from({ length: 600 }, () => vocab[Math.floor(vocab.length * rng() ** 3)]!);
    const para = { type: 'paragraph', content: [{ type: 'text', text: words.join(' ') }] };
    return { ...s, lessons: { ...s.lessons, content: [...(s.lessons.content ?? []), para] } };
  });
}

async function firstQuery(studies: Study[], query: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-search-bench-'));
  const { files } = siteExport({ site, studies, readAsset: () => null, drafts: false });
  await writeOutput(dir, files, { format: 'site', durable: false });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(dir, 'search/index.html')).href);
  const times = await page.evaluate((q) => {
    const w = window as unknown as {
      CasebookSearch: { load(d: unknown): unknown; search(e: unknown, q: string): unknown[] };
      CASEBOOK_SEARCH: unknown;
    };
    const t0 = performance.now();
    const engine = w.CasebookSearch.load(w.CASEBOOK_SEARCH);
    const t1 = performance.now();
    const found = w.CasebookSearch.search(engine, q);
    const t2 = performance.now();
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { load: t1 - t0, search: t2 - t1, found: found.length, domContentLoaded: nav.domContentLoadedEventEnd };
  }, query);
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
  return times;
}

async function run(label: string, studies: Study[]) {
  const model = buildSiteModel(site, studies, false);
  let start = performance.now();
  const script = searchIndexFile(model, new ExportMemory());
  const cold = performance.now() - start;
  // A re-export after one edit: section words remembered, the index built again.
  const edited = buildSiteModel(
    site,
    studies.map((s, i) => (i === 0 ? { ...s, summary: `${s.summary} edited` } : s)),
    false,
  );
  const memory = new ExportMemory();
  searchIndexFile(model, memory);
  start = performance.now();
  searchIndexFile(edited, memory);
  const afterEdit = performance.now() - start;
  start = performance.now();
  searchIndexFile(edited, memory);
  const unchanged = performance.now() - start;
  const gz = gzipSync(script).length;
  const q = await firstQuery(studies, 'latncy');
  console.log(
    `${label}: ${model.studies.length} studies, index ${(script.length / 1e6).toFixed(2)} MB raw, ${(gz / 1e6).toFixed(2)} MB gzipped; ` +
      `build ${cold.toFixed(0)} ms cold, ${afterEdit.toFixed(0)} ms after one edit, ${unchanged.toFixed(0)} ms unchanged; ` +
      `first query in Chromium (file://): load ${q.load.toFixed(1)} ms + search ${q.search.toFixed(1)} ms ` +
      `(${q.found} found; page DOMContentLoaded ${q.domContentLoaded.toFixed(0)} ms)`,
  );
}

const studies = generateRealisticStudies(n, 1);
await run('generated studies', studies);
await run('rich vocabulary', richVocabulary(studies));
