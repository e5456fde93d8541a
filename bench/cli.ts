// The CLI's speed as a user meets it: whole-process wall times of the built CLI
// (out/cli/casebook.mjs; `npm run build` first), pair by pair in one run so every ratio shares
// the machine's load: `npx tsx bench/cli.ts [N] [ROUNDS]` (default 1000 studies, 3 rounds).
//   --help, and list of a 10-study workspace       vs `node -e 0`         (target ≤ 2×)
//   export --format site of N realistic studies    vs Hugo building the Markdown export of the
//                                                     same studies (minimal templates) (≤ 0.5×)
//   the same export again, nothing changed          vs the full export     (≤ 10 %)
//   again after one study was edited (saved as the store saves: a new file renamed into place)
//                                                   vs the full export     (≤ 15 %)
// A full export starts without the workspace's render cache, receipts and snapshots (a first
// export: forgetExports, social cards included); "first export, cards cached" is the same into a
// new folder with only the social cards kept from before; "first export, nothing to render" is one
// into a new folder with the render cache and the cards kept (no target: what is left of them without rendering);
// every figure is the median of ROUNDS runs, rounds interleaved. CASEBOOK_BENCH_CLI=path/casebook.mjs
// measures another build; CASEBOOK_BENCH_STARTUP_ONLY=1 prints the start-up figures alone (no
// N-study workspace, no Hugo, no export).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Study } from '../src/core/pure/schemas/study';
import { HUGO_SITE_FILES } from '../tests/fixtures/markdown/sample-workspace';
import { generateRealisticStudies } from './realistic-studies';

