// Static site export benchmark: `npx tsx bench/export-site.ts [N]` (default 1000).
// Generates N realistic studies (~1,500 words each), times a full export (render + write into
// an empty temp folder), then edits one study and times the re-export (medians of three). Prints both, their
// ratio (target: under 10%), once with `durable: true` (fsync per page) and once with the default.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forgetTextHashes, writeOutput } from '../src/core/export/output-writer';
import { forgetRenderedSite, siteExport } from '../src/core/export/site-export';
import { defaultSiteSettings } from '../src/core/schemas/site';
import type { Study } from '../src/core/schemas/study';
import { generateRealisticStudies } from './realistic-studies';

const n = Number(process.argv[2] ?? 1000);
const site = { ...defaultSiteSettings(), author: 'Bench Author', baseUrl: 'https://example.com/cases/' };

async function exportInto(dir: string, studies: Study[], durable: boolean) {
  const start = performance.now();
  const { files } = siteExport({ site, studies, readAsset: () => null, drafts: false });
  const rendered = performance.now();
  const result = await writeOutput(dir, files, { format: 'site', durable });
  const end = performance.now();
  return { renderMs: rendered - start, writeMs: end - rendered, totalMs: end - start, files: files.length, ...result };
}

function editOne(studies: Study[], which = 0): Study[] {
  const i = Math.floor(studies.length / 2) + which * 7;
  const edited = studies.map((s) => s);
  const s = studies[i]!;
  edited[i] = {
    ...s,
    updatedAt: new Date(Date.parse(s.updatedAt) + 60_000).toISOString(),
    lessons: {
      type: 'doc',
      content: [
        ...(s.lessons.content ?? []),
        { type: 'paragraph', content: [{ type: 'text', text: 'One more lesson.' }] },
      ],
    },
  };
  return edited;
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

async function run(durable: boolean, studies: Study[]) {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-'));
  let out = '';
  try {
    // Three full exports into fresh folders, each from a cold start (as after launching the app
    // or the CLI); the median is reported, as for the re-exports below (the machine is shared).
    const fulls = [];
    for (let k = 0; k < 3; k++) {
      out = path.join(parent, `site-${k}`);
      forgetRenderedSite();
      forgetTextHashes();
      fulls.push(await exportInto(out, studies, durable));
    }
    const full = fulls.sort((a, b) => a.totalMs - b.totalMs)[1]!;
    // Three edits of different studies into the last folder.
    let edited = studies;
    const runs = [];
    for (let k = 0; k < 3; k++) {
      edited = editOne(edited, k);
      runs.push(await exportInto(out, edited, durable));
    }
    const again = runs.sort((a, b) => a.totalMs - b.totalMs)[1]!;
    forgetRenderedSite();
    forgetTextHashes();
    const cold = await exportInto(out, editOne(edited, 3), durable);
    const label = durable ? 'durable: true (fsync each page)' : 'default (no fsync)';
    console.log(`\n${label}`);
    console.log(
      `  full export        ${fmt(full.totalMs)}  (render ${fmt(full.renderMs)}, write ${fmt(full.writeMs)}; ${full.written} files written)`,
    );
    console.log(
      `  re-export, 1 edit  ${fmt(again.totalMs)}  (render ${fmt(again.renderMs)}, write ${fmt(again.writeMs)}; ${again.written} written, ${again.unchanged} unchanged)`,
    );
    console.log(
      `  ratio              ${((again.totalMs / full.totalMs) * 100).toFixed(1)}% (target < 10%; medians of 3)`,
    );
    console.log(
      `  re-export, cold    ${fmt(cold.totalMs)}  (a fresh process: nothing remembered; ${cold.written} written)`,
    );
    return { full, again };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

const genStart = performance.now();
const studies = generateRealisticStudies(n, 2026);
console.log(`${n} studies generated in ${fmt(performance.now() - genStart)}`);
await run(true, studies);
const standard = await run(false, studies);
const ok = standard.again.totalMs < standard.full.totalMs * 0.1;
console.log(`\nre-export under 10% of a full export (default settings): ${ok ? 'yes' : 'NO'}`);
