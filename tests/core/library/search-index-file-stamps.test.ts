// What a reopen takes from the full-text index file, study by study: only a study whose file
// has the very mtime and size the index recorded (either one changed: read again), and its
// publish-check counts only when they were counted under the same settings (then no study file
// is read for its badge).
import { readFile, writeFile, utimes } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MIN_STUDIES_FOR_CACHE } from '../../../src/core/node/library-on-disk';
import { found, indexedWorkspaces, past } from '../../helpers/indexed-workspace';
import { studyFile } from '../../helpers/study-files';

const { inWorkspace, openAndQuit } = indexedWorkspaces(MIN_STUDIES_FOR_CACHE + 5);

/** Rewrites a study file in place, its text replaced; its times set to `when`. */
async function editInPlace(dir: string, id: string, from: string, to: string, when: Date): Promise<void> {
  const file = studyFile(dir, id);
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
  await utimes(file, when, when);
}

describe('a reopen from the index file', () => {
  it('reads again a study whose file has another mtime at the same size', async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      await editInPlace(dir, 'study-7', 'zeta7q', 'omeg7q', new Date(past.getTime() + 5_000));
      const again = await openAndQuit(dir);
      expect(await found(again, 'omeg7q')).toEqual(['study-7']);
      expect(await found(again, 'zeta7q')).toEqual([]);
    });
  });

  it('reads again a study whose file has another size at the same mtime', async () => {
    await inWorkspace(async (dir) => {
      await openAndQuit(dir);
      await editInPlace(dir, 'study-8', 'zeta8q', 'omega8q', past);
      const again = await openAndQuit(dir);
      expect(await found(again, 'omega8q')).toEqual(['study-8']);
      expect(await found(again, 'zeta8q')).toEqual([]);
    });
  });

  it('takes the badge counts from the file under the same settings, reading no study for them', async () => {
    await inWorkspace(async (dir) => {
      const first = await openAndQuit(dir);
      const before = (await first.checkCounts({}))['study-5'];
      // A blank title of the same length, same mtime: only a read of the file would count its error.
      await editInPlace(dir, 'study-5', '"title": "Study 5"', '"title": "       "', past);
      const again = await openAndQuit(dir);
      expect((await again.checkCounts({}))['study-5']).toEqual(before);
      // Read (its mtime moved), the blank title is an error more.
      await utimes(studyFile(dir, 'study-5'), new Date(past.getTime() + 5_000), new Date(past.getTime() + 5_000));
      const read = await openAndQuit(dir);
      expect((await read.checkCounts({}))['study-5']!.errors).toBe(before!.errors + 1);
    });
  });
});
