// The files a workspace skips (links, FIFOs) are reported in path order, not in the order they
// turned up: the list the author sees stays put from one look to the next.
import { symlink } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { studyFile, writeStudyFiles } from '../../helpers/study-files';

describe('skipped files', () => {
  it('are listed in path order, whichever was found first', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 1);
      const store = new StudyStore(dir);
      await store.open();
      // Skipped at separate lists: "b-link" is noted before "a-link" exists.
      await symlink(studyFile(dir, 'study-0'), studyFile(dir, 'b-link'));
      expect((await store.list()).map((s) => s.id)).toEqual(['study-0']);
      await symlink(studyFile(dir, 'study-0'), studyFile(dir, 'a-link'));
      expect((await store.list()).map((s) => s.id)).toEqual(['study-0']);
      expect(store.skippedFiles().map((s) => s.file)).toEqual(['studies/a-link.json', 'studies/b-link.json']);
    });
  });
});
