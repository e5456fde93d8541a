// The incremental site export (site-incremental.ts) attacked: by a workspace whose files may be
// crafted (shared through git), by a careless filesystem, by a user who moves snapshots and
// output folders around. Whatever happens, the site on disk must be the one a full export
// writes, and a publish-check error must stop the export as a full one would.
import { createHash } from 'node:crypto';
import {
  copyFile,
  cp,
  link,
  mkdir,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { CasebookError } from '../../../src/core/pure/errors';
import { exportWorkspaceStudies } from '../../../src/core/node/workspace-export';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { snapshotFile } from '../../../src/core/node/export/export-snapshot';
import { StudyStore } from '../../../src/core/node/study-store';
import { RACY_MS } from '../../../src/core/node/summary-cache';
import {
  exportSite,
  expectAsFull,
  saveStudy,
  siteFiles,
  studyPath,
  workspaceWith,
} from '../../helpers/incremental-export';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';
import { PNG_ASSET, PNG_BYTES, PNG_HASH } from '../../site/sample-site';

const para = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** A published study with every section written: no publish-check error of its own. */
const complete = (n: number, overrides: Partial<Study> = {}) =>
  sampleStudy(n, {
    status: 'published',
    date: `2025-01-${String(n).padStart(2, '0')}`,
    decisions: para(`Decisions ${n}`),
    tradeoffs: para(`Tradeoffs ${n}`),
    lessons: para(`Lessons ${n}`),
    ...overrides,
  });

const twelve = () => Array.from({ length: 12 }, (_, i) => complete(i + 1));

const realOutOf = async (out: string) => path.join(await realpath(path.dirname(out)), path.basename(out));

async function snapshotFiles(ws: string): Promise<string[]> {
  const names = await readdir(path.join(ws, '.casebook')).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith('export-snapshot-')).map((n) => path.join(ws, '.casebook', n));
}

