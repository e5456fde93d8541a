// What durability costs per save: Casebook's write (temp file, fsync, rename, fsync of the
// folder) against a steno-like write (temp file, rename, no fsync — what lowdb does by
// default), for a realistic study file. Also the whole store save (lock, read, validate,
// write) for scale. Run: npx tsx bench/fsync.ts [saves] [folder]
import { promises as fsp } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../src/core/node/atomic-write';
import { openWorkspace } from '../src/core/node/casebook-service';
import { generateRealisticStudies } from './realistic-studies';

const saves = Number(process.argv[2] ?? 300);
const root = await fsp.mkdtemp(path.join(process.argv[3] ?? tmpdir(), 'casebook-fsync-'));

/** steno's write: a temp file beside the target renamed over it; no fsync anywhere. */
async function stenoLikeWrite(target: string, data: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${randomBytes(4).toString('hex')}`);
  await fsp.writeFile(temp, data);
  await fsp.rename(temp, target);
}

function stats(times: number[]): { mean: number; median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.floor(sorted.length * 0.95)]!,
  };
}

/** Times the writers in turn within each round, so load from other programs hits them alike. */
async function timeAlternating(
  writers: Record<string, (i: number) => Promise<unknown>>,
): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(writers).map((k) => [k, []]));
  for (let i = -10; i < saves; i++) {
    for (const [label, write] of Object.entries(writers)) {
      const start = performance.now();
      await write(i);
      if (i >= 0) times[label]!.push(performance.now() - start); // the first 10 warm up
    }
  }
  const medians: Record<string, number> = {};
  for (const [label, list] of Object.entries(times)) {
    const s = stats(list);
    medians[label] = s.median;
    console.log(
      `${label.padEnd(46)} median ${s.median.toFixed(2)} ms  mean ${s.mean.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms`,
    );
  }
  return medians;
}

try {
  const study = generateRealisticStudies(1, 7)[0]!;
  const data = `${JSON.stringify(study, null, 2)}\n`;
  console.log(`${saves} saves of a ${(Buffer.byteLength(data) / 1024).toFixed(1)} KB study file in ${root}`);
  const service = await openWorkspace(path.join(root, 'workspace'));
  const created = await service.createStudy({ title: study.title });
  const m = await timeAlternating({
    'steno-like (temp + rename, no fsync)': (i) => stenoLikeWrite(path.join(root, 'a.json'), data + ' '.repeat(i & 3)),
    'Casebook (temp + fsync + rename + dir fsync)': (i) =>
      writeFileAtomic(path.join(root, 'b.json'), data + ' '.repeat(i & 3)),
    'whole store save (lock, read, validate, write)': (i) =>
      service.updateStudy({ id: created.id, patch: { problem: study.problem, summary: `save ${i}` } }),
  });
  const steno = m['steno-like (temp + rename, no fsync)']!;
  const durable = m['Casebook (temp + fsync + rename + dir fsync)']!;
  console.log(
    `fsync cost per save (medians): ${(durable - steno).toFixed(2)} ms (${(durable / steno).toFixed(1)}× the steno-like write)`,
  );
} finally {
  await fsp.rm(root, { recursive: true, force: true });
}
