// A site export after an edit reads, checks and renders only the studies whose file changed
// (site-incremental.ts), and must give byte for byte the site a full export gives, whatever
// happened to the workspace or the output since the last export.
import { copyFile, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSiteSettings, type SiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import {
  exportSite as exportOnce,
  expectAsFull as expectSameAsFull,
  saveStudy,
  siteFiles,
  studyPath,
  workspaceWith,
} from '../../helpers/incremental-export';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';

const published = (n: number, overrides: Partial<Study> = {}) =>
  sampleStudy(n, { status: 'published', categories: [`Area ${n % 2}`], ...overrides });

/** These tests export with publish-check errors allowed: they compare sites, not checks. */
const exportSite = (ws: string, out: string, site?: SiteSettings) => exportOnce(ws, out, { site, allowErrors: true });
const expectAsFull = (ws: string, out: string, dir: string, site?: SiteSettings) =>
  expectSameAsFull(ws, out, dir, { site, allowErrors: true });

const twelve = () => Array.from({ length: 12 }, (_, i) => published(i + 1));

describe('incremental site export', () => {
  it('after one edit reads only that study and rewrites only its page and the listings it is in', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      await saveStudy(ws, published(6, { summary: 'A new summary' }));
      const before = await siteFiles(out);
      const { report, read } = await expectAsFull(ws, out, dir);
      expect(read).toEqual(['study-6']);
      const after = await siteFiles(out);
      const changed = [...after.keys()].filter((f) => after.get(f) !== before.get(f)).sort();
      // The study's page, every listing that shows its summary, and the search index (which
      // holds summaries); its neighbours show only its title. Its social card shows the summary:
      // a new card replaces the old one.
      const cards = changed.filter((f) => f.startsWith('assets/cards/'));
      expect(changed.filter((f) => !cards.includes(f))).toEqual([
        'archive/index.html',
        'assets/search-index.js',
        'category/area-0/index.html',
        'index.html',
        'study-6/index.html',
      ]);
      expect(cards).toHaveLength(1);
      expect(before.has(cards[0]!)).toBe(false);
      expect(report.written).toBe(6);
    }));

  it('renders every page again when a category of the settings gets its first study (the header links it)', () =>
    withTempDir(async (dir) => {
      const site = { ...defaultSiteSettings(), categories: ['Area 0', 'Area 1', 'Area 9'] };
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out, site);
      expect((await siteFiles(out)).get('study-1/index.html')).not.toContain('Area 9');
      await saveStudy(ws, published(6, { categories: ['Area 9'] }));
      await expectAsFull(ws, out, dir, site);
      const pages = await siteFiles(out);
      for (const n of [1, 6, 12])
        expect(pages.get(`study-${n}/index.html`)).toContain('<a href="../category/area-9/index.html">Area 9</a>');
    }));

  it('keeps the words of the studies it does not read in the search index, and adds an edited one', () =>
    withTempDir(async (dir) => {
      const lesson = (word: string) => ({
        type: 'doc' as const,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `Learned ${word}.` }] }],
      });
      const studies = twelve().map((s, i) => ({ ...s, lessons: lesson(`lessonword${i + 1}`) }));
      const ws = await workspaceWith(dir, studies);
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      await saveStudy(ws, { ...studies[5]!, lessons: lesson('freshlyadded') });
      const { read } = await expectAsFull(ws, out, dir);
      expect(read).toEqual(['study-6']);
      const index = (await siteFiles(out)).get('assets/search-index.js')!;
      expect(index).toContain('freshlyadded');
      expect(index).not.toContain('lessonword6');
      for (const n of [1, 5, 7, 12]) expect(index).toContain(`lessonword${n}`);
      // Nothing changed: the same index, nothing written.
      const again = await exportSite(ws, out);
      expect(again.report.written).toBe(0);
    }));

  it('renders the neighbours again when a title changes, and drops a deleted study', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      // A title that keeps its place in the order; study 6 is in no related list (site-related.test.ts
      // covers those pages): its own page and its neighbours' change.
      await saveStudy(ws, published(6, { title: 'Study 6 renamed' }));
      const before = await siteFiles(out);
      const { read } = await expectAsFull(ws, out, dir);
      const after = await siteFiles(out);
      // Exactly the studies whose page changed: its own, its old and its new neighbours'.
      const pagesChanged = [...after.keys()]
        .filter((f) => f.startsWith('study-') && after.get(f) !== before.get(f))
        .map((f) => f.split('/')[0]);
      expect(read.sort()).toEqual(pagesChanged.sort());
      expect(read.length).toBeGreaterThanOrEqual(3);
      await rm(studyPath(ws, 'study-4'));
      await expectAsFull(ws, out, dir);
      expect(await stat(path.join(out, 'study-4')).catch(() => null)).toBeNull();
    }));

  it('sees an edit that kept the size and had its mtime put back', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      const file = studyPath(ws, 'study-3');
      const { atime, mtime } = await stat(file);
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('Summary 3', 'Summary X')); // in place, same size
      await utimes(file, atime, mtime);
      const { read } = await expectAsFull(ws, out, dir);
      expect(read).toContain('study-3');
      expect(await readFile(path.join(out, 'study-3', 'index.html'), 'utf8')).toContain('Summary X');
    }));

  it("sees a study file replaced by another study's file, and a new study", () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      await copyFile(studyPath(ws, 'study-2'), studyPath(ws, 'study-9'));
      await saveStudy(ws, published(13));
      await expectAsFull(ws, out, dir);
      expect(await stat(path.join(out, 'study-13', 'index.html'))).toBeTruthy();
    }));

  it('exports in full, as a full export, after a site setting or an asset changed', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      const site = { ...defaultSiteSettings(), title: 'Another name', categories: ['Area 1'] };
      expect((await expectAsFull(ws, out, dir, site)).read).toEqual([]);
      await mkdir(path.join(ws, 'assets'), { recursive: true });
      await writeFile(path.join(ws, 'assets', 'note.txt'), 'x');
      await saveStudy(ws, published(2, { summary: 'Edited with the asset' }));
      expect((await expectAsFull(ws, out, dir, site)).read).toEqual([]);
    }));

  it('exports in full when a page it would keep was changed in the output', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      await rm(path.join(out, 'study-8', 'index.html'));
      await saveStudy(ws, published(1, { summary: 'Edited' }));
      const { report } = await expectAsFull(ws, out, dir);
      expect(report.written).toBeGreaterThanOrEqual(2);
      expect(await stat(path.join(out, 'study-8', 'index.html'))).toBeTruthy();
    }));

  it('ignores a snapshot that was tampered with (a planted page hash) and exports in full', () =>
    withTempDir(async (dir) => {
      const ws = await workspaceWith(dir, twelve());
      const out = path.join(dir, 'out');
      await exportSite(ws, out);
      const cache = path.join(ws, '.casebook');
      const [name] = (await readdir(cache)).filter((n) => n.startsWith('export-snapshot-'));
      const file = path.join(cache, name!);
      await writeFile(file, (await readFile(file, 'utf8')).replace(/"docs":"[^"]+"/, '"docs":"planted"'));
      await saveStudy(ws, published(3, { summary: 'Edited' }));
      const { read } = await expectAsFull(ws, out, dir);
      expect(read).toEqual([]); // no snapshot taken: every study read by the full export
    }));

  it('gives the pages of a full export over any sequence of edits', async () => {
    type Edit =
      | { kind: 'summary' | 'title' | 'date' | 'status' | 'category' | 'delete' | 'add'; n: number }
      | { kind: 'settings'; n: number };
    const edit = fc.record({
      kind: fc.constantFrom('summary', 'title', 'date', 'status', 'category', 'delete', 'add', 'settings'),
      n: fc.integer({ min: 1, max: 8 }),
    }) as fc.Arbitrary<Edit>;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) =>
        withTempDir(async (dir) => {
          const studies = new Map(Array.from({ length: 6 }, (_, i) => [i + 1, published(i + 1)]));
          const ws = await workspaceWith(dir, [...studies.values()]);
          const out = path.join(dir, 'out');
          let site = defaultSiteSettings();
          await exportSite(ws, out, site);
          for (const [step, { kind, n }] of edits.entries()) {
            const old = studies.get(n) ?? published(n);
            const changed: Partial<Record<typeof kind, Partial<Study>>> = {
              summary: { summary: `Edited ${step}` },
              title: { title: `Title ${step}` },
              date: { date: `2026-0${(step % 9) + 1}-01` },
              status: { status: old.status === 'published' ? 'draft' : 'published' },
              category: { categories: [`Area ${step}`] },
              add: {},
            };
            if (kind === 'delete') {
              await rm(studyPath(ws, old.id), { force: true });
              studies.delete(n);
            } else if (kind === 'settings') {
              site = { ...site, categories: [`Area ${step}`], description: `Step ${step}` };
            } else {
              const study = { ...old, ...changed[kind] };
              studies.set(n, study);
              await saveStudy(ws, study);
            }
            await expectAsFull(ws, out, dir, site);
          }
        }),
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
