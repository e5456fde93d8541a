// The trash lists deleted studies newest edit first, whatever order the folder hands out
// their files in (ext4 returns names in hash order, other file systems in creation order).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';

describe('the trash list', () => {
  it('is newest edit first, not in the order the folder lists the files', async () => {
    await withTempDir(async (dir) => {
      const trash = path.join(dir, '.trash');
      await mkdir(trash);
      // Edit times shuffled against names and creation order: 8! orders, one of them right.
      const edits = [3, 7, 1, 6, 0, 4, 2, 5];
      for (const [n, edit] of edits.entries()) {
        const study = sampleStudy(edit, { id: `deleted-${n}`, slug: `deleted-${n}`, title: `Edited ${edit}` });
        await writeFile(path.join(trash, `deleted-${n}.json`), `${JSON.stringify(study, null, 2)}\n`);
      }
      const store = new StudyStore(dir);
      await store.open();
      expect((await store.listTrash()).map((s) => s.title)).toEqual(
        [7, 6, 5, 4, 3, 2, 1, 0].map((edit) => `Edited ${edit}`),
      );
    });
  });
});
