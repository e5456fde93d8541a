import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { dispatchingApi } from '../../../src/core/pure/dispatch';
import { studySchema } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';
import { withoutBlockIds } from '../../../src/core/pure/rich-text/block-ids';

const paragraph = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('workspace store', () => {
  it('creates a study with four empty sections in its own pretty-printed file', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'When Nobody Owns the Cloud Bill' });
      expect(study.slug).toBe('when-nobody-owns-the-cloud-bill');
      expect(study.status).toBe('draft');
      for (const key of ['problem', 'decisions', 'tradeoffs', 'lessons'] as const) {
        // Every block is written with its id (rich-text/block-ids.ts), each section's its own.
        expect(withoutBlockIds(study[key])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
        expect(study[key].content![0]!.attrs?.id).toMatch(/^[0-9a-f-]{36}$/);
      }
      const ids = ['problem', 'decisions', 'tradeoffs', 'lessons'].map(
        (key) => study[key as 'problem'].content![0]!.attrs?.id,
      );
      expect(new Set(ids).size).toBe(4);
      const files = await readdir(path.join(dir, 'studies'));
      expect(files).toEqual([`${study.id}.json`]);
      const text = await readFile(path.join(dir, 'studies', files[0]!), 'utf8');
      expect(text).toContain('\n  "title": "When Nobody Owns the Cloud Bill",\n');
      expect(studySchema.parse(JSON.parse(text))).toEqual(study);
    });
  });

  it('lists summaries newest edit first and survives reopening', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const a = await service.createStudy({ title: 'A' });
      const b = await service.createStudy({ title: 'B' });
      await service.updateStudy({ id: a.id, patch: { summary: 'edited' } });
      expect((await service.listStudies({})).map((s) => s.title)).toEqual(['A', 'B']);
      const reopened = await openWorkspace(dir);
      const list = await reopened.listStudies({});
      expect(list.map((s) => s.id)).toEqual([a.id, b.id]);
      expect(list[0]).not.toHaveProperty('problem');
    });
  });

  it('applies a partial patch, bumps updatedAt and keeps the rest', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const created = await service.createStudy({ title: 'Cache stampede' });
      const updated = await service.updateStudy({
        id: created.id,
        patch: { summary: 'How a cold cache took us down', lessons: paragraph('Warm caches before cutover.') },
      });
      expect(updated.title).toBe('Cache stampede');
      expect(updated.summary).toBe('How a cold cache took us down');
      expect(updated.updatedAt > created.updatedAt).toBe(true);
      expect(withoutBlockIds((await service.getStudy({ id: created.id })).lessons)).toEqual(
        paragraph('Warm caches before cutover.'),
      );
    });
  });

  it('keeps slugs unique and lets a draft slug follow its title, but not once published', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const a = await service.createStudy({ title: 'Outage' });
      const b = await service.createStudy({ title: 'Outage' });
      expect([a.slug, b.slug]).toEqual(['outage', 'outage-2']);
      const renamed = await service.updateStudy({ id: b.id, patch: { title: 'Database outage' } });
      expect(renamed.slug).toBe('database-outage');
      const published = await service.updateStudy({ id: b.id, patch: { status: 'published' } });
      const retitled = await service.updateStudy({ id: b.id, patch: { title: 'The big database outage' } });
      expect(retitled.slug).toBe(published.slug);
      const manual = await service.updateStudy({ id: a.id, patch: { slug: 'database-outage' } });
      expect(manual.slug).toBe('database-outage-2');
    });
  });

  it('lets the slug follow a title that arrives in the same save as publishing', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({});
      const saved = await service.updateStudy({
        id: study.id,
        patch: { title: 'Search latency', status: 'published' },
      });
      expect(saved.slug).toBe('search-latency');
    });
  });

  it('deletes to .trash and restores', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Gone' });
      await service.deleteStudy({ id: study.id });
      expect(await service.listStudies({})).toEqual([]);
      expect(await readdir(path.join(dir, '.trash'))).toEqual([`${study.id}.json`]);
      expect((await service.listTrash({})).map((s) => s.title)).toEqual(['Gone']);
      const restored = await service.restoreStudy({ id: study.id });
      expect(restored.title).toBe('Gone');
      expect((await service.listStudies({})).map((s) => s.id)).toEqual([study.id]);
      expect(await readdir(path.join(dir, '.trash'))).toEqual([]);
    });
  });

  it('serializes concurrent saves of one study so none is lost', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Race' });
      await Promise.all([
        service.updateStudy({ id: study.id, patch: { summary: 'one' } }),
        service.updateStudy({ id: study.id, patch: { tags: ['two'] } }),
        service.updateStudy({ id: study.id, patch: { featured: true } }),
      ]);
      const saved = await service.getStudy({ id: study.id });
      expect([saved.summary, saved.tags, saved.featured]).toEqual(['one', ['two'], true]);
    });
  });
});

