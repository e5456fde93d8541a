// Corruption: 50 damaged or foreign study and settings files. The app (the core service the
// desktop shell opens) and the CLI start every time, set aside what is damaged with the
// reason, keep the rest byte for byte, and leave a file from a newer Casebook untouched.
import { CACHE_DIR } from '../../src/core/node/summary-cache';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { bundleForNode } from './harness/bundle';
import { mutate, mutationKinds, seeded, type Mutation } from './harness/file-mutations';
import { withTempDir } from '../helpers/temp-dir';

const CASES = Number(process.env.CASEBOOK_CORRUPT_CASES ?? 50);
const run = promisify(execFile);

let scratch: string;
let cli: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'casebook-cli-bundle-'));
  cli = await bundleForNode(path.resolve('src/cli/main.ts'), scratch);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function hashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(sub: string): Promise<void> {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (rel === CACHE_DIR) continue; // derived cache, safe to refresh
      if (entry.isDirectory()) await walk(rel);
      else
        out.set(
          rel,
          createHash('sha256')
            .update(await readFile(path.join(dir, rel)))
            .digest('hex'),
        );
    }
  }
  await walk('');
  return out;
}

/** A workspace with three healthy studies; returns their ids. */
async function healthyWorkspace(dir: string): Promise<string[]> {
  const service = await openWorkspace(dir);
  const ids: string[] = [];
  for (const title of ['Queue backlog', 'Cold cache', 'Cloud bill']) {
    const study = await service.createStudy({ title });
    await service.updateStudy({ id: study.id, patch: { summary: `About ${title}`, tags: ['ops'] } });
    ids.push(study.id);
  }
  await service.updateSite({ patch: { title: 'Acme Engineering', categories: ['Failure Analysis'] } });
  return ids;
}

async function casebookCli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Case {
  n: number;
  target: 'study' | 'settings';
  mutation: Mutation;
}

describe('damaged and foreign files', () => {
  const tally = new Map<string, number>();
  afterAll(() => {
    console.log(`corruption: ${CASES} mutated files: ${[...tally].map(([k, v]) => `${v} ${k}`).join(', ')}`);
  });

  for (let n = 0; n < CASES; n++) {
    const target = n % 2 === 0 ? 'study' : 'settings';
    const kind = mutationKinds[Math.floor(n / 2) % mutationKinds.length]!;
    it(`case ${n}: ${target} file, ${kind}`, async () => {
      await withTempDir(async (dir) => {
        const ids = await healthyWorkspace(dir);
        const file = target === 'study' ? path.join('studies', `${ids[0]}.json`) : 'casebook.json';
        const mutation = mutate(kind, await readFile(path.join(dir, file)), seeded(1000 + n));
        const c: Case = { n, target, mutation };
        tally.set(`${target} ${kind}`, (tally.get(`${target} ${kind}`) ?? 0) + 1);
        await writeFile(path.join(dir, file), c.mutation.bytes);
        const before = await hashes(dir);
        const untouched = [...before.keys()].filter((f) => f !== file);

        // The app starts and lists what is healthy.
        const app = await openWorkspace(dir);
        const listed = (await app.listStudies({})).map((s) => s.id).sort();
        const info = await app.getWorkspaceInfo({});
        const newer = c.mutation.reason === null;
        const survivors = target === 'study' ? ids.slice(1) : ids;
        expect(listed).toEqual([...survivors].sort());

        // The CLI starts too, lists the same and says what it set aside or why it is read-only.
        const listing = await casebookCli(['list', '--json', '--workspace', dir]);
        expect(listing.code, listing.stderr).toBe(0);
        expect((JSON.parse(listing.stdout) as Array<{ id: string }>).map((s) => s.id).sort()).toEqual(listed);

        const after = await hashes(dir);
        for (const f of untouched) expect(after.get(f), `${f} must be kept as it was`).toBe(before.get(f));

        if (newer) {
          // Never moved, never rewritten; writes refused with a clear reason.
          expect(after.get(file)).toBe(before.get(file));
          expect(info.quarantined).toEqual([]);
          const refused =
            target === 'study' ? app.createStudy({ title: 'x' }) : app.updateSite({ patch: { title: 'x' } });
          await expect(refused).rejects.toMatchObject({
            code: 'read_only',
            message: expect.stringMatching(/newer version of Casebook/),
          });
          if (target === 'study') {
            // Named as from a newer Casebook, not as missing; the other studies stay readable
            // but are not saved beside it.
            await expect(app.getStudy({ id: ids[0]! })).rejects.toMatchObject({ code: 'read_only' });
            await expect(app.updateStudy({ id: ids[1]!, patch: { summary: 'x' } })).rejects.toMatchObject({
              code: 'read_only',
            });
            expect((await app.getStudy({ id: ids[1]! })).title).toBe('Cold cache');
            expect(info.readOnlyReason).toContain(file.split(path.sep).join('/'));
          }
          // The app shows the workspace as read-only and why; the CLI says so too.
          expect(info.readOnly).toBe(true);
          expect(info.readOnlyReason).toMatch(/newer version of Casebook/);
          expect(listing.stderr).toMatch(/newer version of Casebook/);
          expect((await hashes(dir)).get(file)).toBe(before.get(file));
          return;
        }

        if (target === 'settings') {
          // The settings file is the team's (git commits it): left exactly where it is, never
          // replaced by defaults, reported by both; saving settings refused until it is fixed.
          expect(after.get(file)).toBe(before.get(file));
          expect(info.quarantined).toEqual([]);
          const skipped = info.skipped.find((s) => s.file === 'casebook.json');
          expect(skipped, 'the damaged file is reported').toBeDefined();
          expect(skipped!.reason).toMatch(c.mutation.reason!);
          expect(listing.stderr).toContain('Skipped casebook.json (left where it is)');
          await expect(app.updateSite({ patch: { title: 'x' } })).rejects.toMatchObject({ code: 'invalid_input' });
          expect((await hashes(dir)).get(file)).toBe(before.get(file));
          const saved = await app.updateStudy({ id: ids[1]!, patch: { summary: 'still editable' } });
          expect(saved.summary).toBe('still editable');
          expect((await app.getSite({})).title).toBe('Casebook');
          return;
        }

        // Damage: moved aside with the reason, bytes kept, reported by both.
        const entry = (await app.listQuarantined({})).find((q) => q.file === file.split(path.sep).join('/'));
        expect(entry, 'the damaged file is reported').toBeDefined();
        expect(entry!.reason).toMatch(c.mutation.reason!);
        expect((await readFile(path.join(dir, entry!.storedAs))).equals(c.mutation.bytes)).toBe(true);
        expect(listing.stderr).toContain(`Quarantined ${entry!.file}`);
        // The rest is still editable.
        const saved = await app.updateStudy({ id: ids[1]!, patch: { summary: 'still editable' } });
        expect(saved.summary).toBe('still editable');
      });
    });
  }
});
