// What the author is told when a study cannot be read for a reason that is not damage (the
// file system refuses the name), and that a workspace from a newer Casebook refuses even the
// first write of a store that has listed nothing yet.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile } from '../../helpers/study-files';

describe('a study the file system cannot read', () => {
  it('is not found, with the system error named, and the store keeps working', async () => {
    await withTempDir(async (dir) => {
      const store = new StudyStore(dir);
      await store.open();
      const id = 'x'.repeat(300); // longer than any file name may be
      await expect(store.get(id)).rejects.toMatchObject({
        code: 'not_found',
        message: `studies/${id}.json cannot be opened: it could not be read (ENAMETOOLONG). It is left where it is.`,
      });
      const study = await store.create({ title: 'Still fine' });
      expect((await store.get(study.id)).title).toBe('Still fine');
    });
  });
});

describe('the first write of a store', () => {
  it('is refused in a workspace holding a study from a newer Casebook, before anything was listed', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'studies'));
      await writeFile(
        studyFile(dir, 'newer'),
        JSON.stringify({ ...sampleStudy(1, { id: 'newer' }), schemaVersion: 3 }),
      );
      const store = new StudyStore(dir);
      await store.open();
      await expect(store.create({ title: 'Must not be written' })).rejects.toMatchObject({ code: 'read_only' });
      expect(await store.list()).toEqual([]);
    });
  });
});
