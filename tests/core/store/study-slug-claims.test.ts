// A study's address (slug) as the author sees it change, or not: a save that does not change
// the title keeps the address even when a shorter one has become free; a form that sends the
// unchanged slug with a new title still lets a draft's address follow the title; a slug given
// with a new study (an import) is kept; an untitled study is "untitled".
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';

async function openStore(dir: string): Promise<StudyStore> {
  const store = new StudyStore(dir);
  await store.open();
  return store;
}

describe('the address of a study', () => {
  it('stays put on a save that sends the same title, even when the plain address is free again', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const first = await store.create({ title: 'Outage' });
      const second = await store.create({ title: 'Outage' });
      expect(second.slug).toBe('outage-2');
      await store.delete(first.id);
      const saved = await store.update(second.id, { title: 'Outage', summary: 'edited' });
      expect(saved.slug).toBe('outage-2');
    });
  });

  it('follows a new title of a draft when the save also sends the unchanged slug (a whole form)', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const study = await store.create({ title: 'Cache' });
      const saved = await store.update(study.id, { title: 'Cache stampede', slug: study.slug });
      expect(saved.slug).toBe('cache-stampede');
      expect((await store.get(study.id)).slug).toBe('cache-stampede');
    });
  });

  it('set by hand no longer follows the title', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const study = await store.create({ title: 'Cache' });
      await store.update(study.id, { slug: 'my-own-address' });
      const retitled = await store.update(study.id, { title: 'Cache stampede' });
      expect(retitled.slug).toBe('my-own-address');
    });
  });

  it('of a new study is the one it brings (an import), made unique, else its title, else "untitled"', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      expect((await store.create({ title: 'Some title', slug: 'kept-address' })).slug).toBe('kept-address');
      expect((await store.create({ title: 'Other', slug: 'kept-address' })).slug).toBe('kept-address-2');
      expect((await store.create({})).slug).toBe('untitled');
      expect((await store.create({ title: '' })).slug).toBe('untitled-2');
    });
  });

  it('is unique against studies another process wrote since this store last listed', async () => {
    await withTempDir(async (dir) => {
      const app = await openStore(dir);
      await app.list();
      const cli = await openStore(dir);
      await cli.create({ title: 'Postmortem' });
      expect((await app.create({ title: 'Postmortem' })).slug).toBe('postmortem-2');
    });
  });

  it('a study renamed to its own current address keeps it (its own slug is not "taken")', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(dir);
      const study = await store.create({ title: 'Draft' });
      await store.update(study.id, { slug: 'fixed' });
      const again = await store.update(study.id, { slug: 'fixed', summary: 'x' });
      expect(again.slug).toBe('fixed');
      const renamed = await store.update(study.id, { slug: 'fixed-2' });
      expect((await store.update(study.id, { slug: 'fixed' })).slug).toBe('fixed');
      expect(renamed.slug).toBe('fixed-2');
    });
  });
});
