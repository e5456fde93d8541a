// Helpers of bench/library.ts: the floor process, `casebook serve` started fresh and asked for
// library pages over HTTP as the browser asks them, and the workspace written to disk.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Study } from '../src/core/pure/schemas/study';
import { generateRealisticStudies } from './realistic-studies';

export const CLI = fileURLToPath(new URL('../out/cli/casebook.mjs', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(CLI)) {
    console.error(`${CLI} is missing: run npm run build first (the bench starts the built casebook serve).`);
    process.exit(1);
  }
}

// The floor: what any program must do to show a large workspace's list from a cache — start
// node, stat every study file and parse the summary cache. Nothing of Casebook is loaded.
const FLOOR_SCRIPT = `
const fs = require('node:fs'), path = require('node:path');
const dir = process.argv[1], studies = path.join(dir, 'studies');
let n = 0;
for (const name of fs.readdirSync(studies)) { fs.lstatSync(path.join(studies, name)); n++; }
const cache = JSON.parse(fs.readFileSync(path.join(dir, '.casebook', 'summaries.json'), 'utf8'));
if (cache.studies.length !== n) { console.error('cache holds ' + cache.studies.length + ' of ' + n); process.exit(1); }
`;

/** Wall time of one floor process, in ms. */
export async function floorOnce(dir: string): Promise<number> {
  const start = performance.now();
  await promisify(execFile)(process.execPath, ['-e', FLOOR_SCRIPT, dir]);
  return performance.now() - start;
}

export interface Served {
  child: ChildProcess;
  port: number;
  token: string;
  /** From spawning the process to the URL printed (the workspace open). */
  startedMs: number;
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
}

/** Starts `casebook serve` on `dir` in a fresh process and waits for its URL. */
export async function startServe(dir: string, env: NodeJS.ProcessEnv): Promise<Served> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--workspace', dir, '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
      if (found) resolve(new URL(found[0]));
    });
    child.on('exit', (code) => reject(new Error(`casebook serve exited (${code}): ${err}`)));
  });
  return {
    child,
    port: Number(url.port),
    token: url.searchParams.get('token')!,
    startedMs: performance.now() - spawnedAt,
    spawnedAt,
  };
}

export async function stopServe(served: Served): Promise<void> {
  const exited = new Promise((resolve) => served.child.once('exit', resolve));
  served.child.kill('SIGTERM');
  await exited;
}

export interface PageAnswer {
  total: number;
  shown: number;
  indexing: { indexed: number; total: number } | null;
}

/** One searchLibrary call as the library makes it (query, no filters, first page of 50). */
export async function searchOverHttp(served: Served, query: string, limit = 50): Promise<PageAnswer> {
  const res = await fetch(`http://127.0.0.1:${served.port}/api/searchLibrary`, {
    method: 'POST',
    headers: { 'X-Casebook-Token': served.token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, filters: {}, limit }),
  });
  const body = (await res.json()) as {
    ok: boolean;
    value?: { total: number; entries: unknown[]; indexing: PageAnswer['indexing'] };
    error?: { message: string };
  };
  if (!body.ok || !body.value) throw new Error(`searchLibrary failed: ${body.error?.message}`);
  return { total: body.value.total, shown: body.value.entries.length, indexing: body.value.indexing };
}

/** Resident memory of a process in MB (Linux /proc; null elsewhere). */
export function rssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Writes `count` realistic studies in batches (memory holds one batch); returns the bytes written. */
export async function writeWorkspace(dir: string, count: number): Promise<number> {
  await mkdir(path.join(dir, 'studies'), { recursive: true });
  let bytes = 0;
  const batch = 500;
  for (let from = 0; from < count; from += batch) {
    const studies = generateRealisticStudies(Math.min(batch, count - from), 1000 + from).map((s, i): Study => {
      // Numbered across batches so titles and slugs stay unique, as in a real workspace.
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
