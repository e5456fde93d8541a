// An export killed part way (SIGKILL at a random point: before, while and after writing the
// marker and the pages) must leave a folder that the next export accepts: rerunning it always
// succeeds, and the folder then holds exactly the site and its marker — no temp files, no
// page of an older run. CI kills 12 times; CASEBOOK_EXPORT_KILLS raises it.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_MARKER, writeOutput } from '../../../src/core/node/export/output-writer';
import { listTree } from '../../helpers/file-tree';
import { bundleForNode } from '../../reliability/harness/bundle';
import { generatedSite } from '../../reliability/harness/export-content';
import { seededRandom } from '../../helpers/seeded-random';

const KILLS = Number(process.env.CASEBOOK_EXPORT_KILLS ?? 12);
const PAGES = 400;

let root = '';
let writer = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'casebook-export-kill-'));
  writer = await bundleForNode(path.join(import.meta.dirname, '../../reliability/harness/export-writer.ts'), root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Starts the writer and kills it `delayMs` after it said "ready"; true when it finished first. */
function runAndKill(out: string, round: number, delayMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, out, String(PAGES), String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (output.startsWith('ready\n') && !output.includes('armed')) {
        output += 'armed';
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(output.includes('done'));
      else if (code === 0) resolve(true);
      else reject(new Error(`export writer failed (${code}): ${stderr}`));
    });
  });
}

describe('an interrupted export', () => {
  it(
    `is finished by rerunning it, whatever point it was killed at (${KILLS} kills)`,
    async () => {
      const random = seededRandom(20261129);
      let interrupted = 0;
      for (let kill = 0; kill < KILLS; kill++) {
        // Half the kills hit a first export into a new folder, half an update of an existing one.
        const out = path.join(root, kill % 2 === 0 ? `fresh-${kill}` : 'updated');
        const round = kill;
        const finished = await runAndKill(out, round, Math.floor(random() * 250));
        if (!finished) interrupted++;

        const site = generatedSite(PAGES, round);
        const result = await writeOutput(out, site, { format: 'site' });
        expect(result.kept, `kill ${kill}`).toEqual([]);
        expect(await listTree(out), `kill ${kill}`).toEqual([EXPORT_MARKER, ...site.map((f) => f.path)].sort());
        for (const file of [site[0]!, site[site.length - 1]!]) {
          expect(new Uint8Array(await readFile(path.join(out, file.path)))).toEqual(
            new Uint8Array(Buffer.from(file.contents)),
          );
        }
      }
      // Most kills must land part way, or the test proves little.
      expect(interrupted).toBeGreaterThan(KILLS / 2);
    },
    30_000 + KILLS * 4_000,
  );
});
