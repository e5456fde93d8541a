// Exporting from a hostile repository into a hostile output folder (tests/reliability/harness/
// hostile-repository.ts, plus what an attacker can plant around an export): a render cache
// committed to the workspace, a forged marker, links in the output folder and an output
// folder reached through a link into the workspace. `casebook export` (the bundled CLI, a
// fresh process each time) publishes only what the studies say, changes only its own files,
// and reads or writes nothing outside the workspace and the output folder.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDER_CACHE_DIR, RENDER_CACHE_FILES } from '../../src/core/node/export/site-render-cache';
import { EXPORT_MARKER } from '../../src/core/node/export/output-paths';
import { macOf } from '../../src/core/node/local-secret';
import { bundleForNode } from './harness/bundle';
import {
  buildHostileRepository,
  crashLeftovers,
  entryCases,
  snapshotFolder,
  studyUsingLinkedAsset,
  type HostileContext,
} from './harness/hostile-repository';

const run = promisify(execFile);
const PLANTED = 'PLANTED-BY-THE-REPOSITORY';

let scratch: string;
let cli: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'casebook-hostile-export-'));
  cli = await bundleForNode(path.resolve('src/cli/main.ts'), scratch);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function casebook(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string; killed?: boolean };
    if (e.killed) throw new Error(`casebook ${args.join(' ')} hung: ${e.stderr}`);
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every regular file under `dir` (links not followed), as path → text. */
async function filesUnder(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await fsp.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), await fsp.readFile(file, 'utf8'));
  }
  return out;
}

/** Rewrites every render-cache file as an attacker would commit it: HTML of their choosing. */
async function plantRenderCache(workspace: string, sign: 'attacker-secret' | 'keep-mac'): Promise<number> {
  const attacker = randomBytes(32);
  let planted = 0;
  for (const name of RENDER_CACHE_FILES) {
    const file = path.join(workspace, RENDER_CACHE_DIR, name);
    const text = await fsp.readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const split = text.indexOf('\n');
    const body = JSON.parse(text.slice(split + 1)) as { entries: Record<string, string> };
    for (const [key, value] of Object.entries(body.entries)) {
      // An entry is `<what it resolved>\n<html>`: keep the first line, replace the HTML.
      body.entries[key] = `${value.slice(0, value.indexOf('\n') + 1)}<p>${PLANTED}</p><script>alert(1)</script>`;
      planted++;
    }
    const json = JSON.stringify(body);
    const mac = sign === 'keep-mac' ? text.slice(0, split) : macOf(attacker, json);
    await fsp.writeFile(file, `${mac}\n${json}`);
  }
  return planted;
}

async function hostileWorkspace(name: string): Promise<HostileContext & { root: string }> {
  const root = path.join(scratch, name);
  const ctx = { root, workspace: path.join(root, 'workspace'), outside: path.join(root, 'outside') };
  await buildHostileRepository(ctx, [...entryCases(), ...crashLeftovers(999_999)]);
  await studyUsingLinkedAsset(ctx);
  return ctx;
}

describe('exporting a hostile repository', () => {
  it('ignores a planted render cache, keeps files it did not write, never writes through links', async () => {
    const ctx = await hostileWorkspace('planted');
    const site = path.join(ctx.root, 'site');
    const exportArgs = ['export', '--workspace', ctx.workspace, '--format', 'site', '--out', site];
    const first = await casebook([...exportArgs, '--drafts', '--allow-errors']);
    expect(first.code, first.stderr).toBe(0);
    const outsideBefore = await snapshotFolder(ctx.outside);

    for (const sign of ['attacker-secret', 'keep-mac'] as const) {
      expect(await plantRenderCache(ctx.workspace, sign)).toBeGreaterThan(0);
      // Around the site: the user's own file, a forged marker entry claiming it, and a page
      // replaced by a link to a file outside.
      await fsp.writeFile(path.join(site, 'notes.txt'), 'my notes');
      const marker = JSON.parse(await fsp.readFile(path.join(site, EXPORT_MARKER), 'utf8'));
      marker.files.push({ path: 'notes.txt', size: 8, mtimeMs: 0, sha1: 'f'.repeat(40) });
      await fsp.writeFile(path.join(site, EXPORT_MARKER), JSON.stringify(marker));
      // A study's page (not the index, a category page or the archive).
      const page = [...(await filesUnder(site)).keys()].find(
        (f) => /^[^/]+\/index\.html$/.test(f) && !f.startsWith('category'),
      );
      expect(page).toBeTruthy();
      await fsp.rm(path.join(site, page!));
      await fsp.symlink(path.join(ctx.outside, 'config', 'settings.json'), path.join(site, page!));

      const again = await casebook([...exportArgs, '--drafts', '--allow-errors']);
      expect(again.code, again.stderr).toBe(0);
      const written = await filesUnder(site);
      for (const [file, text] of written) expect(text, `${sign}: ${file}`).not.toContain(PLANTED);
      expect(written.get('notes.txt')).toBe('my notes');
      expect((await fsp.lstat(path.join(site, page!))).isSymbolicLink()).toBe(true);
      expect(again.stderr).toContain(page!.split(path.sep)[0]);
      expect(await snapshotFolder(ctx.outside), sign).toEqual(outsideBefore);
      await fsp.rm(path.join(site, page!));
    }
    expect([...(await filesUnder(site)).keys()].filter((f) => f.includes('casebook-cache'))).toEqual([]);
  }, 120_000);

  it('refuses an output folder reached through a link into the workspace, and a forged empty marker', async () => {
    const ctx = await hostileWorkspace('links');
    // The first open sets the damaged files aside; from then on the workspace must not change.
    expect((await casebook(['list', '--workspace', ctx.workspace])).code).toBe(0);
    const workspaceBefore = await snapshotFolder(path.join(ctx.workspace, 'studies'));
    const intoWorkspace = path.join(ctx.root, 'ws-link');
    await fsp.symlink(ctx.workspace, intoWorkspace);
    const viaLink = await casebook([
      'export',
      '--workspace',
      ctx.workspace,
      '--format',
      'markdown',
      '--out',
      path.join(intoWorkspace, 'out'),
      '--drafts',
      '--allow-errors',
    ]);
    expect(viaLink.code).toBe(1);
    expect(viaLink.stderr).toMatch(/workspace/i);
    await expect(fsp.lstat(path.join(ctx.workspace, 'out'))).rejects.toThrow();
    expect(await snapshotFolder(path.join(ctx.workspace, 'studies'))).toEqual(workspaceBefore);

    const users = path.join(ctx.root, 'users-site');
    await fsp.mkdir(users);
    await fsp.writeFile(path.join(users, 'index.html'), '<h1>mine</h1>');
    await fsp.writeFile(path.join(users, EXPORT_MARKER), '');
    const forged = await casebook([
      'export',
      '--workspace',
      ctx.workspace,
      '--format',
      'site',
      '--out',
      users,
      '--drafts',
      '--allow-errors',
    ]);
    expect(forged.code).toBe(1);
    expect(await fsp.readFile(path.join(users, 'index.html'), 'utf8')).toBe('<h1>mine</h1>');
  }, 120_000);
});
