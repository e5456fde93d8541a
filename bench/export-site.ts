// Static site export benchmark: `npx tsx bench/export-site.ts [N]` (default 1000).
// Generates N realistic studies (~1,500 words each), times a full export (render + write into
// an empty temp folder), then edits one study and times the re-export (medians of three). Prints both, their
// ratio (target: under 10%), once with `durable: true` (fsync per page) and once with the default.
// Then the same through exportStudies (what the app and `casebook export` run, with the render
// cache kept in the workspace): in one process, and each export in a new process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExportMemory } from '../src/core/node/export/export-memory';
import { writeOutput } from '../src/core/node/export/output-writer';
import { siteExport } from '../src/core/node/export/site-export';
import { defaultSiteSettings } from '../src/core/pure/schemas/site';
import type { Study } from '../src/core/pure/schemas/study';
import { exportStudies } from '../src/core/node/workspace-export';
import { generateRealisticStudies } from './realistic-studies';

const child = process.argv[2] === '--child';
const n = Number((child ? process.argv[3] : process.argv[2]) ?? 1000);
const site = { ...defaultSiteSettings(), author: 'Bench Author', baseUrl: 'https://example.com/cases/' };

async function exportInto(dir: string, studies: Study[], durable: boolean, memory: ExportMemory) {
  const start = performance.now();
  const { files } = siteExport({ site, studies, readAsset: () => null, drafts: false, memory });
  const rendered = performance.now();
  const result = await writeOutput(dir, files, { format: 'site', durable, memory });
  const end = performance.now();
  return { renderMs: rendered - start, writeMs: end - rendered, totalMs: end - start, files: files.length, ...result };
}

