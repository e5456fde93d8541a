// "A CLI write while the app runs loses nothing": two writers on one workspace — two service
// instances in one process, then the app here and a second real process — save the same
// study at the same time, each save based on the version it read (baseUpdatedAt). Every
// save either lands or is refused as a conflict; no acknowledged save vanishes.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { bundleForNode } from './harness/bundle';
import { addTags } from './harness/tag-writing';
import { withTempDir } from '../helpers/temp-dir';

// At most 100 tags fit a study, so rounds per writer stay under 50.
const ROUNDS = Math.min(49, Number(process.env.CASEBOOK_CAS_ROUNDS ?? 40));

/** Starts the writer process; `ready` resolves once it has opened the workspace. */
function startWriterProcess(
  bundle: string,
  args: string[],
): { ready: Promise<void>; done: Promise<{ acked: string[]; conflicts: number }> } {
  let signalReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  const done = new Promise<{ acked: string[]; conflicts: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      if (out.startsWith('ready\n')) signalReady();
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`writer process failed (${code}): ${err}`));
      const acked = [...out.matchAll(/^ack (\S+)$/gm)].map((m) => m[1]!);
      resolve({ acked, conflicts: Number(/^done (\d+)$/m.exec(out)?.[1]) });
    });
  });
  return { ready, done };
}

describe('two writers on one workspace', () => {
  it('two service instances in one process: every acknowledged save is kept', async () => {
    await withTempDir(async (dir) => {
      const app = await openWorkspace(dir);
      const study = await app.createStudy({ title: 'Shared draft' });
      const cli = await openWorkspace(dir);
      const fromApp: string[] = [];
      const fromCli: string[] = [];
      const [a, b] = await Promise.all([
        addTags(app, study.id, 'app', ROUNDS, (t) => fromApp.push(t)),
        addTags(cli, study.id, 'cli', ROUNDS, (t) => fromCli.push(t)),
      ]);
      const final = await (await openWorkspace(dir)).getStudy({ id: study.id });
      expect([...fromApp, ...fromCli].filter((tag) => !final.tags.includes(tag))).toEqual([]);
      expect(final.tags).toHaveLength(2 * ROUNDS);
      console.log(`one process: ${2 * ROUNDS} saves acknowledged and kept, ${a + b} refused as conflicts`);
    });
  });

  it('the app and a second process: every acknowledged save is kept', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'casebook-cas-'));
    try {
      const bundle = await bundleForNode(path.resolve('tests/reliability/harness/tag-writer.ts'), scratch);
      const dir = path.join(scratch, 'workspace');
      const app = await openWorkspace(dir);
      const study = await app.createStudy({ title: 'Shared draft' });
      const fromApp: string[] = [];
      const writer = startWriterProcess(bundle, [dir, study.id, 'cli', String(ROUNDS)]);
      await Promise.race([writer.ready, writer.done]);
      const [a, other] = await Promise.all([
        addTags(app, study.id, 'app', ROUNDS, (t) => fromApp.push(t)),
        writer.done,
      ]);
      const final = await (await openWorkspace(dir)).getStudy({ id: study.id });
      expect(other.acked).toHaveLength(ROUNDS);
      expect([...fromApp, ...other.acked].filter((tag) => !final.tags.includes(tag))).toEqual([]);
      expect(final.tags).toHaveLength(2 * ROUNDS);
      console.log(
        `two processes: ${2 * ROUNDS} saves acknowledged and kept, ${a + other.conflicts} refused as conflicts`,
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
