// What the author is told when a study cannot be read for a reason that is not damage (the
// file system refuses the name), and that a workspace from a newer Casebook refuses even the
// first write of a store that has listed nothing yet.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
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
        JSON.stringify({ ...sampleStudy(1, { id: 'newer' }), schemaVersion: STUDY_FORMAT + 1 }),
      );
      const store = new StudyStore(dir);
      await store.open();
      await expect(store.create({ title: 'Must not be written' })).rejects.toMatchObject({ code: 'read_only' });
      expect(await store.list()).toEqual([]);
    });
  });
});

describe('a damaged study that cannot be moved aside', () => {
  it('is skipped with both reasons and left in place, then set aside once the quarantine folder can be made', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'studies'));
      await writeFile(studyFile(dir, 'ok'), JSON.stringify(sampleStudy(1, { id: 'ok', slug: 'ok' })));
      await writeFile(studyFile(dir, 'broken'), '{ "schemaVersion": 1, oops');
      await writeFile(path.join(dir, '.quarantine'), 'a file where the folder belongs');
      const store = new StudyStore(dir);
      await store.open();
      const quarantined: string[] = [];
      store.onQuarantine.push((entry) => quarantined.push(entry.file));
      expect((await store.list()).map((s) => s.id)).toEqual(['ok']);
      const [skipped] = store.skippedFiles();
      expect(skipped?.file).toBe('studies/broken.json');
      expect(skipped?.reason).toMatch(/^the file is not valid JSON \(.*\) \(could not move it aside: .+\)$/);
      expect(existsSync(studyFile(dir, 'broken'))).toBe(true);
      expect(quarantined).toEqual([]);

      await rm(path.join(dir, '.quarantine'));
      expect((await store.list()).map((s) => s.id)).toEqual(['ok']);
      expect(quarantined).toEqual(['studies/broken.json']);
      expect(store.skippedFiles()).toEqual([]);
      expect(existsSync(studyFile(dir, 'broken'))).toBe(false);
    });
  });
});
