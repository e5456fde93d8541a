// The store's writes as an author sees them: every save is newer than the one before it (even
// within one clock tick, or after a file saved on a machine whose clock ran ahead), an import
// keeps its id only when no study has it, and restore and delete say plainly what went wrong.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile, writeStudy } from '../../helpers/study-files';

afterEach(() => {
  vi.useRealTimers();
});

async function openStore(dir: string): Promise<StudyStore> {
  const store = new StudyStore(dir);
  await store.open();
  return store;
}

describe('save times', () => {
  it('studies created and saved within one clock tick still get strictly later times, newest listed first', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      await store.list();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
      const a = await store.create({ title: 'A' });
      const b = await store.create({ title: 'B' });
      const edited = await store.update(a.id, { summary: 'edited' });
      expect(a.updatedAt).toBe('2026-03-01T10:00:00.000Z');
      expect(b.updatedAt).toBe('2026-03-01T10:00:00.001Z');
      expect(edited.updatedAt).toBe('2026-03-01T10:00:00.002Z');
      expect((await store.list()).map((s) => s.title)).toEqual(['A', 'B']);
      // A save based on the version just returned is not taken for a stale one.
      const again = await store.update(a.id, { summary: 'again' }, edited.updatedAt);
      expect(again.updatedAt).toBe('2026-03-01T10:00:00.003Z');
    });
  });

  it('a save of a study last saved by a clock running ahead is still later than that save', async () => {
    await withTempDir(async (dir) => {
      const ahead = '2099-01-01T00:00:00.000Z';
      await writeStudy(dir, sampleStudy(1, { createdAt: ahead, updatedAt: ahead }));
      await writeStudy(dir, sampleStudy(2));
      const store = await openStore(dir);
      const saved = await store.update('study-1', { summary: 'edited here' });
      expect(saved.updatedAt).toBe('2099-01-01T00:00:00.001Z');
      const onDisk = JSON.parse(await readFile(studyFile(dir, 'study-1'), 'utf8')) as { updatedAt: string };
      expect(onDisk.updatedAt).toBe(saved.updatedAt);
      // And the next save anywhere in this store is later still.
      const other = await store.update('study-2', { summary: 'edited after' });
      expect(other.updatedAt > saved.updatedAt).toBe(true);
    });
  });

  it('a save based on an older version is refused with the study named, and the file keeps the newer text', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const study = await store.create({ title: 'Shared notes' });
      const first = await store.update(study.id, { summary: 'first' });
      await expect(store.update(study.id, { summary: 'stale' }, study.updatedAt)).rejects.toMatchObject({
        code: 'conflict',
        message: `"Shared notes" was changed on disk (saved ${first.updatedAt}) after you opened it; reload it or keep your version.`,
      });
      expect((await store.get(study.id)).summary).toBe('first');
    });
  });
});

describe('an imported study that carries its id', () => {
  it('keeps its id when no study has it', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const study = await store.create({ id: 'imported-1', title: 'Imported' });
      expect(study.id).toBe('imported-1');
      expect(existsSync(studyFile(dir, 'imported-1'))).toBe(true);
    });
  });

  it('gets a new id when a listed study has it, and the listed study is untouched', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const first = await store.create({ id: 'same-id', title: 'First' });
      const second = await store.create({ id: 'same-id', title: 'Second' });
      expect(second.id).not.toBe('same-id');
      expect((await store.get('same-id')).title).toBe('First');
      expect((await store.get(second.id)).title).toBe('Second');
      expect(first.id).toBe('same-id');
    });
  });

  it('gets a new id when an entry of that name is on disk but not listed (a folder named <id>.json)', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      await mkdir(studyFile(dir, 'taken'), { recursive: true });
      const created = await store.create({ id: 'taken', title: 'Imported' });
      expect(created.id).not.toBe('taken');
      expect((await store.get(created.id)).title).toBe('Imported');
      expect((await stat(studyFile(dir, 'taken'))).isDirectory()).toBe(true);
    });
  });
});

describe('restore and delete', () => {
  it('a restored study whose address was taken meanwhile gets the next free one', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const old = await store.create({ title: 'Outage' });
      await store.delete(old.id);
      const replacement = await store.create({ title: 'Outage' });
      expect(replacement.slug).toBe('outage');
      const restored = await store.restore(old.id);
      expect(restored.slug).toBe('outage-2');
      expect((await store.get(old.id)).slug).toBe('outage-2');
      expect((await store.list()).map((s) => s.slug).sort()).toEqual(['outage', 'outage-2']);
      expect(await store.listTrash()).toEqual([]);
    });
  });

  it('restoring what is not in the trash says so and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const kept = await store.create({ title: 'Kept' });
      await expect(store.restore('no-such-id')).rejects.toMatchObject({
        code: 'not_found',
        message: 'No deleted case study with id "no-such-id" in the trash.',
      });
      await expect(store.purge('no-such-id')).rejects.toMatchObject({
        code: 'not_found',
        message: 'No deleted case study with id "no-such-id" in the trash.',
      });
      expect((await store.list()).map((s) => s.id)).toEqual([kept.id]);
    });
  });

  it('restoring over a study of the same id is refused, and the trashed version stays', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const study = await store.create({ id: 'twice', title: 'Deleted one' });
      await store.delete(study.id);
      await writeStudy(dir, sampleStudy(3, { id: 'twice', slug: 'twice', title: 'New one' }));
      await expect(store.restore('twice')).rejects.toMatchObject({
        code: 'conflict',
        message: 'A case study with id "twice" already exists.',
      });
      expect((await store.listTrash()).map((s) => s.title)).toEqual(['Deleted one']);
      expect((await store.get('twice')).title).toBe('New one');
    });
  });

  it('deleting a study that is not there is refused and puts nothing in the trash', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      await expect(store.delete('missing')).rejects.toMatchObject({ code: 'not_found' });
      expect(await readdir(path.join(dir, '.trash'))).toEqual([]);
    });
  });
});