const n = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 3);
// CASEBOOK_BENCH_CLI: another build of the CLI (e.g. a copy of out/cli from before a change).
const cli = process.env.CASEBOOK_BENCH_CLI ?? fileURLToPath(new URL('../out/cli/casebook.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run npm run build first.`);
  process.exit(1);
}

const startupOnly = process.env.CASEBOOK_BENCH_STARTUP_ONLY === '1';
const root = mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-cli-'));
const at = (...parts: string[]) => path.join(root, ...parts);

/** Wall time of one whole process, in ms; throws when it fails (a broken run is no figure). */
function timed(command: string, args: string[]): number {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (run.error || run.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${run.error?.message ?? run.stderr.trim()}`);
  }
  return ms;
}
const casebook = (...args: string[]) => timed(process.execPath, [cli, ...args]);

/** Writes a study as the store does: a new file renamed over the old one. */
function saveStudy(workspace: string, study: Study): void {
  const file = path.join(workspace, 'studies', `${study.id}.json`);
  writeFileSync(`${file}.bench-tmp`, `${JSON.stringify(study, null, 2)}\n`);
  renameSync(`${file}.bench-tmp`, file);
}

function makeWorkspace(dir: string, studies: Study[]): void {
  mkdirSync(path.join(dir, 'studies'), { recursive: true });
  for (const study of studies) saveStudy(dir, study);
  casebook('init', '--workspace', dir);
}

/**
 * The workspace's derived data that makes exports after the first faster (export-snapshot-*
 * included, and the social cards: a first export draws every card).
 */
function forgetExports(workspace: string, keepCards = false): void {
  const cache = path.join(workspace, '.casebook');
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) {
    if (name.startsWith('site-render-') || name.startsWith('export-') || (name === 'social-cards' && !keepCards))
      rmSync(path.join(cache, name), { recursive: true });
  }
}

const studies = generateRealisticStudies(n, 2026).map((s) => ({ ...s, status: 'published' as const }));
const big = at('workspace');
const small = at('small');
const hugoDir = at('hugo');
makeWorkspace(small, studies.slice(0, 10));
if (!startupOnly) {
  makeWorkspace(big, studies);
  for (const [rel, text] of Object.entries(HUGO_SITE_FILES)) {
    mkdirSync(path.dirname(path.join(hugoDir, rel)), { recursive: true });
    writeFileSync(path.join(hugoDir, rel), text);
  }
  casebook('export', '-w', big, '-f', 'markdown', '-o', path.join(hugoDir, 'content', 'studies'), '--allow-errors');
}

const samples = new Map<string, number[]>();
const sample = (label: string, ms: number) => samples.set(label, [...(samples.get(label) ?? []), ms]);
let edits = 0;

try {
  for (let round = 0; round < rounds; round++) {
    sample('node -e 0', timed(process.execPath, ['-e', '0']));
    sample('casebook --help', casebook('--help'));
    sample('casebook list (10 studies)', casebook('list', '--workspace', small));
    if (startupOnly) continue;

    const publicDir = at(`hugo-public-${round}`);
    sample('hugo build', timed('hugo', ['--source', hugoDir, '--destination', publicDir, '--quiet']));

    const out = at(`site-${round}`);
    const exportSite = () => casebook('export', '-w', big, '-f', 'site', '-o', out, '--allow-errors');
    forgetExports(big);
    sample('export --format site', exportSite());
    // Into a new folder with every section in the render cache and every card drawn: what is
    // left of the two first exports without rendering.
    sample(
      'first export, nothing to render',
      casebook('export', '-w', big, '-f', 'site', '-o', at(`fresh-${round}`), '--allow-errors'),
    );
    sample('export again, nothing changed', exportSite());
    const i = (round * 97 + Math.floor(n / 2)) % n;
    const study = studies[i]!;
    edits++;
    studies[i] = { ...study, summary: `${study.summary} (edit ${edits})`, updatedAt: new Date().toISOString() };
    saveStudy(big, studies[i]);
    sample('export again, one study edited', exportSite());
    // A first export into a new folder whose social cards an earlier export drew (every other
    // cache forgotten): one reading of issue #14's "cards cached".
    forgetExports(big, true);
    sample(
      'first export, cards cached',
      casebook('export', '-w', big, '-f', 'site', '-o', at(`new-${round}`), '--allow-errors'),
    );
  }

  const median = (label: string) => {
    const sorted = [...samples.get(label)!].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  // A null target: a figure shown beside the others, with no target of its own.
  const rows: Array<[string, string, number | null, string]> = [
    ['casebook --help', 'node -e 0', 2, '×'],
    ['casebook list (10 studies)', 'node -e 0', 2, '×'],
    ['export --format site', 'hugo build', 0.5, '×'],
    ['first export, cards cached', 'hugo build', 0.5, '×'],
    ['first export, nothing to render', 'hugo build', null, '×'],
    ['export again, nothing changed', 'export --format site', 0.1, '%'],
    ['export again, one study edited', 'export --format site', 0.15, '%'],
  ];
  if (startupOnly) rows.splice(2);
  console.log(
    `${startupOnly ? 'start-up only' : `${n} studies`}, medians of ${rounds} rounds, whole-process wall times\n`,
  );
  for (const label of startupOnly ? ['node -e 0'] : ['node -e 0', 'hugo build'])
    console.log(`  ${label.padEnd(32)} ${median(label).toFixed(0).padStart(6)} ms`);
  for (const [label, versus, target, unit] of rows) {
    const ratio = median(label) / median(versus);
    const shown = unit === '%' ? `${(ratio * 100).toFixed(1)} %` : `${ratio.toFixed(2)} ×`;
    const verdict =
      target === null
        ? '(no target: a first export minus its rendering)'
        : `target ${(unit === '%' ? `≤ ${target * 100} %` : `≤ ${target} ×`).padEnd(7)} ${ratio <= target ? 'met' : 'NOT met'}`;
    console.log(
      `  ${label.padEnd(32)} ${median(label).toFixed(0).padStart(6)} ms  ${shown.padStart(8)} of ${versus.padEnd(22)} ${verdict}`,
    );
  }
  console.log(
    `\nload average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
