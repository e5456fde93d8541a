// `casebook export` run again after one edit must not render every study again: the sections
// rendered by the last export are kept in the workspace (<ws>/.casebook/) and reused from a
// fresh process — but never for a changed study, never when the cache is damaged or was not
// signed by this user's Casebook (planted), never inside the published site, and never
// holding more than the pages it was made for.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_MARKER } from '../../../src/core/node/export/output-writer';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { localSecret } from '../../../src/core/node/local-secret';
import { siteExport } from '../../../src/core/node/export/site-export';
import {
  RENDER_CACHE_DIR,
  RENDER_CACHE_FILES,
  parseRenderCache,
  serializeRenderCache,
} from '../../../src/core/node/export/site-render-cache';
import { studyBodyStats } from '../../../src/core/node/export/site-study-body';
import type { Study } from '../../../src/core/pure/schemas/study';
import { exportStudies } from '../../../src/core/node/workspace-export';
import { CardCache } from '../../../src/core/node/export/site-cards';
import { withTempDir } from '../../helpers/temp-dir';
import { PNG_ASSET, PNG_BYTES, doc, readSampleAsset, sampleSite, sampleStudies } from '../../site/sample-site';

const site = sampleSite();
/** The cache's files in workspace `ws` that exist. */
async function cacheFiles(ws: string): Promise<string[]> {
  const names = await readdir(path.join(ws, RENDER_CACHE_DIR));
  return RENDER_CACHE_FILES.filter((n) => names.includes(n)).map((n) => path.join(ws, RENDER_CACHE_DIR, n));
}
/** Everything the cache holds, as text. */
const cacheText = async (ws: string) =>
  (await Promise.all((await cacheFiles(ws)).map((f) => readFile(f, 'utf8')))).join('\n');
const secret = async () => (await localSecret())!;

/** What the exports below remember, as one service would; each test starts with its own. */
let memory = new ExportMemory();
/** Everything in memory forgotten: the next export runs as `casebook export` in a new process would. */
function freshProcess() {
  memory = new ExportMemory();
  studyBodyStats.rendered = 0;
  studyBodyStats.reused = 0;
}

const paragraph = (text: string) => doc({ type: 'paragraph', content: [{ type: 'text', text }] });

/** The sample site, every study with sections of its own. */
function studies(): Study[] {
  return sampleStudies().map((s) =>
    s.id === 'cloud-bill'
      ? s
      : {
          ...s,
          problem: paragraph(`The problem of ${s.title}.`),
          decisions: paragraph(`The decisions of ${s.title}.`),
          tradeoffs: paragraph(`The tradeoffs of ${s.title}.`),
          lessons: paragraph(`The lessons of ${s.title}.`),
        },
  );
}

const edit = (list: Study[], id: string, lessons: string): Study[] =>
  list.map((s) => (s.id === id ? { ...s, lessons: paragraph(lessons) } : s));

async function withWorkspace(fn: (ws: string, out: string) => Promise<void>) {
  await withTempDir(async (dir) => {
    const ws = path.join(dir, 'ws');
    await mkdir(path.join(ws, 'assets'), { recursive: true });
    await writeFile(path.join(ws, PNG_ASSET), PNG_BYTES);
    await fn(ws, path.join(dir, 'out'));
  });
}

// The sample studies have publish-check errors (an empty section); this file is about the cache.
const exportSite = (ws: string, out: string, list: Study[], drafts = false) =>
  exportStudies(ws, site, list, { format: 'site', outDir: out, drafts, allowErrors: true }, memory);

async function tree(dir: string, prefix = ''): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isSymbolicLink()) continue;
    if (e.isDirectory()) for (const [k, v] of await tree(path.join(dir, e.name), `${rel}/`)) out.set(k, v);
    else out.set(rel, await readFile(path.join(dir, e.name)));
  }
  return out;
}

/** The site's pages as a cache-less, cold export makes them. */
function expectedPages(list: Study[]): Map<string, string> {
  freshProcess();
  const cards = new CardCache(); // drawn afresh, as a workspace export without a card cache
  const { files } = siteExport({ site, studies: list, readAsset: readSampleAsset, drafts: false, memory, cards });
  return new Map(files.map((f) => [f.path, Buffer.from(f.contents).toString('utf8')]));
}

async function expectSameSite(out: string, list: Study[]) {
  const onDisk = await tree(out);
  const expected = expectedPages(list);
  // The folder holds the site and its marker, nothing else.
  expect([...onDisk.keys()].sort()).toEqual([...expected.keys(), EXPORT_MARKER].sort());
  for (const [p, html] of expected) {
    if (p === 'feed.xml') continue; // dated now
    expect(onDisk.get(p)!.toString('utf8'), p).toBe(html);
  }
}

const pageOf = async (out: string, slug: string) => readFile(path.join(out, slug, 'index.html'), 'utf8');