describe('incremental site export under attack', () => {
  it('refuses a slug clash another study introduced, though the clashing study stands in unchanged', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      await saveStudy(ws, complete(5, { slug: 'study-6' }));
      const refusal = await exportSite(ws, out).catch((err: unknown) => err);
      expect(refusal).toBeInstanceOf(CasebookError);
      expect((refusal as Error).message).toContain('Study 6');
      expect((refusal as Error).message).toContain('Study 5');
    }));

  it('still refuses an error it recorded when the export went ahead with errors', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [...twelve().slice(1), complete(1, { lessons: para('') })]);
      const out = path.join(dir, 'out');
      await exportSite(ws, out, { allowErrors: true });
      await saveStudy(ws, complete(7, { summary: 'Edited' }));
      const refusal = await exportSite(ws, out).catch((err: unknown) => err);
      expect(refusal).toBeInstanceOf(CasebookError);
      expect((refusal as Error).message).toContain('Study 1');
      const { report } = await expectAsFull(ws, out, dir, { allowErrors: true });
      expect(report.studiesWithErrors).toBe(1);
    }));

  it("uses no snapshot made for another folder, copied in place of this folder's", () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const a = path.join(dir, 'a');
      const b = path.join(dir, 'b');
      await exportSite(ws, b);
      const [ofB] = await snapshotFiles(ws);
      await saveStudy(ws, complete(4, { title: 'Renamed in A only' }));
      await saveStudy(ws, complete(9, { categories: ['Moved'] }));
      await exportSite(ws, a);
      const ofA = (await snapshotFiles(ws)).find((f) => f !== ofB)!;
      await copyFile(ofA, ofB!);
      await saveStudy(ws, complete(2, { summary: 'Edited after both' }));
      await expectAsFull(ws, b, dir);
    }));

  it('gives a full export into each of two folders exported in turn between edits, by one app', () =>
    withTempDir(async (dir) => {
      const image = { type: 'doc' as const, content: [{ type: 'image', attrs: { src: PNG_ASSET, alt: 'x' } }] };
      const ws = await workspaceWith(dir, [...twelve().slice(1), complete(1, { problem: image })]);
      await mkdir(path.join(ws, 'assets'));
      await writeFile(path.join(ws, PNG_ASSET), PNG_BYTES);
      const a = path.join(dir, 'a');
      const b = path.join(dir, 'b');
      const memory = new ExportMemory();
      await exportSite(ws, a, { memory });
      await exportSite(ws, b, { memory });
      const edits: Array<Partial<Study>> = [{ title: 'T1' }, { status: 'draft' }, { categories: ['X'] }, {}];
      for (const [i, edit] of edits.entries()) {
        await saveStudy(ws, complete(i === 3 ? 1 : 3 + i, i === 3 ? { problem: image, summary: 'S' } : edit));
        await expectAsFull(ws, i % 2 ? a : b, dir, { memory });
        await expectAsFull(ws, i % 2 ? b : a, dir, { memory });
      }
    }));

  it('never takes a study file replaced by a link (to a study outside, or a hard link) for the study', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      const outside = path.join(dir, 'outside.json');
      await writeFile(outside, JSON.stringify(complete(3, { title: 'From outside' })));
      await rm(studyPath(ws, 'study-3'));
      await symlink(outside, studyPath(ws, 'study-3'));
      await expectAsFull(ws, out, dir);
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('From outside');
      const other = path.join(dir, 'hard.json');
      await writeFile(other, JSON.stringify(complete(8, { title: 'Hard linked' })));
      await rm(studyPath(ws, 'study-8'));
      await link(other, studyPath(ws, 'study-8'));
      await expectAsFull(ws, out, dir);
      await writeFile(other, JSON.stringify(complete(8, { title: 'Hard linked, edited' })));
      await expectAsFull(ws, out, dir);
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Hard linked, edited');
    }));

  it('gives a full export after a clock that went backwards and came back', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out, { now: () => Date.now() - 3_600_000 });
      await saveStudy(ws, complete(6, { title: 'After the clock' }));
      await expectAsFull(ws, out, dir);
      await saveStudy(ws, complete(7, { summary: 'Later' }));
      await expectAsFull(ws, out, dir, { now: () => Date.now() - 3_600_000 });
      await saveStudy(ws, complete(8, { summary: 'Later still' }));
      await expectAsFull(ws, out, dir);
    }));

  it('gives a full export after a draft is published and a published study becomes a draft', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [...twelve(), complete(13, { status: 'draft', title: 'Hidden' })]);
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      await saveStudy(ws, complete(13, { title: 'Hidden' }));
      await saveStudy(ws, complete(2, { status: 'draft' }));
      await expectAsFull(ws, out, dir);
      expect(await stat(path.join(out, 'study-2')).catch(() => null)).toBeNull();
    }));

  it('gives a full export after a category leaves the settings and its studies remain', () =>
    withTempDir(async (dir) => {
      const site = { ...defaultSiteSettings(), categories: ['Area 0', 'Area 1'] };
      const ws = await workspaceWith(
        dir,
        twelve().map((s, i) => ({ ...s, categories: [`Area ${i % 2}`] })),
      );
      const out = path.join(dir, 'out');
      await exportSite(ws, out, { site });
      await saveStudy(ws, complete(3, { categories: ['Area 0'], summary: 'x' }));
      await expectAsFull(ws, out, dir, { site: { ...site, categories: ['Area 1'] }, allowErrors: true });
    }));

  it('leaves the site as a full export after an incremental export into a read-only workspace', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      const before = await Promise.all((await snapshotFiles(ws)).map((f) => readFile(f, 'utf8')));
      await saveStudy(ws, complete(5, { title: 'Read-only edit' }));
      const store = new StudyStore(ws);
      await store.open();
      await exportWorkspaceStudies(
        ws,
        defaultSiteSettings(),
        async () => Promise.all((await store.list()).map((s) => store.get(s.id))),
        {
          format: 'site',
          outDir: out,
          drafts: false,
          workspaceReadOnly: () => true,
          now: () => Date.now() + RACY_MS + 1000,
        },
        new ExportMemory(),
        undefined,
        (id) => store.get(id),
      );
      expect(await Promise.all((await snapshotFiles(ws)).map((f) => readFile(f, 'utf8')))).toEqual(before);
      await saveStudy(ws, complete(5, { title: 'Back again' }));
      await expectAsFull(ws, out, dir);
      await saveStudy(ws, complete(5, { title: 'Read-only edit' }));
      await expectAsFull(ws, out, dir);
    }));

  it('keeps no site snapshot for a Markdown export, and a Markdown export leaves the next site export whole', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const site = path.join(dir, 'site');
      await exportSite(ws, site);
      const snapshots = await snapshotFiles(ws);
      await exportSite(ws, path.join(dir, 'md'), { format: 'markdown' });
      expect(await snapshotFiles(ws)).toEqual(snapshots);
      await saveStudy(ws, complete(1, { title: 'Changed' }));
      await expectAsFull(ws, site, dir);
    }));
});

