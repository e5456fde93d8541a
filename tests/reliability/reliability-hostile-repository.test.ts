// A hostile repository (tests/reliability/harness/hostile-repository.ts): links out of the workspace,
// link loops, FIFOs, /dev/zero, folders named x.json, huge sparse files, JSON nested 5,000
// deep. The core service and the CLI (`list`, `check`) open it quickly, list every healthy
// study, set aside or skip each hostile entry with a reason, refuse a workspace whose own
// folders are links, and never read, move or write anything outside the workspace.
import { execFile, spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAssetFile, readAssetBytes } from '../../src/core/node/asset-store';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { CasebookError } from '../../src/core/pure/errors';
import { StudyStore } from '../../src/core/node/study-store';
import { answerAssetRequest } from '../../src/main/asset-protocol';
import { ASSET_ROUTE, startServer } from '../../src/server/http-server';
import { sessionCookieName } from '../../src/server/request-guard';
import { bundleForNode } from './harness/bundle';
import {
  buildHostileRepository,
  crashLeftovers,
  entryCases,
  LINKED_ASSET,
  snapshotFolder,
  studyUsingLinkedAsset,
  workspaceCases,
  type HostileCase,
  type HostileContext,
} from './harness/hostile-repository';

const run = promisify(execFile);
const RUNS = Number(process.env.CASEBOOK_HOSTILE_RUNS ?? 25);

let scratch: string;
let cli: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'casebook-hostile-'));
  cli = await bundleForNode(path.resolve('src/cli/main.ts'), scratch);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

let counter = 0;
async function freshContext(): Promise<HostileContext> {
  const root = path.join(scratch, `case-${counter++}`);
  return { workspace: path.join(root, 'workspace'), outside: path.join(root, 'outside') };
}

/** Runs the CLI; a hang is a failure (the timeout kills it). */
async function casebookCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { timeout: 15_000 });
    return { code: 0, stdout, stderr, ms: Date.now() - started };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string; killed?: boolean };
    if (e.killed) throw new Error(`casebook ${args.join(' ')} hung: ${e.stderr}`);
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, ms: Date.now() - started };
  }
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const ids = (cases: HostileCase[], outcome: HostileCase['outcome']): string[] =>
  cases
    .filter((c) => c.outcome === outcome && c.path.startsWith('studies/'))
    .map((c) => path.basename(c.path, '.json'));

