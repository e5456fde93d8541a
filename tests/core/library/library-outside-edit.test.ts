// A study file edited outside the app without its updatedAt changing (by hand, by a tool that
// keeps the field, or written while the background reading had already read it): the next
// list reads it again, so a search finds its new words and not its old ones.
import { utimes } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { found, indexedWorkspaces } from '../../helpers/indexed-workspace';
import { studyFile, writeStudy, withLessons } from '../../helpers/study-files';

const { inWorkspace, open } = indexedWorkspaces(5);

describe('a study edited outside the app with the same updatedAt', () => {
  it('is read again at the next list: its new words are found, its old ones are not', async () => {
    await inWorkspace(async (dir) => {
      const service = await open(dir);
      service.warmUp();
      await service.checkCounts({}); // every study read in full and indexed
      expect(await found(service, 'zeta2q')).toEqual(['study-2']);

      await writeStudy(dir, withLessons(2, 'Lessons of quetzal.')); // sampleStudy(2): the same updatedAt
      const later = new Date(Date.now() + 5_000); // a stamp surely other than the first write's
      await utimes(studyFile(dir, 'study-2'), later, later);

      await service.checkCounts({}); // lists again and reads what changed
      expect(await found(service, 'quetzal')).toEqual(['study-2']);
      expect(await found(service, 'zeta2q')).toEqual([]);
      expect(await found(service, 'zeta3q')).toEqual(['study-3']);
    });
  });
});