describe('an export after one that stopped part way', () => {
  it('gives a full export when the last one wrote the site but died before keeping its snapshot', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      const [file] = await snapshotFiles(ws);
      const old = await readFile(file!);
      await saveStudy(ws, complete(6, { title: 'Renamed then back' }));
      await saveStudy(ws, complete(2, { categories: ['Elsewhere'] }));
      await exportSite(ws, out);
      await writeFile(file!, old); // as if it died between the marker and the snapshot
      await saveStudy(ws, complete(6));
      const { read } = await expectAsFull(ws, out, dir);
      expect(read).toContain('study-6');
    }));
});

describe('a workspace whose .casebook folder is a link', () => {
  it('removes no snapshot or receipt in the folder the link leads to', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, [complete(1, { status: 'draft' })]);
      const out = path.join(path.resolve(dir), 'out');
      const elsewhere = path.join(dir, 'elsewhere');
      await mkdir(elsewhere);
      await symlink(elsewhere, path.join(ws, '.casebook'));
      const planted = [
        path.basename(snapshotFile(ws, await realOutOf(out))),
        `export-${createHash('sha256')
          .update(JSON.stringify([await realOutOf(out), 'site']))
          .digest('hex')
          .slice(0, 32)}.json`,
      ];
      for (const name of planted) await writeFile(path.join(elsewhere, name), 'not yours to remove');
      const { report } = await exportSite(ws, out);
      expect(report.studies).toBe(0); // an empty site: no snapshot or receipt is kept for it
      expect((await readdir(elsewhere)).sort()).toEqual([...planted].sort());
    }));
});

describe('incremental site export over edits that move other pages', () => {
  it('gives the site of a full export whatever slugs, names, categories and dates collide', async () => {
    const edit = fc.record({
      n: fc.integer({ min: 1, max: 10 }),
      patch: fc.oneof(
        fc.record({ slug: fc.constantFrom('study-1', 'study-2', 'assets', 'category', 'x', 'x-2') }),
        fc.record({ title: fc.constantFrom('Study 1', 'study 2', 'Same', 'same ', '') }),
        fc.record({ categories: fc.subarray(['Area 0', 'area 0', 'Area 1', ' Area 1', 'Zed', 'zed']) }),
        fc.record({ date: fc.constantFrom(null, '2025-01-01', '2025-01-02') }),
        fc.record({ featured: fc.boolean(), tags: fc.subarray(['a', 'b']) }),
        fc.record({ status: fc.constantFrom('draft' as const, 'published' as const) }),
        fc.record({ outcome: fc.constantFrom(null, 'succeeded' as const, 'failed' as const) }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) =>
        withTempDir(async (dir) => {
          const studies = new Map(Array.from({ length: 10 }, (_, i) => [i + 1, complete(i + 1)]));
          const ws = await workspaceWith(dir, [...studies.values()]);
          const out = path.join(dir, 'out');
          const site = { ...defaultSiteSettings(), categories: ['Area 0', 'Zed'] };
          await exportSite(ws, out, { site, allowErrors: true });
          for (const { n, patch } of edits) {
            const study = { ...studies.get(n)!, ...patch, updatedAt: new Date().toISOString() } as Study;
            studies.set(n, study);
            await saveStudy(ws, study);
            await expectAsFull(ws, out, dir, { site, allowErrors: true });
          }
        }),
      ),
      { numRuns: 8 },
    );
  }, 180_000);
});

describe('incremental site export of studies with images', () => {
  it('copies the images of pages it keeps, and warns of the images it leaves out, as a full export', () =>
    withTempDir(async (dir) => {
      const image = (src: string) => ({
        type: 'doc' as const,
        content: [{ type: 'image', attrs: { src, alt: 'figure' } }, ...para('Text').content],
      });
      const missing = `assets/${'0'.repeat(64)}.png`;
      const ws = await workspaceWith(dir, [
        complete(1, { problem: image(PNG_ASSET) }),
        complete(2, { lessons: image(missing) }),
        complete(3, { decisions: image('https://example.com/a.png') }),
        complete(4, { tradeoffs: image('javascript:alert(1)') }),
        complete(5, { decisions: image(`assets/${'1'.repeat(64)}.svg`) }),
        ...twelve().slice(5),
      ]);
      await mkdir(path.join(ws, 'assets'));
      await writeFile(path.join(ws, PNG_ASSET), PNG_BYTES);
      const out = path.join(dir, 'out');
      await exportSite(ws, out, { allowErrors: true });
      await saveStudy(ws, complete(9, { title: 'Edited' }));
      const { read, report } = await expectAsFull(ws, out, dir, { allowErrors: true });
      expect(read).toContain('study-9');
      expect(read).not.toContain('study-1');
      expect(await stat(path.join(out, 'assets', 'img', `${PNG_HASH}.png`))).toBeTruthy();
      expect(report.warnings.length).toBeGreaterThanOrEqual(3);
    }));
});

describe("another user's snapshot", () => {
  it('is ignored: a snapshot signed under another secret starts a full export', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      const own = process.env.CASEBOOK_STATE_DIR;
      process.env.CASEBOOK_STATE_DIR = path.join(dir, 'another-user');
      try {
        await exportSite(ws, out); // the snapshot and the site, as another user left them
      } finally {
        process.env.CASEBOOK_STATE_DIR = own;
      }
      await saveStudy(ws, complete(4, { title: 'Mine' }));
      const { read } = await expectAsFull(ws, out, dir);
      expect(read).toEqual([]); // no snapshot trusted: every study read by the full export
    }));
});

