// Which trashed version the author gets back: the newest first, then the one displaced most
// recently, and so on; a damaged version is set aside and the next one stands for the study;
// the trash lists each study once, newest edit first, and ignores what is not a trashed study.
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';
import type { Study } from '../../../src/core/pure/schemas/study';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function trashWith(dir: string, files: Record<string, Study | string>): Promise<string> {
  const trash = path.join(dir, '.trash');
  await mkdir(trash, { recursive: true });
  for (const [name, content] of Object.entries(files))
    await writeFile(path.join(trash, name), typeof content === 'string' ? content : pretty(content));
  return trash;
}

async function openStore(dir: string): Promise<StudyStore> {
  const store = new StudyStore(dir);
  await store.open();
  return store;
}

const version = (title: string) => sampleStudy(1, { id: 'kept', slug: 'kept', title });

describe('versions of one study in the trash', () => {
  it('are restored newest first: the current one, then the latest displaced, then earlier ones', async () => {
    await withTempDir(async (dir) => {
      await trashWith(dir, {
        'kept@20260101T000000000Z-aaaaaa.json': version('Displaced in January'),
        'kept@20260301T000000000Z-cccccc.json': version('Displaced in March'),
        'kept.json': version('Deleted last'),
        'kept@20260201T000000000Z-bbbbbb.json': version('Displaced in February'),
      });
      const store = await openStore(dir);
      const order: string[] = [];
      for (let n = 0; n < 4; n++) {
        expect((await store.listTrash()).map((s) => s.id)).toEqual(['kept']);
        const restored = await store.restore('kept');
        order.push(restored.title);
        await store.delete('kept');
        await store.purge('kept'); // the version just deleted again is gone for good
      }
      expect(order).toEqual(['Deleted last', 'Displaced in March', 'Displaced in February', 'Displaced in January']);
      expect(await store.listTrash()).toEqual([]);
    });
  });

  it('with only displaced versions left, purge removes the latest displaced one', async () => {
    await withTempDir(async (dir) => {
      const trash = await trashWith(dir, {
        'kept@20260101T000000000Z-aaaaaa.json': version('January'),
        'kept@20260301T000000000Z-cccccc.json': version('March'),
      });
      const store = await openStore(dir);
      await store.purge('kept');
      expect(await readdir(trash)).toEqual(['kept@20260101T000000000Z-aaaaaa.json']);
      expect((await store.listTrash()).map((s) => s.title)).toEqual(['January']);
    });
  });

  it('a damaged newest version is set aside and the next one is listed and restored', async () => {
    await withTempDir(async (dir) => {
      await trashWith(dir, {
        'kept.json': '{ "schemaVersion": 1, "id": "kept", oops',
        'kept@20260101T000000000Z-aaaaaa.json': version('Older but whole'),
      });
      const store = await openStore(dir);
      const quarantined: string[] = [];
      store.onQuarantine.push((entry) => quarantined.push(entry.file));
      expect((await store.listTrash()).map((s) => s.title)).toEqual(['Older but whole']);
      expect(quarantined).toEqual(['.trash/kept.json']);
      expect((await store.restore('kept')).title).toBe('Older but whole');
    });
  });

  it('a version holding another study is not restored under this id', async () => {
    await withTempDir(async (dir) => {
      await trashWith(dir, { 'kept.json': sampleStudy(2, { id: 'someone-else' }) });
      const store = await openStore(dir);
      await expect(store.restore('kept')).rejects.toMatchObject({ code: 'not_found' });
      expect(await store.list()).toEqual([]);
    });
  });
  it('a folder in place of the newest version is not purged: the study is not in the trash', async () => {
    await withTempDir(async (dir) => {
      const trash = await trashWith(dir, {});
      await mkdir(path.join(trash, 'kept.json'));
      const store = await openStore(dir);
      await expect(store.purge('kept')).rejects.toMatchObject({ code: 'not_found' });
      expect(existsSync(path.join(trash, 'kept.json'))).toBe(true);
    });
  });
});

describe('the trash list', () => {
  it('lists each study once, newest edit first, and ignores hidden, non-JSON and nameless files', async () => {
    await withTempDir(async (dir) => {
      const older = sampleStudy(1, { id: 'older', slug: 'older', title: 'Older' });
      const newer = sampleStudy(5, { id: 'newer', slug: 'newer', title: 'Newer' });
      await trashWith(dir, {
        'older.json': older,
        'newer.json': newer,
        'newer@20260101T000000000Z-aaaaaa.json': { ...newer, title: 'Newer, an earlier version' },
        '.casebook-tmp-1.json': sampleStudy(9, { id: '.casebook-tmp-1' }),
        'notes.txt': 'not a study',
        '@20260101T000000000Z-aaaaaa.json': sampleStudy(8, { id: 'x' }),
      });
      const store = await openStore(dir);
      expect((await store.listTrash()).map((s) => s.title)).toEqual(['Newer', 'Older']);
      expect(store.skippedFiles()).toEqual([]);
      expect(existsSync(path.join(dir, '.trash', 'notes.txt'))).toBe(true);
      // Not read as versions of a study, so not set aside as damaged either.
      expect(existsSync(path.join(dir, '.trash', '.casebook-tmp-1.json'))).toBe(true);
      expect(existsSync(path.join(dir, '.trash', '@20260101T000000000Z-aaaaaa.json'))).toBe(true);
    });
  });

  it('is empty, not an error, when the trash folder is gone', async () => {
    await withTempDir(async (dir) => {
      const store = new StudyStore(dir);
      expect(await store.listTrash()).toEqual([]);
    });
  });
});
