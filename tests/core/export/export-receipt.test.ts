// Exporting again with nothing changed skips reading, checking and rendering the studies
// (export-receipt.ts) — but only while nothing the export depends on has changed: a study
// file, the site settings, the drafts flag, a template, an asset, or any page in the output.
import { readdir, readFile, rename, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CasebookError } from '../../../src/core/pure/errors';
import { defaultSiteSettings, type SiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { exportWorkspaceStudies } from '../../../src/core/node/workspace-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';
import { RACY_MS } from '../../../src/core/node/summary-cache';

async function saveStudy(ws: string, study: Study) {
  const file = path.join(ws, 'studies', `${study.id}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(study));
  await rename(`${file}.tmp`, file); // as the store saves: a new file
}

/**
 * An exporter of the workspace's study files that counts how often it read them. Its clock
 * reads past RACY_MS after now by default, as if the export ran a while after the saves.
 */
function exporter(ws: string, out: string, clock: () => number = () => Date.now() + RACY_MS + 1000) {
  let reads = 0;
  const load = async () => {
    reads++;
    const dir = path.join(ws, 'studies');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as Study));
  };
  // One workspace's exports share its memory, as they do under one service.
  const memory = new ExportMemory();
  const run = (site: SiteSettings = defaultSiteSettings(), options: { drafts?: boolean; allowErrors?: boolean } = {}) =>
    exportWorkspaceStudies(
      ws,
      site,
      load,
      {
        format: 'site',
        outDir: out,
        drafts: options.drafts ?? false,
        allowErrors: options.allowErrors ?? true,
        now: clock,
      },
      memory,
    );
  return { run, reads: () => reads };
}

/** A receipt's file name (export-snapshot-….json is the incremental export's). */
const isReceipt = (name: string) => /^export-[0-9a-f]+\.json$/.test(name);

const published = (n: number, overrides: Partial<Study> = {}) => sampleStudy(n, { status: 'published', ...overrides });

async function workspaceWith(dir: string, studies: Study[]) {
  const ws = path.join(dir, 'ws');
  await mkdir(path.join(ws, 'studies'), { recursive: true });
  for (const s of studies) await saveStudy(ws, s);
  return ws;
}

describe('export receipts', () => {
  it('reports an unchanged export without reading the studies, and the same counts', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [published(1), published(2)]);
      const ex = exporter(ws, path.join(dir, 'out'));
      const first = await ex.run();
      expect(first.written).toBeGreaterThan(2);
      const again = await ex.run();
      expect(ex.reads()).toBe(1);
      expect(again).toEqual({ ...first, written: 0, unchanged: first.written, removed: 0 });
    }));

  it('keeps no receipt while a study file was modified too recently to tell a later write from it', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [published(1), published(2)]);
      const stats = await Promise.all([1, 2].map((n) => stat(path.join(ws, 'studies', `${published(n).id}.json`))));
      // The newest change to a study file (a rename into place sets ctime after mtime).
      const newest = Math.max(...stats.map((s) => Math.max(s.mtimeMs, s.ctimeMs)));
      // The export runs within the same tick as the save: a save right after could keep the identity.
      const ex = exporter(ws, path.join(dir, 'out'), () => newest + RACY_MS - 1);
      await ex.run();
      await ex.run();
      expect(ex.reads()).toBe(2);
      // Later, the same files are trusted.
      const later = exporter(ws, path.join(dir, 'out'), () => newest + RACY_MS + 1);
      await later.run();
      await later.run();
      expect(later.reads()).toBe(1);
    }));

  it('exports in full after a study is saved, the settings or the drafts flag change', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [published(1), published(2)]);
      const out = path.join(dir, 'out');
      const ex = exporter(ws, out);
      await ex.run();
      await saveStudy(ws, published(2, { summary: 'A new summary' }));
      const edited = await ex.run();
      expect(ex.reads()).toBe(2);
      expect(edited.written).toBeGreaterThan(0);
      const retitled = await ex.run({ ...defaultSiteSettings(), title: 'Another title' });
      expect(ex.reads()).toBe(3);
      expect(retitled.written).toBeGreaterThan(0);
      await ex.run({ ...defaultSiteSettings(), title: 'Another title' }, { drafts: true });
      expect(ex.reads()).toBe(4);
      await mkdir(path.join(ws, 'templates'), { recursive: true });
      await writeFile(path.join(ws, 'templates', 'x.json'), '{}');
      await ex.run({ ...defaultSiteSettings(), title: 'Another title' }, { drafts: true });
      expect(ex.reads()).toBe(5);
    }));

  it('exports in full when a page was edited, removed or replaced in the output', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [published(1)]);
      const out = path.join(dir, 'out');
      const ex = exporter(ws, out);
      await ex.run();
      await rm(path.join(out, 'index.html'));
      expect((await ex.run()).written).toBe(1);
      await writeFile(path.join(out, 'index.html'), 'edited by hand');
      const kept = await ex.run();
      expect(ex.reads()).toBe(3);
      expect(kept.warnings.some((w) => w.startsWith('index.html was not replaced'))).toBe(true);
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('edited by hand');
      // Files left alone: no receipt, so the next export looks again (and says so again).
      expect((await ex.run()).warnings.some((w) => w.startsWith('index.html was not replaced'))).toBe(true);
      expect(ex.reads()).toBe(4);
    }));

  it('ignores a receipt that was tampered with', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [published(1)]);
      const ex = exporter(ws, path.join(dir, 'out'));
      await ex.run();
      const cache = path.join(ws, '.casebook');
      const [name] = (await readdir(cache)).filter((n) => isReceipt(n));
      const text = await readFile(path.join(cache, name!), 'utf8');
      await writeFile(path.join(cache, name!), text.replace('"studies":1', '"studies":7'));
      expect((await ex.run()).studies).toBe(1);
      expect(ex.reads()).toBe(2);
    }));

  it('does not take a receipt this user signed for another output folder (a replay) for this one', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [published(1)]);
      const stale = exporter(ws, path.join(dir, 'stale'));
      await stale.run();
      await saveStudy(ws, published(1, { summary: 'Changed since the stale folder was exported' }));
      await exporter(ws, path.join(dir, 'fresh')).run();
      // Both receipts name the same inputs now; swap them, so each folder gets the other's.
      const cache = path.join(ws, '.casebook');
      const receipts = (await readdir(cache)).filter((n) => isReceipt(n));
      expect(receipts).toHaveLength(2);
      const texts = await Promise.all(receipts.map((n) => readFile(path.join(cache, n), 'utf8')));
      await writeFile(path.join(cache, receipts[0]!), texts[1]!);
      await writeFile(path.join(cache, receipts[1]!), texts[0]!);
      const again = await stale.run();
      expect(stale.reads()).toBe(2);
      expect(again.written).toBeGreaterThan(0);
      const page = await readFile(path.join(dir, 'stale', 'index.html'), 'utf8');
      expect(page).toContain('Changed since the stale folder was exported');
    }));

  it('still refuses an export with publish-check errors that does not allow them', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [published(1, { title: '' })]);
      const ex = exporter(ws, path.join(dir, 'out'));
      expect((await ex.run()).studiesWithErrors).toBe(1);
      const refused = await ex.run(undefined, { allowErrors: false }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(CasebookError);
      expect((refused as CasebookError).code).toBe('publish_errors');
    }));
});