describe('a hostile repository', () => {
  it('opens in the app and the CLI: healthy studies listed, each hostile entry set aside or skipped with a reason, nothing outside touched', async () => {
    const ctx = await freshContext();
    const cases = [...entryCases(), ...crashLeftovers(deadPid())];
    await buildHostileRepository(ctx, cases);
    await studyUsingLinkedAsset(ctx);
    const outsideBefore = await snapshotFolder(ctx.outside);
    const started = Date.now();

    const service = await openWorkspace(ctx.workspace);
    await service.verifyStudies();
    const listed = (await service.listStudies({})).map((s) => s.id).sort();
    expect(listed).toEqual([...ids(cases, 'listed'), 'uses-linked-asset'].sort());
    expect(listed).not.toContain('private-study');

    const info = await service.getWorkspaceInfo({});
    // (The planted FIFO in .quarantine/ is listed as a reason file it could not read.)
    const quarantined = info.quarantined
      .map((q) => q.file)
      .filter((f) => f.startsWith('studies/'))
      .sort();
    expect(quarantined).toEqual(
      ids(cases, 'quarantined')
        .map((id) => `studies/${id}.json`)
        .sort(),
    );
    for (const q of info.quarantined) expect(q.reason.length).toBeGreaterThan(10);
    expect(info.quarantined.find((q) => q.file === 'studies/huge-sparse.json')?.reason).toMatch(/too large/);
    expect(info.quarantined.find((q) => q.file === 'studies/deep-nesting.json')?.reason).toMatch(
      /nest|deep|depth|level/i,
    );
    const skipped = new Map(info.skipped.map((s) => [s.file, s.reason]));
    for (const id of ids(cases, 'skipped')) expect(skipped.get(`studies/${id}.json`), id).toBeTruthy();
    expect(skipped.get('studies/fifo.json')).toMatch(/FIFO/);
    expect(skipped.get('studies/link-to-outside-study.json')).toMatch(/symbolic link/);
    expect(skipped.get('studies/folder.json')).toMatch(/folder/);
    // Skipped entries stay where they are.
    for (const id of ids(cases, 'skipped')) expect(await fsp.lstat(path.join(ctx.workspace, 'studies', `${id}.json`)));

    for (const id of [...ids(cases, 'skipped'), ...ids(cases, 'quarantined')]) {
      await expect(service.getStudy({ id })).rejects.toMatchObject({ code: 'not_found' });
    }
    expect((await service.getStudy({ id: 'healthy-one' })).title).toBe('Healthy one');
    expect(await service.listTrash({})).toEqual([]);
    const templates = await service.listTemplates({});
    expect(templates.templates.length).toBeGreaterThan(0);
    expect(templates.problems.map((p) => p.file).sort()).toEqual(['linked.json', 'piped.json']);
    expect(await service.listQuarantined({})).toHaveLength(quarantined.length + 1);

    // The linked image is never read: not for the app, browser mode, the preview or an export.
    expect(readAssetBytes(ctx.workspace, `assets/${LINKED_ASSET}`)).toBeNull();
    expect(await readAssetFile(ctx.workspace, LINKED_ASSET)).toBeNull();
    const preview = await service.previewStudy({ id: 'uses-linked-asset' });
    expect(preview.html).not.toContain(Buffer.from('PRIVATE-PIXELS').toString('base64').slice(0, 12));

    // A save, a create, a delete and a restore still work beside the hostile entries.
    const created = await service.createStudy({ title: 'Healthy one' });
    await service.updateStudy({ id: 'healthy-two', patch: { summary: 'still saves' } });
    await service.deleteStudy({ id: created.id });
    await service.restoreStudy({ id: created.id });

    // Crash leftovers of this and the previous version are gone; the trap folder is not.
    for (const c of cases.filter((c) => c.name.startsWith('leftover')))
      await expect(fsp.lstat(path.join(ctx.workspace, c.path)), c.path).rejects.toThrow();
    expect((await fsp.lstat(path.join(ctx.workspace, 'studies/.casebook-tmp-x.json-0123.tmp'))).isDirectory()).toBe(
      true,
    );

    // The CLI, in a fresh process.
    const list = await casebookCli(['list', '--workspace', ctx.workspace]);
    expect(list.code, list.stderr).toBe(0);
    for (const title of ['Healthy one', 'Healthy two']) expect(list.stdout).toContain(title);
    expect(list.stdout).not.toContain('PRIVATE');
    for (const id of ids(cases, 'skipped')) expect(list.stderr).toContain(`Skipped studies/${id}.json`);
    const check = await casebookCli(['check', '--workspace', ctx.workspace]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/Checked \d+ studies/);
    expect(check.stderr).toContain('Skipped studies/fifo.json');

    expect(await snapshotFolder(ctx.outside)).toEqual(outsideBefore);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('refuses a workspace whose own folders or casebook.json are links (or the wrong kind), and changes nothing', async () => {
    for (const c of workspaceCases()) {
      const ctx = await freshContext();
      await buildHostileRepository(ctx, [
        ...entryCases().filter((e) => e.outcome === 'listed' && !(c.path === 'studies')),
        c,
      ]);
      const outsideBefore = await snapshotFolder(ctx.outside);
      const workspaceBefore = await snapshotFolder(ctx.workspace);
      const opened = await openWorkspace(ctx.workspace).then(
        () => null,
        (err: unknown) => err,
      );
      expect(opened, c.name).toBeInstanceOf(CasebookError);
      expect((opened as CasebookError).message, c.name).toContain(`"${c.path}"`);
      expect((opened as CasebookError).message, c.name).toMatch(/symbolic link|not a (regular file|folder)/);
      const list = await casebookCli(['list', '--workspace', ctx.workspace]);
      expect(list.code, c.name).toBe(1);
      expect(list.stderr, c.name).toContain(`"${c.path}"`);
      expect(await snapshotFolder(ctx.outside), c.name).toEqual(outsideBefore);
      expect(await snapshotFolder(ctx.workspace), c.name).toEqual(workspaceBefore);
    }
  }, 60_000);

  it('serves only real files inside assets/: a linked image is not found in browser mode or the app', async () => {
    const ctx = await freshContext();
    await buildHostileRepository(
      ctx,
      entryCases().filter((e) => e.name === 'asset link'),
    );
    const real = `${'cd'.repeat(32)}.png`;
    await fsp.copyFile(path.join(ctx.outside, 'private.png'), path.join(ctx.workspace, 'assets', real));
    const service = await openWorkspace(ctx.workspace);
    const server = await startServer({ handlers: service, workspaceDir: service.workspace, rendererDir: scratch });
    try {
      const get = (name: string) =>
        fetch(`http://127.0.0.1:${server.port}${ASSET_ROUTE}${name}`, {
          headers: { Cookie: `${sessionCookieName(server.port)}=${server.token}` },
        }).then((r) => r.status);
      expect(await get(real)).toBe(200);
      expect(await get(LINKED_ASSET)).toBe(404);
    } finally {
      await server.close();
    }
    const viaProtocol = (name: string) =>
      answerAssetRequest(`casebook-asset://asset/${name}`, () => service.workspace).then((r) => r.status);
    expect(await viaProtocol(real)).toBe(200);
    expect(await viaProtocol(LINKED_ASSET)).toBe(404);
  });

  it('the head reader (large workspaces) skips and sets aside the same entries, without blocking', async () => {
    const ctx = await freshContext();
    const cases = entryCases().filter((c) => c.path.startsWith('studies/'));
    await buildHostileRepository(ctx, cases);
    const outsideBefore = await snapshotFolder(ctx.outside);
    const started = Date.now();
    // Every file counts as "many new files": summaries come from file heads first.
    const store = new StudyStore(await fsp.realpath(ctx.workspace), { headReadFrom: 1 });
    await store.open();
    await store.list();
    await store.verifyAll();
    expect((await store.list()).map((s) => s.id).sort()).toEqual(ids(cases, 'listed').sort());
    const skipped = store.skippedFiles().map((s) => s.file);
    for (const id of ids(cases, 'skipped')) expect(skipped).toContain(`studies/${id}.json`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await snapshotFolder(ctx.outside)).toEqual(outsideBefore);
  });

  it('a casebook.json too large to be settings is left where it is and the workspace opens with defaults', async () => {
    const ctx = await freshContext();
    await buildHostileRepository(
      ctx,
      entryCases().filter((e) => e.outcome === 'listed'),
    );
    await fsp.writeFile(path.join(ctx.workspace, 'casebook.json'), '{"schemaVersion":1,');
    await fsp.truncate(path.join(ctx.workspace, 'casebook.json'), 17 * 1024 * 1024);
    const service = await openWorkspace(ctx.workspace);
    const info = await service.getWorkspaceInfo({});
    expect(info.quarantined).toEqual([]);
    expect(info.skipped.map((q) => [q.file, q.reason])).toEqual([
      ['casebook.json', expect.stringMatching(/too large/)],
    ]);
    expect((await fsp.stat(path.join(ctx.workspace, 'casebook.json'))).size).toBe(17 * 1024 * 1024);
    expect(info.studyCount).toBe(2);
  });

  it('opens a workspace reached through a link to it (the user chose that path)', async () => {
    const ctx = await freshContext();
    await buildHostileRepository(
      ctx,
      entryCases().filter((e) => e.outcome === 'listed'),
    );
    const viaLink = path.join(path.dirname(ctx.workspace), 'shortcut');
    await fsp.symlink(ctx.workspace, viaLink);
    const service = await openWorkspace(viaLink);
    expect(service.workspace).toBe(await fsp.realpath(ctx.workspace));
    expect((await service.listStudies({})).map((s) => s.id).sort()).toEqual(['healthy-one', 'healthy-two']);
  });
});

describe('any mix of file kinds in studies/ (property)', () => {
  const kinds = entryCases().filter((c) => c.path.startsWith('studies/') && c.outcome !== 'ignored');

  it('lists every healthy study, reports every other entry with a reason, quickly, touching nothing outside', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...kinds), { minLength: 1, maxLength: 6 }), async (chosen) => {
        const ctx = await freshContext();
        await buildHostileRepository(ctx, chosen);
        const outsideBefore = await snapshotFolder(ctx.outside);
        const started = Date.now();
        const service = await openWorkspace(ctx.workspace);
        await service.verifyStudies();
        const listed = (await service.listStudies({})).map((s) => s.id).sort();
        expect(listed).toEqual(ids(chosen, 'listed').sort());
        for (const id of ids(chosen, 'listed')) expect((await service.getStudy({ id })).id).toBe(id);
        for (const id of [...ids(chosen, 'skipped'), ...ids(chosen, 'quarantined')])
          await expect(service.getStudy({ id })).rejects.toMatchObject({ code: 'not_found' });
        const info = await service.getWorkspaceInfo({});
        const reported = new Map([
          ...info.quarantined.map((q) => [q.file, q.reason] as const),
          ...info.skipped.map((s) => [s.file, s.reason] as const),
        ]);
        for (const c of chosen.filter((c) => c.outcome !== 'listed')) expect(reported.get(c.path), c.name).toBeTruthy();
        expect(info.quarantined.map((q) => q.file).sort()).toEqual(
          chosen
            .filter((c) => c.outcome === 'quarantined')
            .map((c) => c.path)
            .sort(),
        );
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(await snapshotFolder(ctx.outside)).toEqual(outsideBefore);
        await rm(path.dirname(ctx.workspace), { recursive: true, force: true });
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
