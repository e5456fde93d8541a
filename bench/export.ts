// The export benchmark of the "Publish" issue: `npx tsx bench/export.ts [N]` (default 1000).
// Generates N realistic studies (~1,500 words each, with lists, code blocks and a table) and,
// in one run so the ratios share the machine's load:
//   1. times our static-site export (render + write into an empty folder),
//   2. times a re-export after editing one study (same process, as in the app), then one with
//      nothing changed (which must draw no social card),
//   3. times our Markdown export of the same studies,
//   4. times Debian's `hugo` building that Markdown,
// then prints the ratios: site export / hugo build (target < 0.5), re-export / full (target < 10%).
// The exports run in a real workspace folder, as the app's do: its .casebook/ keeps the render
// cache and the social cards between exports (under a per-user secret: a temporary state
// folder here, so the bench leaves nothing behind).
// bench/export-site.ts also measures a re-export from a fresh process (the CLI); bench/cli.ts
// times the built CLI as whole processes, with every ratio of the CLI issue side by side.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeOutput } from '../src/core/node/export/output-writer';
import { markdownExport } from '../src/core/node/markdown/markdown-export';
import { defaultSiteSettings } from '../src/core/pure/schemas/site';
import { exportStudies } from '../src/core/node/workspace-export';
import { ExportMemory } from '../src/core/node/export/export-memory';
import { HUGO_SITE_FILES } from '../tests/fixtures/markdown/sample-workspace';
import { generateRealisticStudies } from './realistic-studies';

const n = Number(process.argv[2] ?? 1000);
const site = defaultSiteSettings();
const studies = generateRealisticStudies(n, 42).map((s) => ({ ...s, status: 'published' as const }));
const root = mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-export-'));
const workspace = path.join(root, 'workspace');
mkdirSync(workspace);
process.env.CASEBOOK_STATE_DIR = path.join(root, 'state');
const ms = (start: number) => performance.now() - start;
/** CPU time of every thread of this process since `start` (process.cpuUsage()): steadier than wall time on a shared machine. */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return `${((user + system) / 1000).toFixed(0)} ms CPU`;
};
/** Social cards drawn since `since` (epoch ms): the PNGs the export put into the workspace's cache. */
function cardsDrawnSince(since: number): number {
  const dir = path.join(workspace, '.casebook', 'social-cards');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.png'));
  } catch {
    return 0;
  }
  return names.filter((f) => statSync(path.join(dir, f)).mtimeMs >= since).length;
}

try {
  const siteDir = path.join(root, 'site');
  // Both exports in one process, as the app makes them: the second reuses what the first rendered.
  const memory = new ExportMemory();
  let since = Date.now() - 1;
  let cpu = process.cpuUsage();
  let start = performance.now();
  const full = await exportStudies(
    workspace,
    site,
    studies,
    {
      format: 'site',
      outDir: siteDir,
      drafts: false,
      allowErrors: true,
    },
    memory,
  );
  const siteMs = ms(start);
  console.log(
    `site export of ${n} studies: ${siteMs.toFixed(0)} ms, ${cpuMs(cpu)} (${full.written} files, ${cardsDrawnSince(since)} cards drawn)`,
  );

  const edited = studies.map((s, i) => (i === Math.floor(n / 2) ? { ...s, summary: `${s.summary} (edited)` } : s));
  since = Date.now() - 1;
  cpu = process.cpuUsage();
  start = performance.now();
  const again = await exportStudies(
    workspace,
    site,
    edited,
    {
      format: 'site',
      outDir: siteDir,
      drafts: false,
      allowErrors: true,
    },
    memory,
  );
  const reMs = ms(start);
  console.log(
    `re-export after editing one study: ${reMs.toFixed(0)} ms, ${cpuMs(cpu)} (${again.written} written, ${again.unchanged} unchanged, ${cardsDrawnSince(since)} cards drawn)`,
  );
  since = Date.now() - 1;
  start = performance.now();
  const same = await exportStudies(
    workspace,
    site,
    edited,
    { format: 'site', outDir: siteDir, drafts: false, allowErrors: true },
    memory,
  );
  console.log(
    `re-export with nothing changed: ${ms(start).toFixed(0)} ms (${same.written} written, ${cardsDrawnSince(since)} cards drawn)`,
  );

  const hugoDir = path.join(root, 'hugo');
  for (const [rel, text] of Object.entries(HUGO_SITE_FILES)) {
    mkdirSync(path.dirname(path.join(hugoDir, rel)), { recursive: true });
    writeFileSync(path.join(hugoDir, rel), text);
  }
  start = performance.now();
  const md = markdownExport({ site, studies, readAsset: () => null, drafts: false });
  await writeOutput(path.join(hugoDir, 'content', 'studies'), md.files, { format: 'markdown' });
  console.log(`markdown export of ${n} studies: ${ms(start).toFixed(0)} ms (${md.files.length} files)`);

  start = performance.now();
  const hugo = spawnSync('hugo', ['--source', hugoDir, '--destination', path.join(hugoDir, 'public'), '--quiet'], {
    encoding: 'utf8',
  });
  const hugoMs = ms(start);
  if (hugo.error || hugo.status !== 0) {
    console.log(`hugo build: not run (${hugo.error?.message ?? hugo.stderr.trim()})`);
  } else {
    console.log(`hugo build of the same content: ${hugoMs.toFixed(0)} ms`);
    console.log(`ratio site export / hugo build: ${(siteMs / hugoMs).toFixed(2)} (target < 0.5)`);
  }
  console.log(`ratio re-export / full export: ${((reMs / siteMs) * 100).toFixed(1)}% (target < 10%)`);
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
