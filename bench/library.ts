// The library at scale: builds a workspace of N realistic studies (default 10,000, ~1,500
// words each) and reports the time to open it to a usable list, to build the search index,
// the search latency per keystroke, and the cost of one save against a 10-study workspace.
// The open is timed twice: the first ever (every study file read, the summary cache written)
// and the next one, in a new process as the next app start or CLI run (the cache on disk).
// Run: npx tsx bench/library.ts [N]
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openWorkspace } from '../src/core/casebook-service';
import { checkWorkspace } from '../src/core/checks/workspace-checks';
import { queryLibrary } from '../src/core/library/library-query';
import { SearchIndex } from '../src/core/library/search-index';
import type { Study } from '../src/core/schemas/study';
import { summaryCachePath } from '../src/core/summary-cache';
import { generateRealisticStudies } from './realistic-studies';

if (process.argv[2] === '--open') {
  // Child mode: open the workspace at argv[3] in this fresh process and print the time.
  const start = performance.now();
  const count = (await (await openWorkspace(process.argv[3]!)).listStudies({})).length;
  console.log(JSON.stringify({ count, ms: performance.now() - start }));
  process.exit(0);
}

/** Opens `dir` to its list in a new process (same loader flags); its time and study count. */
async function openInNewProcess(dir: string): Promise<{ count: number; ms: number }> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, self, '--open', dir]);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { count: number; ms: number };
}

const N = Number(process.argv[2] ?? 10_000);
const SAVES = 40;
const WORDS_TYPED = ['migration', 'latency', 'failover', 'cost', 'kafka consumers', 'postmortem'];

const ms = (value: number): string => `${value.toFixed(1)} ms`;
function stats(samples: number[]): { min: number; median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    min: sorted[0]!,
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!,
    max: sorted.at(-1)!,
  };
}

/** Writes `count` studies in batches; returns the total bytes written. Studies are not kept. */
async function writeWorkspace(dir: string, count: number): Promise<number> {
  await mkdir(path.join(dir, 'studies'), { recursive: true });
  let bytes = 0;
  const batch = 500;
  for (let from = 0; from < count; from += batch) {
    // Each batch gets its own seed so memory holds one batch at a time.
    const studies = generateRealisticStudies(Math.min(batch, count - from), 1000 + from).map((s, i): Study => {
      // Number studies across batches so titles and slugs stay unique, as in a real workspace.
      const n = from + i + 1;
      return {
        ...s,
        id: `s${String(n).padStart(6, '0')}`,
        title: s.title.replace(/\(\d+\)$/, `(${n})`),
        slug: s.slug.replace(/-\d+$/, `-${n}`),
      };
    });
    await Promise.all(
      studies.map(async (study) => {
        const json = `${JSON.stringify(study, null, 2)}\n`;
        bytes += Buffer.byteLength(json);
        await writeFile(path.join(dir, 'studies', `${study.id}.json`), json);
      }),
    );
  }
  return bytes;
}

/** A saver for one study of a workspace: each call saves it once and returns the time taken. */
async function saver(dir: string, index: SearchIndex): Promise<(i: number) => Promise<number>> {
  const service = await openWorkspace(dir);
  const [first] = await service.listStudies({});
  const { id } = first!;
  return async (i) => {
    const start = performance.now();
    const saved = await service.updateStudy({ id, patch: { summary: `Edited summary ${i}` } });
    index.upsert(saved); // the library's search index follows every save
    return performance.now() - start;
  };
}

/** Saves alternate between the two workspaces, so a busy machine slows both alike. */
async function measureSaves(smallDir: string, bigDir: string, index: SearchIndex): Promise<[number[], number[]]> {
  const saveSmall = await saver(smallDir, index);
  const saveBig = await saver(bigDir, index);
  for (let i = 0; i < 5; i++) {
    // Unmeasured warm-up saves: both are timed with warm code and caches.
    await saveSmall(i);
    await saveBig(i);
  }
  const small: number[] = [];
  const big: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    small.push(await saveSmall(i));
    big.push(await saveBig(i));
  }
  return [small, big];
}

