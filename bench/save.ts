// Save cost against workspace size: times saving one study in workspaces of 10 and
// N studies (default 5,000) and counts the files each save wrote.
// Run: npx tsx bench/save.ts [N]
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../src/core/node/casebook-service';
import { writeStudyFiles } from '../tests/helpers/study-files';

const large = Number(process.argv[2] ?? 5000);
const SAVES = 200;

async function mtimes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const name of await readdir(dir)) out.set(name, (await stat(path.join(dir, name))).mtimeMs);
  return out;
}

async function measure(count: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'casebook-bench-'));
  try {
    await writeStudyFiles(dir, count);
    const openStart = performance.now();
    const service = await openWorkspace(dir);
    await service.listStudies({});
    const openMs = performance.now() - openStart;
    const studiesDir = path.join(dir, 'studies');
    const before = await mtimes(studiesDir);
    const times: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const start = performance.now();
      await service.updateStudy({ id: 'study-3', patch: { summary: `edit ${i}` } });
      times.push(performance.now() - start);
    }
    const after = await mtimes(studiesDir);
    const changed = [...after].filter(([name, t]) => before.get(name) !== t).map(([name]) => name);
    times.sort((a, b) => a - b);
    return {
      count,
      openMs,
      median: times[Math.floor(times.length / 2)]!,
      p95: times[Math.floor(times.length * 0.95)]!,
      changed,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const small = await measure(10);
const big = await measure(large);
for (const r of [small, big]) {
  console.log(
    `${String(r.count).padStart(6)} studies: open+list ${r.openMs.toFixed(0)} ms; save median ${r.median.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms over ${SAVES} saves; files written: ${r.changed.length} (${r.changed.join(', ')})`,
  );
}
console.log(`save median ratio ${large}/10: ${(big.median / small.median).toFixed(2)}×`);