describe('site settings', () => {
  it('has sensible defaults and validates a patch', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const site = await service.getSite({});
      expect(site.tagline).toBe('Real systems. Real decisions. Real outcomes.');
      expect(site.categories).toContain('Failure Analysis');
      const updated = await service.updateSite({
        patch: { title: 'Acme Engineering', baseUrl: 'https://eng.acme.dev' },
      });
      expect(updated.title).toBe('Acme Engineering');
      const onDisk = JSON.parse(await readFile(path.join(dir, 'casebook.json'), 'utf8'));
      expect(onDisk).toMatchObject({ schemaVersion: 1, site: { title: 'Acme Engineering' } });
      await expect(service.updateSite({ patch: { categories: ['A', 'a'] } })).rejects.toThrow('unique');
      expect((await service.getSite({})).categories).toEqual(site.categories);
    });
  });

  it('opens a workspace from a newer Casebook read-only and never rewrites it', async () => {
    await withTempDir(async (dir) => {
      const newer = JSON.stringify({ schemaVersion: 3, site: { title: 'From the future' }, extra: true });
      await writeFile(path.join(dir, 'casebook.json'), newer);
      const service = await openWorkspace(dir);
      const info = await service.getWorkspaceInfo({});
      expect(info.readOnly).toBe(true);
      expect(info.readOnlyReason).toMatch(/newer version of Casebook/);
      // dispatch refuses every method the contract marks as writing (every transport goes through it).
      await expect(dispatchingApi(service).createStudy({ title: 'x' })).rejects.toThrow(/read-only/);
      expect(await readFile(path.join(dir, 'casebook.json'), 'utf8')).toBe(newer);
    });
  });
});

describe('the version of a study on disk', () => {
  it('follows saves from another process without reading an unchanged file', async () => {
    await withTempDir(async (dir) => {
      const app = await openWorkspace(dir);
      const study = await app.createStudy({ title: 'Polled' });
      expect(await app.getStudyVersion({ id: study.id })).toEqual({ updatedAt: study.updatedAt });
      const cli = await openWorkspace(dir);
      const saved = await cli.updateStudy({ id: study.id, patch: { summary: 'from the CLI' } });
      const file = path.join(dir, 'studies', `${study.id}.json`);
      const past = new Date(Date.now() - 3_600_000); // a time utimes keeps exactly
      await utimes(file, past, past);
      expect(await app.getStudyVersion({ id: study.id })).toEqual({ updatedAt: saved.updatedAt });
      // Unchanged since: answered from what that read taught the index (a file replaced in
      // place by bytes of the same size and time is not even opened).
      const { size } = await stat(file);
      await writeFile(file, Buffer.alloc(size, 0x20));
      await utimes(file, past, past);
      expect(await app.getStudyVersion({ id: study.id })).toEqual({ updatedAt: saved.updatedAt });
    });
  });
});