describe('render cache kept in the workspace', () => {
  it('a second export in a fresh process renders only the edited section, and the site is the same as without a cache', async () => {
    await withWorkspace(async (ws, out) => {
      freshProcess();
      await exportSite(ws, out, studies());
      expect(studyBodyStats.reused).toBe(0);
      const firstRendered = studyBodyStats.rendered;
      expect(firstRendered).toBeGreaterThan(20);

      freshProcess();
      const edited = edit(studies(), 'queue-outage', 'A new lesson about queues.');
      const report = await exportSite(ws, out, edited);
      expect(studyBodyStats.rendered).toBe(1); // the one edited section
      expect(studyBodyStats.reused).toBe(firstRendered - 1);
      expect(report.written).toBe(2); // its page and the search index (assets/search-index.js)
      expect(await pageOf(out, 'the-queue-that-ate-friday')).toContain('A new lesson about queues.');
      await expectSameSite(out, edited);
    });
  });

  it('uses what the file says for an unchanged section, and never for a changed one', async () => {
    await withWorkspace(async (ws, out) => {
      freshProcess();
      await exportSite(ws, out, studies());
      // Poison the entry of one unchanged section: a fresh export must show it (so the cache is
      // really read from disk), and must not once that section is edited.
      let poisoned = 0;
      for (const file of await cacheFiles(ws)) {
        const entries = parseRenderCache(await readFile(file, 'utf8'), await secret())!;
        const found = [...entries].find(([, v]) => v.includes('The lessons of Notes Without a Home.'));
        if (!found) continue;
        entries.set(found[0], found[1].replace('The lessons of Notes Without a Home.', 'POISONED FROM CACHE'));
        await writeFile(file, serializeRenderCache(entries, await secret()));
        poisoned++;
      }
      expect(poisoned).toBe(1);

      freshProcess();
      await exportSite(ws, out, studies());
      expect(await pageOf(out, 'notes-without-a-home')).toContain('POISONED FROM CACHE');

      freshProcess();
      await exportSite(ws, out, edit(studies(), 'no-category', 'The lessons, rewritten.'));
      const page = await pageOf(out, 'notes-without-a-home');
      expect(page).not.toContain('POISONED FROM CACHE');
      expect(page).toContain('The lessons, rewritten.');
      expect(await cacheText(ws)).not.toContain('POISONED FROM CACHE');
    });
  });

  it("ignores entries planted in the workspace without this user's secret, though their keys are right", async () => {
    await withWorkspace(async (ws, out) => {
      freshProcess();
      await exportSite(ws, out, studies());
      // Whoever shares the workspace (git, a synced folder) can compute every key; signing the
      // file with any other secret (or none) must not get its HTML published.
      for (const file of await cacheFiles(ws)) {
        const entries = parseRenderCache(await readFile(file, 'utf8'), await secret())!;
        for (const [key, value] of entries) entries.set(key, value.replace(/The (\w+) of/g, 'PLANTED $1 of'));
        await writeFile(file, serializeRenderCache(entries, randomBytes(32)));
      }
      freshProcess();
      await exportSite(ws, out, studies());
      expect(studyBodyStats.reused).toBe(0);
      await expectSameSite(out, studies());
      expect(await cacheText(ws)).not.toContain('PLANTED');
    });
  });

  it('ignores and removes the render cache older versions kept in the export folder, with HTML planted there', async () => {
    await withWorkspace(async (ws, out) => {
      freshProcess();
      await exportSite(ws, out, studies());
      // Entries under the right keys (as Casebook 0.1 kept them in <out>/.casebook-cache/),
      // their HTML replaced by a script.
      const legacy = path.join(out, '.casebook-cache');
      await mkdir(legacy, { recursive: true });
      const planted = new Map<string, string>();
      for (const file of await cacheFiles(ws)) {
        for (const [key, value] of parseRenderCache(await readFile(file, 'utf8'), await secret())!) {
          planted.set(key, `${value.slice(0, value.indexOf('\n'))}\n<script>alert("planted")</script>`);
        }
      }
      for (let i = 0; i < 16; i++) {
        const shard = [...planted].filter(([key]) => key.charCodeAt(0) % 16 === i);
        await writeFile(
          path.join(legacy, `site-render-v1-${i.toString(16)}.json`),
          JSON.stringify({ casebookRenderCache: 1, entries: Object.fromEntries(shard) }),
        );
      }
      await writeFile(path.join(legacy, 'mine.txt'), 'not a cache file'); // kept: Casebook did not write it
      await rm(path.join(ws, RENDER_CACHE_DIR), { recursive: true });
      freshProcess();
      await exportSite(ws, out, studies());
      for (const [p, html] of await tree(out)) expect(html.toString('utf8'), p).not.toContain('planted');
      expect(await readdir(legacy)).toEqual(['mine.txt']);
      await rm(legacy, { recursive: true });
      await expectSameSite(out, studies());
    });
  });

  it('does not reuse a section whose image is now missing from the workspace', async () => {
    await withWorkspace(async (ws, out) => {
      freshProcess();
      await exportSite(ws, out, studies());
      const before = await pageOf(out, 'when-nobody-owns-the-cloud-bill');
      expect(before).toContain('<img src="../assets/img/');

      await rm(path.join(ws, PNG_ASSET));
      freshProcess();
      const report = await exportSite(ws, out, studies());
      expect(await pageOf(out, 'when-nobody-owns-the-cloud-bill')).not.toContain('<img src="../assets/img/');
      expect(report.warnings.some((w) => w.includes(PNG_ASSET) && w.includes('missing'))).toBe(true);
      expect((await tree(out)).has(`assets/img/${PNG_ASSET.slice('assets/'.length)}`)).toBe(false);
    });
  });

  it('does not trust an entry that names images the section does not have', async () => {
    await withWorkspace(async (ws, out) => {
      freshProcess();
      await exportSite(ws, out, studies());
      for (const file of await cacheFiles(ws)) {
        const entries = parseRenderCache(await readFile(file, 'utf8'), await secret())!;
        for (const [key, value] of entries) {
          if (!value.includes('The lessons of Notes Without a Home.')) continue;
          const html = value.slice(value.indexOf('\n') + 1).replace('The lessons', 'TAMPERED lessons');
          const name = PNG_ASSET.slice('assets/'.length);
          entries.set(key, `${JSON.stringify([3, [[PNG_ASSET, `../assets/img/${name}`]]])}\n${html}`);
        }
        await writeFile(file, serializeRenderCache(entries, await secret()));
      }
      freshProcess();
      await exportSite(ws, out, studies());
      const page = await pageOf(out, 'notes-without-a-home');
      expect(page).toContain('The lessons of Notes Without a Home.');
      expect(page).not.toContain('TAMPERED');
      await expectSameSite(out, studies());
    });
  });

  for (const [name, contents] of [
    ['cut short', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['not JSON', () => '\u0000\u0001garbage'],
    ['of another version', (text: string) => text.replace('"casebookRenderCache":2', '"casebookRenderCache":3')],
    ['of the wrong shape', () => JSON.stringify({ casebookRenderCache: 1, entries: { a: 1, b: [2] } })],
    ['empty', () => ''],
  ] as const) {
    it(`ignores a cache file that is ${name}: the site is exactly as without one, and the file is rebuilt`, async () => {
      await withWorkspace(async (ws, out) => {
        freshProcess();
        await exportSite(ws, out, studies());
        const files = await cacheFiles(ws);
        expect(files.length).toBeGreaterThan(3);
        for (const file of files) await writeFile(file, contents(await readFile(file, 'utf8')));

        freshProcess();
        const edited = edit(studies(), 'edge-cache', 'Edge lessons, later.');
        await exportSite(ws, out, edited);
        expect(studyBodyStats.reused).toBe(0);
        await expectSameSite(out, edited);
        for (const file of await cacheFiles(ws)) {
          expect(parseRenderCache(await readFile(file, 'utf8'), await secret())).not.toBeNull();
        }
      });
    });
  }

  it('is never part of the site: not a page, not in the marker, not in the export folder, kept by re-exports that remove pages', async () => {
    await withWorkspace(async (ws, out) => {
      freshProcess();
      const all = studies();
      await exportSite(ws, out, all);
      expect((await readdir(out)).filter((n) => n.startsWith('.'))).toEqual([EXPORT_MARKER]);
      expect(await readFile(path.join(ws, RENDER_CACHE_DIR, '.gitignore'), 'utf8')).toMatch(/^\*$/m);

      // Removing a study removes its page, not the cache; the cache then holds the rest only.
      const fewer = all.filter((s) => s.id !== 'edge-cache');
      const report = await exportSite(ws, out, fewer);
      expect(report.removed).toBeGreaterThan(0);
      const cache = await cacheText(ws);
      expect(cache).not.toContain('An Edge Cache for Everyone');
      expect(cache).toContain('The lessons of Notes Without a Home.');
      await expectSameSite(out, fewer);
    });
  });

  it('drops drafts from the cache once an export leaves them out', async () => {
    await withWorkspace(async (ws, out) => {
      freshProcess();
      await exportSite(ws, out, studies(), true);
      expect(await cacheText(ws)).toContain('The problem of Unfinished Draft.');
      await exportSite(ws, out, studies(), false);
      expect(await cacheText(ws)).not.toContain('Unfinished Draft');
    });
  });

  it('writes nothing through a .casebook link leading out of the workspace', async () => {
    await withWorkspace(async (ws, out) => {
      const elsewhere = `${ws}-elsewhere`;
      await mkdir(elsewhere);
      await symlink(elsewhere, path.join(ws, RENDER_CACHE_DIR));
      freshProcess();
      await exportSite(ws, out, studies());
      expect(await readdir(elsewhere)).toEqual([]);
      expect((await lstat(path.join(ws, RENDER_CACHE_DIR))).isSymbolicLink()).toBe(true);
      await expectSameSite(out, studies());
    });
  });
});