const root = await mkdtemp(path.join(tmpdir(), 'casebook-library-bench-'));
try {
  const big = path.join(root, 'big');
  const small = path.join(root, 'small');
  let start = performance.now();
  const bytes = await writeWorkspace(big, N);
  await writeWorkspace(small, 10);
  console.log(
    `Workspace: ${N} studies, ${(bytes / 1e6).toFixed(0)} MB of JSON (written in ${ms(performance.now() - start)}); load average ${loadavg()[0]!.toFixed(1)} on this machine`,
  );

  // 1. Open to a usable list: what the app does before it can show the library.
  start = performance.now();
  const service = await openWorkspace(big);
  const list = await service.listStudies({});
  const openMs = performance.now() - start;
  const cacheMb = (await stat(summaryCachePath(big)).catch(() => ({ size: 0 }))).size / 1e6;
  console.log(
    `Open + list, first ever (${list.length} studies, every file read; summary cache of ${cacheMb.toFixed(1)} MB written): ${ms(openMs)}`,
  );
  start = performance.now();
  await service.listStudies({});
  console.log(`List again (files unchanged, cached by mtime): ${ms(performance.now() - start)}`);
  for (let i = 1; i <= 2; i++) {
    const again = await openInNewProcess(big);
    console.log(
      `Open + list again in a new process #${i} (summary cache on disk; ${again.count} studies): ${ms(again.ms)}  (target < 1000 ms; load average ${loadavg()[0]!.toFixed(1)})`,
    );
  }
  start = performance.now();
  const reopened = await (await openWorkspace(big)).listStudies({});
  console.log(`Open + list again in this process (${reopened.length} studies): ${ms(performance.now() - start)}`);

  // 2. Search index: titles and summaries at once from the list, then the full studies.
  start = performance.now();
  const quick = SearchIndex.fromStudies(list);
  console.log(
    `Search by title and summary ready ${ms(performance.now() - start)} after the list (${quick.size} studies)`,
  );
  start = performance.now();
  const studies: Study[] = [];
  for (const summary of list) studies.push(await service.getStudy({ id: summary.id }));
  const readMs = performance.now() - start;
  start = performance.now();
  const index = SearchIndex.fromStudies(studies);
  const buildMs = performance.now() - start;
  start = performance.now();
  const check = checkWorkspace(await service.getSite({}), studies);
  const checkMs = performance.now() - start;
  studies.length = 0;
  if (global.gc) global.gc();
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  console.log(
    `Search index: reading ${list.length} full studies ${ms(readMs)}, indexing ${ms(buildMs)} (${(buildMs / list.length).toFixed(2)} ms/study); heap after ${heapMb.toFixed(0)} MB`,
  );

  console.log(
    `Publish check of every study: ${ms(checkMs)} (${check.totals.errors} errors, ${check.totals.warnings} warnings)`,
  );

  // 3. Typing: each keystroke runs the full library query (search, counts, sort, first page).
  const keystrokes: number[] = [];
  // CPU time too: on a shared, busy machine wall time includes waiting for a core.
  const keystrokeCpu: number[] = [];
  const matchOnly: number[] = [];
  for (const word of WORDS_TYPED) {
    for (let i = 1; i <= word.length; i++) {
      const query = word.slice(0, i);
      let t = performance.now();
      index.match(query);
      matchOnly.push(performance.now() - t);
      t = performance.now();
      const cpu = process.cpuUsage();
      queryLibrary(index, { query });
      keystrokes.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      keystrokeCpu.push((used.user + used.system) / 1000);
    }
  }
  const k = stats(keystrokes);
  const m = stats(matchOnly);
  console.log(
    `Search per keystroke (${keystrokes.length} keystrokes over ${WORDS_TYPED.length} words): median ${ms(k.median)}, p95 ${ms(k.p95)}, max ${ms(k.max)}, fastest ${ms(k.min)}  (target < 50 ms)`,
  );
  const c = stats(keystrokeCpu);
  console.log(`  CPU time per keystroke: median ${ms(c.median)}, p95 ${ms(c.p95)}`);
  console.log(`  of which ranking alone (wall): median ${ms(m.median)}, p95 ${ms(m.p95)}`);
  start = performance.now();
  const filtered = queryLibrary(index, {
    filters: { status: 'published', category: 'Failure Analysis' },
    sort: 'date',
  });
  console.log(`Filter + sort without search: ${ms(performance.now() - start)} (${filtered.total} studies)`);

  // 4. One save: same study edit in a 10-study workspace and in this one.
  const [smallTimes, bigTimes] = await measureSaves(small, big, index);
  const smallSaves = stats(smallTimes);
  const bigSaves = stats(bigTimes);
  const ratio = bigSaves.median / smallSaves.median;
  console.log(
    `Save one study (${SAVES} saves, index update included): 10 studies median ${ms(smallSaves.median)}; ${N} studies median ${ms(bigSaves.median)}; ratio ${ratio.toFixed(2)}×  (target ≤ 1.20×)`,
  );
  const sample = (await stat(path.join(big, 'studies', 's000001.json'))).size;
  console.log(`One study file: ${(sample / 1024).toFixed(0)} KB`);
} finally {
  await rm(root, { recursive: true, force: true });
}
