// The one writer every export goes through: it refuses unsafe paths and foreign folders
// before touching anything, writes only what changed, and removes only what it wrote before.
import { describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { unsyncedWriteOps, type AtomicWriteOps } from '../../../src/core/node/atomic-write';
import path from 'node:path';
import { EXPORT_MARKER, writeOutput } from '../../../src/core/node/export/output-writer';
import { siteExport } from '../../../src/core/node/export/site-export';
import { CasebookError } from '../../../src/core/pure/errors';
import type { Study } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';
import { CardCache } from '../../../src/core/node/export/site-cards';
import { doc, readSampleAsset, sampleSite, sampleStudies } from '../../site/sample-site';

// With social cards drawn, as the workspace export makes them.
const exportFiles = (studies: Study[]) =>
  siteExport({ site: sampleSite(), studies, readAsset: readSampleAsset, drafts: false, cards: new CardCache() }).files;

async function listTree(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...(await listTree(path.join(dir, e.name), rel + '/')));
    else out.push(rel);
  }
  return out.sort();
}

async function expectRefused(promise: Promise<unknown>, message: RegExp) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CasebookError);
  expect((err as CasebookError).code).toBe('invalid_input');
  expect((err as CasebookError).message).toMatch(message);
}

describe('writeOutput', () => {
  it('refuses unsafe paths and writes nothing at all', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      for (const bad of [
        '../escape.txt',
        '/etc/x',
        'a/../../b',
        'a\\b',
        'a\0b',
        'C:/x',
        'a//b',
        './a',
        '',
        EXPORT_MARKER,
      ]) {
        await expectRefused(
          writeOutput(
            out,
            [
              { path: 'ok.txt', contents: 'fine' },
              { path: bad, contents: 'evil' },
            ],
            { format: 'site' },
          ),
          /unsafe/,
        );
      }
      expect(await readdir(dir)).toEqual([]); // not even the output folder was created
    });
  });

  it('refuses a non-empty folder that is not a Casebook export, leaving the user files alone', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'thesis.docx'), 'my only copy');
      await expectRefused(
        writeOutput(dir, exportFiles(sampleStudies()), { format: 'site' }),
        /is not empty and was not made by a Casebook export; choose an empty folder or a previous export/,
      );
      expect(await readdir(dir)).toEqual(['thesis.docx']);
      expect(await readFile(path.join(dir, 'thesis.docx'), 'utf8')).toBe('my only copy');
    });
  });

  for (const [name, contents] of [
    ['empty', ''],
    ['garbage', '\u0000not json'],
    ['JSON of another shape', '{"casebookExport":1}'],
    ['JSON null', 'null'],
  ] as const) {
    it(`refuses a folder with the user's files whose marker is ${name}, and writes nothing`, async () => {
      await withTempDir(async (dir) => {
        await writeFile(path.join(dir, 'index.html'), 'my own home page');
        await writeFile(path.join(dir, EXPORT_MARKER), contents);
        await expectRefused(
          writeOutput(dir, exportFiles(sampleStudies()), { format: 'site' }),
          /is not a marker Casebook wrote/,
        );
        expect(await listTree(dir)).toEqual([EXPORT_MARKER, 'index.html']);
        expect(await readFile(path.join(dir, 'index.html'), 'utf8')).toBe('my own home page');
        // A folder holding nothing but such a marker has nothing to lose: it is used.
        await rm(path.join(dir, 'index.html'));
        const result = await writeOutput(dir, [{ path: 'index.html', contents: 'home' }], { format: 'site' });
        expect(result.written).toBe(1);
      });
    });
  }

  it('refuses a previous export of the other format', async () => {
    await withTempDir(async (dir) => {
      await writeOutput(dir, [{ path: 'a/index.md', contents: '# a' }], { format: 'markdown' });
      await expectRefused(writeOutput(dir, exportFiles(sampleStudies()), { format: 'site' }), /markdown export/);
      expect(await listTree(dir)).toEqual([EXPORT_MARKER, 'a/index.md']);
    });
  });

  it('refuses to write through a symlink that leads outside the folder', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      const elsewhere = path.join(dir, 'elsewhere');
      await mkdir(elsewhere);
      await writeOutput(out, [{ path: 'index.html', contents: 'home' }], { format: 'site' });
      await symlink(elsewhere, path.join(out, 'evil'));
      await expectRefused(
        writeOutput(out, [{ path: 'evil/index.html', contents: 'x' }], { format: 'site' }),
        /evil in the output folder is a link; Casebook does not write through links/,
      );
      expect(await readdir(elsewhere)).toEqual([]);
    });
  });

  it('refuses a link to a folder even when it leads inside the output folder', async () => {
    await withTempDir(async (dir) => {
      await writeOutput(dir, [{ path: 'a/index.html', contents: 'a' }], { format: 'site' });
      await symlink(path.join(dir, 'a'), path.join(dir, 'b'));
      await expectRefused(
        writeOutput(dir, [{ path: 'b/index.html', contents: 'through the link' }], { format: 'site' }),
        /b in the output folder is a link/,
      );
      expect(await readFile(path.join(dir, 'a/index.html'), 'utf8')).toBe('a');
    });
  });

  it('writes a fresh export, then nothing when exported again unchanged', async () => {
    await withTempDir(async (dir) => {
      const files = exportFiles(sampleStudies());
      const progress: number[] = [];
      const first = await writeOutput(dir, files, { format: 'site', onProgress: (done) => progress.push(done) });
      expect(first).toEqual({ written: files.length, unchanged: 0, removed: 0, kept: [] });
      expect(progress.at(-1)).toBe(files.length);
      expect(await listTree(dir)).toEqual([EXPORT_MARKER, ...files.map((f) => f.path)].sort());
      const second = await writeOutput(dir, exportFiles(sampleStudies()), { format: 'site' });
      expect(second).toEqual({ written: 0, unchanged: files.length, removed: 0, kept: [] });
    });
  });

  it('rewrites only the pages an edited study appears on', async () => {
    await withTempDir(async (dir) => {
      const studies = sampleStudies();
      await writeOutput(dir, exportFiles(studies), { format: 'site' });
      const before = await stat(path.join(dir, 'the-queue-that-ate-friday/index.html'));
      const i = studies.findIndex((s) => s.id === 'edge-cache');
      studies[i] = {
        ...studies[i]!,
        lessons: doc({ type: 'paragraph', content: [{ type: 'text', text: 'Cache less.' }] }),
      };
      const files = exportFiles(studies);
      const result = await writeOutput(dir, files, { format: 'site' });
      // only its own page and the search index (which holds its words): its title and summary
      // (on the index, category and neighbour pages) did not change
      expect(result).toEqual({ written: 2, unchanged: files.length - 2, removed: 0, kept: [] });
      expect(await readFile(path.join(dir, 'an-edge-cache-for-everyone/index.html'), 'utf8')).toContain('Cache less.');
      expect((await stat(path.join(dir, 'the-queue-that-ate-friday/index.html'))).mtimeMs).toBe(before.mtimeMs);

      // A new title shows on the index, its category pages, its neighbours' pager, the feed and
      // the related lists that show it (site-related.ts).
      studies[i] = { ...studies[i]!, title: 'An Edge Cache for All' };
      const relatedTo = files.filter((f) =>
        /<section class="related"[\s\S]*?<\/section>/.exec(String(f.contents))?.[0].includes('An Edge Cache'),
      );
      const renamed = await writeOutput(dir, exportFiles(studies), { format: 'site' });
      expect(relatedTo.map((f) => f.path)).toEqual([
        'when-nobody-owns-the-cloud-bill/index.html',
        'the-queue-that-ate-friday/index.html',
        'rewriting-search-without-a-freeze/index.html', // also a neighbour
      ]);
      // own page, index, category, archive, its tag's page, two neighbours, two more related, feed,
      // the category's feed, search index, its new social card
      expect(renamed.written).toBe(13);
    });
  });

  it('removes the page of a deleted study and its folder, and never a file it did not write', async () => {
    await withTempDir(async (dir) => {
      const studies = sampleStudies();
      await writeOutput(dir, exportFiles(studies), { format: 'site' });
      await writeFile(path.join(dir, 'CNAME'), 'eng.example.com'); // the user's own file
      await writeFile(path.join(dir, 'the-queue-that-ate-friday', 'notes.txt'), 'mine');
      const result = await writeOutput(
        dir,
        exportFiles(studies.filter((s) => s.id !== 'queue-outage' && s.id !== 'edge-cache')),
        { format: 'site' },
      );
      // two study pages and their social cards; the now-empty Failure Analysis category page, its
      // card and feed; the "queues" tag page
      expect(result.removed).toBe(8);
      const tree = await listTree(dir);
      expect(tree).not.toContain('an-edge-cache-for-everyone/index.html');
      expect(tree).not.toContain('category/failure-analysis/index.html');
      expect(tree).toContain('CNAME');
      expect(tree).toContain('the-queue-that-ate-friday/notes.txt'); // folder kept: it is not empty
      expect((await readdir(dir)).includes('an-edge-cache-for-everyone')).toBe(false); // empty folder removed
    });
  });

  it('ignores paths outside the folder in a tampered marker instead of deleting them', async () => {
    await withTempDir(async (dir) => {
      const out = path.join(dir, 'out');
      await writeOutput(out, [{ path: 'index.html', contents: 'home' }], { format: 'site' });
      await writeFile(path.join(dir, 'precious.txt'), 'keep me');
      const marker = JSON.parse(await readFile(path.join(out, EXPORT_MARKER), 'utf8'));
      marker.files.push({ path: '../precious.txt', size: 7, mtimeMs: 0, sha1: 'x' });
      marker.files.push({ path: '/etc/hostname', size: 7, mtimeMs: 0, sha1: 'x' });
      await writeFile(path.join(out, EXPORT_MARKER), JSON.stringify(marker));
      const result = await writeOutput(out, [{ path: 'index.html', contents: 'home' }], { format: 'site' });
      expect(result.removed).toBe(0);
      expect(await readFile(path.join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
    });
  });

  it('refuses a file where a folder is and a folder where a file is, before writing anything', async () => {
    await withTempDir(async (dir) => {
      await writeOutput(dir, [{ path: 'a/index.html', contents: 'a' }], { format: 'site' });
      await mkdir(path.join(dir, 'b.html'));
      await expectRefused(
        writeOutput(
          dir,
          [
            { path: 'new.html', contents: 'n' },
            { path: 'b.html', contents: 'b' },
          ],
          { format: 'site' },
        ),
        /is a folder, but the export needs a file there/,
      );
      expect(await listTree(dir)).toEqual([EXPORT_MARKER, 'a/index.html']);
      await writeFile(path.join(dir, 'c'), 'a file');
      await expectRefused(
        writeOutput(dir, [{ path: 'c/d/index.html', contents: 'x' }], { format: 'site' }),
        /c in the output folder is a file, but the export needs a folder there/,
      );
    });
  });

  it('reports a failed write as io_error and still knows the files it wrote, so the next export cleans up', async () => {
    await withTempDir(async (dir) => {
      const good = Array.from({ length: 5 }, (_, i) => ({ path: `p${i}/index.html`, contents: `page ${i}` }));
      const broken = { path: 'broken/index.html', contents: 'never written' };
      // The disk fills up when the broken page is written (a real failure of the write path).
      const ops: AtomicWriteOps = {
        ...unsyncedWriteOps,
        writeAndSync: async (file, data) => {
          if (file.includes('.casebook-tmp-index.html') && String(data) === 'never written') {
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          }
          await unsyncedWriteOps.writeAndSync(file, data);
        },
      };
      const err = await writeOutput(dir, [...good, broken], { format: 'site', ops }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(CasebookError);
      expect((err as CasebookError).code).toBe('io_error');
      expect((err as CasebookError).message).toContain('broken/index.html');
      expect((err as CasebookError).message).toContain('no space left');
      // The folder is still recognised as an export, and what the failed run wrote is removed.
      const result = await writeOutput(dir, [good[0]!], { format: 'site' });
      expect(result.removed).toBe(4);
      expect(result.kept).toEqual([]);
      expect(await listTree(dir)).toEqual([EXPORT_MARKER, 'p0/index.html']);
    });
  });

  it('writes bytes exactly, for binary files too', async () => {
    await withTempDir(async (dir) => {
      const bytes = Uint8Array.from([0, 255, 1, 254, 10, 13]);
      await writeOutput(dir, [{ path: 'assets/img/x.png', contents: bytes }], { format: 'site', durable: false });
      expect(new Uint8Array(await readFile(path.join(dir, 'assets/img/x.png')))).toEqual(bytes);
    });
  });

  it('leaves a page changed on disk since the last export alone, and reports it', async () => {
    await withTempDir(async (dir) => {
      const files = exportFiles(sampleStudies());
      await writeOutput(dir, files, { format: 'site' });
      const index = path.join(dir, 'index.html');
      const original = await readFile(index, 'utf8');
      const edited = original.replace('Featured', 'Xeatured'); // same size, new mtime
      await writeFile(index, edited);
      const result = await writeOutput(dir, files, { format: 'site' });
      expect(result.written).toBe(0);
      expect(result.kept).toEqual([
        { path: 'index.html', action: 'replace', reason: expect.stringMatching(/not what Casebook wrote/) },
      ]);
      expect(await readFile(index, 'utf8')).toBe(edited);
      // Once the author moves their copy away, the next export writes Casebook's page again.
      await rm(index);
      expect((await writeOutput(dir, files, { format: 'site' })).written).toBe(1);
      expect(await readFile(index, 'utf8')).toBe(original);
    });
  });

  it('removes temp files an interrupted write left beside the files it writes, and nothing else', async () => {
    await withTempDir(async (dir) => {
      await writeOutput(dir, [{ path: 'a/index.html', contents: 'a1' }], { format: 'site' });
      const left = '.casebook-tmp-index.html-0123456789ab'; // as writeFileAtomic names them
      await writeFile(path.join(dir, 'a', left), 'half a page');
      await writeFile(path.join(dir, 'a', '.casebook-tmp-mine'), 'a file of the user'); // not one of ours
      await writeOutput(dir, [{ path: 'a/index.html', contents: 'a2' }], { format: 'site' });
      expect(await listTree(dir)).toEqual([EXPORT_MARKER, 'a/.casebook-tmp-mine', 'a/index.html']);
    });
  });
});