describe('a site edited by hand between exports', () => {
  it('is treated as a full export into the same folder treats it: the edited page kept, and said so', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      const page = path.join(out, 'study-8', 'index.html');
      await writeFile(page, (await readFile(page, 'utf8')).replace('Summary 8', 'Summary 8, improved by hand'));
      await saveStudy(ws, complete(1, { summary: 'Edited' }));
      const twin = path.join(dir, 'twin'); // the same folder, where no snapshot leads
      await cp(out, twin, { recursive: true, preserveTimestamps: true });
      const incremental = await exportSite(ws, out);
      const full = await exportSite(ws, twin);
      expect(full.read).toEqual([]);
      expect(await siteFiles(out)).toEqual(await siteFiles(twin));
      expect(incremental.report.warnings).toEqual(full.report.warnings);
      expect(incremental.report.warnings.join('\n')).toContain('study-8/index.html was not replaced');
    }));
});

describe('inputs besides the studies', () => {
  it('exports in full after a template changed, or an asset was rewritten with its size and mtime kept', () =>
    withTempDir(async (dir) => {
      const image = { type: 'doc' as const, content: [{ type: 'image', attrs: { src: PNG_ASSET, alt: 'x' } }] };
      const ws = await workspaceWith(dir, [...twelve().slice(1), complete(1, { problem: image })]);
      await mkdir(path.join(ws, 'assets'));
      await mkdir(path.join(ws, 'templates'));
      const asset = path.join(ws, PNG_ASSET);
      await writeFile(asset, PNG_BYTES);
      await writeFile(path.join(ws, 'templates', 't.json'), '{}');
      const out = path.join(dir, 'out');
      await exportSite(ws, out, { allowErrors: true });
      await writeFile(path.join(ws, 'templates', 't.json'), '{ }');
      await saveStudy(ws, complete(5, { summary: 'One' }));
      expect((await expectAsFull(ws, out, dir, { allowErrors: true })).read).toEqual([]);
      // The same size and mtime, other bytes: the image is no longer the one stored under its name.
      const { atime, mtime } = await stat(asset);
      const damaged = Uint8Array.from(PNG_BYTES);
      damaged[damaged.length - 1] ^= 1;
      await writeFile(asset, damaged);
      await utimes(asset, atime, mtime);
      await saveStudy(ws, complete(6, { summary: 'Two' }));
      const { read, report } = await expectAsFull(ws, out, dir, { allowErrors: true });
      expect(read).toEqual([]);
      expect(report.warnings.join('\n')).toContain('is not the picture it was stored as');
    }));
});
