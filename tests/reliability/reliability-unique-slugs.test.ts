// Slugs are unique on disk, not only within one process: the app and the CLI (or two
// servers) creating "Same title" at once must never both write `same-title` — the Markdown
// export would then drop one study. Each slug is chosen under the workspace's slug lock
// from what is on disk at that moment.
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { bundleForNode } from './harness/bundle';
import { withTempDir } from '../helpers/temp-dir';

const PER_WRITER = Number(process.env.CASEBOOK_SLUG_ROUNDS ?? 8);

/** The slug of every study file on disk. */
async function slugsOnDisk(workspace: string): Promise<string[]> {
  const dir = path.join(workspace, 'studies');
  const names = (await fsp.readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  return Promise.all(
    names.map(async (n) => (JSON.parse(await fsp.readFile(path.join(dir, n), 'utf8')) as { slug: string }).slug),
  );
}

function startWriter(bundle: string, args: string[]) {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let signalReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    if (out.startsWith('ready\n')) signalReady();
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const done = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`slug writer failed (${code}): ${err}`));
      resolve([...out.matchAll(/^slug (\S+)$/gm)].map((m) => m[1]!));
    });
  });
  return { ready, done, go: () => child.stdin.end('go\n') };
}

describe('slugs are unique across processes', () => {
  it('two service instances creating the same title at once: every slug on disk distinct', async () => {
    await withTempDir(async (dir) => {
      const [a, b] = await Promise.all([openWorkspace(dir), openWorkspace(dir)]);
      await Promise.all([a.listStudies({}), b.listStudies({})]);
      const create = (service: typeof a) =>
        Promise.all(Array.from({ length: PER_WRITER }, () => service.createStudy({ title: 'Same title' })));
      const made = (await Promise.all([create(a), create(b)])).flat();
      const onDisk = await slugsOnDisk(dir);
      expect(onDisk).toHaveLength(2 * PER_WRITER);
      expect(new Set(onDisk).size).toBe(onDisk.length);
      expect(new Set(made.map((s) => s.slug)).size).toBe(made.length);
    });
  });

  it('a retitled draft takes a slug another instance has just written', async () => {
    await withTempDir(async (dir) => {
      const a = await openWorkspace(dir);
      const b = await openWorkspace(dir);
      const draft = await a.createStudy({ title: 'Draft' });
      await b.listStudies({});
      await a.listStudies({});
      await b.createStudy({ title: 'Cache stampede' });
      const renamed = await a.updateStudy({ id: draft.id, patch: { title: 'Cache stampede' } });
      expect(renamed.slug).toBe('cache-stampede-2');
    });
  });

  it('the app and two other processes creating the same title at once: every slug on disk distinct', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'casebook-slugs-'));
    try {
      const bundle = await bundleForNode(path.resolve('tests/reliability/harness/slug-writer.ts'), scratch);
      const dir = path.join(scratch, 'workspace');
      const app = await openWorkspace(dir);
      await app.listStudies({});
      const writers = [0, 1].map(() => startWriter(bundle, [dir, 'Same title', String(PER_WRITER)]));
      await Promise.all(writers.map((w) => Promise.race([w.ready, w.done])));
      for (const w of writers) w.go();
      const mine = Promise.all(Array.from({ length: PER_WRITER }, () => app.createStudy({ title: 'Same title' })));
      const [fromApp, ...fromOthers] = await Promise.all([mine, ...writers.map((w) => w.done)]);
      const acknowledged = [...fromApp.map((s) => s.slug), ...fromOthers.flat()];
      expect(acknowledged).toHaveLength(3 * PER_WRITER);
      const onDisk = await slugsOnDisk(dir);
      expect(onDisk.sort()).toEqual(acknowledged.sort());
      expect(new Set(onDisk).size).toBe(onDisk.length);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