describe('compare-and-swap saves', () => {
  it('refuses a save based on an outdated version and keeps the newer file', async () => {
    await withTempDir(async (dir) => {
      const app = await openWorkspace(dir);
      const study = await app.createStudy({ title: 'Shared' });
      const cli = await openWorkspace(dir);
      await cli.updateStudy({ id: study.id, patch: { summary: 'from the CLI' } });
      await expect(
        app.updateStudy({ id: study.id, patch: { summary: 'from the app' }, baseUpdatedAt: study.updatedAt }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect((await app.getStudy({ id: study.id })).summary).toBe('from the CLI');
    });
  });

  it('refuses a save over a hand edit that kept updatedAt, and keeps the hand edit; saves in a row still go through', async () => {
    await withTempDir(async (dir) => {
      const app = await openWorkspace(dir);
      const created = await app.createStudy({ title: 'Edited by Hand' });
      const opened = await app.getStudy({ id: created.id }); // what the editor holds
      // Saves in a row, each typed over the last: no false conflict from the check by content.
      const first = await app.updateStudy({
        id: opened.id,
        patch: { summary: 'one' },
        baseUpdatedAt: opened.updatedAt,
      });
      const second = await app.updateStudy({
        id: opened.id,
        patch: { summary: 'two' },
        baseUpdatedAt: first.updatedAt,
      });
      // A text editor changes the file and leaves updatedAt as it was.
      const file = path.join(dir, 'studies', `${opened.id}.json`);
      const onDisk = JSON.parse(await readFile(file, 'utf8')) as { summary: string; updatedAt: string };
      expect(onDisk.updatedAt).toBe(second.updatedAt);
      await writeFile(file, `${JSON.stringify({ ...onDisk, summary: 'by hand' }, null, 2)}\n`);
      await expect(
        app.updateStudy({ id: opened.id, patch: { title: 'From the app' }, baseUpdatedAt: second.updatedAt }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect((await app.getStudy({ id: opened.id })).summary).toBe('by hand');
      // Opened again (the editor reloads it): its saves go through.
      const reloaded = await app.getStudy({ id: opened.id });
      const saved = await app.updateStudy({
        id: opened.id,
        patch: { title: 'From the app' },
        baseUpdatedAt: reloaded.updatedAt,
      });
      expect(saved).toMatchObject({ title: 'From the app', summary: 'by hand' });
    });
  });

  it("keeps each editor's base: another tab opening the study after a hand edit does not let the first tab save over it", async () => {
    await withTempDir(async (dir) => {
      const app = await openWorkspace(dir);
      const created = await app.createStudy({ title: 'Two Tabs' });
      const inTabA = await app.getStudy({ id: created.id, editor: 'tab-a' });
      const file = path.join(dir, 'studies', `${created.id}.json`);
      const onDisk = JSON.parse(await readFile(file, 'utf8')) as { summary: string };
      await writeFile(file, `${JSON.stringify({ ...onDisk, summary: 'by hand' }, null, 2)}\n`); // updatedAt kept
      // Tab B (or History, reading without an editor) opens the study as it is now.
      const inTabB = await app.getStudy({ id: created.id, editor: 'tab-b' });
      await app.getStudy({ id: created.id });
      await expect(
        app.updateStudy({
          id: created.id,
          patch: { title: 'From tab A' },
          baseUpdatedAt: inTabA.updatedAt,
          editor: 'tab-a',
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
      const fromB = await app.updateStudy({
        id: created.id,
        patch: { title: 'From tab B' },
        baseUpdatedAt: inTabB.updatedAt,
        editor: 'tab-b',
      });
      expect(fromB).toMatchObject({ title: 'From tab B', summary: 'by hand' });
      // Tab A's next save names the version it holds, now older than tab B's save: refused too.
      await expect(
        app.updateStudy({
          id: created.id,
          patch: { title: 'A again' },
          baseUpdatedAt: inTabA.updatedAt,
          editor: 'tab-a',
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
    });
  });
});