function editOne(studies: Study[], which = 0): Study[] {
  const i = (Math.floor(studies.length / 2) + which * 7) % studies.length; // any size, even 1
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
    // A new memory is a cold start; the re-exports below use the last full export's.
    let memory = new ExportMemory();
    for (let k = 0; k < 3; k++) {
      out = path.join(parent, `site-${k}`);
      memory = new ExportMemory();
      fulls.push(await exportInto(out, studies, durable, memory));
    }
    const full = fulls.sort((a, b) => a.totalMs - b.totalMs)[1]!;
    // Three edits of different studies into the last folder.
    let edited = studies;
    const runs = [];
    for (let k = 0; k < 3; k++) {
      edited = editOne(edited, k);
      runs.push(await exportInto(out, edited, durable, memory));
    }
    const again = runs.sort((a, b) => a.totalMs - b.totalMs)[1]!;
    const cold = await exportInto(out, editOne(edited, 3), durable, new ExportMemory());
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

/** One exportStudies run, as `casebook export` makes it. */
async function exportWorkspace(workspace: string, out: string, studies: Study[], memory: ExportMemory) {
  const start = performance.now();
  let rendered = start;
  const report = await exportStudies(
    workspace,
    site,
    studies,
    { format: 'site', outDir: out, drafts: false, allowErrors: true },
    memory,
    (stage, done, total) => {
      if (stage === 'rendering' && done === total) rendered = performance.now();
    },
  );
  const end = performance.now();
  return { totalMs: end - start, renderMs: rendered - start, writeMs: end - rendered, ...report };
}
type WorkspaceRun = Awaited<ReturnType<typeof exportWorkspace>> & { wallMs?: number };

const editedTimes = (studies: Study[], edits: number) => {
  let edited = studies;
  for (let k = 0; k < edits; k++) edited = editOne(edited, k);
  return edited;
};

// The child: `--child N WORKSPACE OUT EDITS` — one export of the N studies with EDITS edits
// applied, in this new process; prints its timings as JSON.
async function runChild() {
  const [workspace, out, edits] = process.argv.slice(4);
  const studies = editedTimes(generateRealisticStudies(n, 2026), Number(edits));
  console.log(JSON.stringify(await exportWorkspace(workspace!, out!, studies, new ExportMemory())));
}

function inNewProcess(workspace: string, out: string, edits: number): WorkspaceRun {
  const start = performance.now();
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(n), workspace, out, String(edits)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const wallMs = performance.now() - start;
  return { ...(JSON.parse(output.trim().split('\n').pop()!) as WorkspaceRun), wallMs };
}

const median = (runs: WorkspaceRun[]) => [...runs].sort((a, b) => a.totalMs - b.totalMs)[1]!;
const line = (label: string, r: WorkspaceRun) =>
  `  ${label.padEnd(18)} ${fmt(r.totalMs)}  (render ${fmt(r.renderMs)}, write ${fmt(r.writeMs)}; ${r.written} written, ${r.unchanged} unchanged${r.wallMs ? `; whole process ${fmt(r.wallMs)}` : ''})`;

async function runWorkspace(studies: Study[]) {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-'));
  const workspace = path.join(parent, 'workspace');
  mkdirSync(workspace);
  try {
    // The app: one process, everything remembered between exports.
    const fulls: WorkspaceRun[] = [];
    let out = '';
    let memory = new ExportMemory();
    for (let k = 0; k < 3; k++) {
      out = path.join(parent, `app-${k}`);
      memory = new ExportMemory();
      fulls.push(await exportWorkspace(workspace, out, studies, memory));
    }
    const again: WorkspaceRun[] = [];
    for (let k = 1; k <= 3; k++) again.push(await exportWorkspace(workspace, out, editedTimes(studies, k), memory));
    const [appFull, appAgain] = [median(fulls), median(again)];
    console.log(`\nexportStudies in one process (the app; render cache in the workspace)`);
    console.log(line('full export', appFull));
    console.log(line('re-export, 1 edit', appAgain));
    console.log(`  ratio              ${((appAgain.totalMs / appFull.totalMs) * 100).toFixed(1)}% (medians of 3)`);

    // The CLI: every export a new process (`casebook export` run again after an edit).
    const cliFulls: WorkspaceRun[] = [];
    for (let k = 0; k < 3; k++) {
      out = path.join(parent, `cli-${k}`);
      cliFulls.push(inNewProcess(workspace, out, 0));
    }
    const cliAgain: WorkspaceRun[] = [];
    for (let k = 1; k <= 3; k++) cliAgain.push(inNewProcess(workspace, out, k));
    const [cliFull, cliRe] = [median(cliFulls), median(cliAgain)];
    console.log(`\nexportStudies, each export a new process (\`casebook export\` twice)`);
    console.log(line('full export', cliFull));
    console.log(line('re-export, 1 edit', cliRe));
    console.log(
      `  ratio              ${((cliRe.totalMs / cliFull.totalMs) * 100).toFixed(1)}% of the export itself (medians of 3; target < 10%)`,
    );
    const fullWall = [...cliFulls].sort((a, b) => a.wallMs! - b.wallMs!)[1]!.wallMs!;
    const reWall = [...cliAgain].sort((a, b) => a.wallMs! - b.wallMs!)[1]!.wallMs!;
    console.log(`  whole processes    ${fmt(fullWall)} vs ${fmt(reWall)} (incl. startup and generating the studies)`);
    return { cliFull, cliRe };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

if (child) {
  await runChild();
} else {
  const genStart = performance.now();
  const studies = generateRealisticStudies(n, 2026);
  console.log(`${n} studies generated in ${fmt(performance.now() - genStart)}`);
  await run(true, studies);
  const standard = await run(false, studies);
  const ok = standard.again.totalMs < standard.full.totalMs * 0.1;
  console.log(`\nre-export under 10% of a full export (default settings): ${ok ? 'yes' : 'NO'}`);
  const cli = await runWorkspace(studies);
  const cliOk = cli.cliRe.totalMs < cli.cliFull.totalMs * 0.1;
  console.log(`re-export in a new process under 10% of a full export: ${cliOk ? 'yes' : 'NO'}`);
}
