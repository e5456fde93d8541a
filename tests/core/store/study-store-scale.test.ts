// A save in a large workspace touches its own study file only. Kept apart from the other store
// tests because building 5,000 files takes seconds (mutation runs leave this file out).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { withTempDir } from '../../helpers/temp-dir';
import { writeStudyFiles } from '../../helpers/study-files';

describe('a large workspace', () => {
  it('saving one study in a workspace of 5,000 writes exactly one file', async () => {
    await withTempDir(async (dir) => {
      await writeStudyFiles(dir, 5000);
      const service = await openWorkspace(dir);
      expect((await service.listStudies({})).length).toBe(5000);
      const studiesDir = path.join(dir, 'studies');
      const before = new Map<string, number>();
      for (const name of await readdir(studiesDir)) before.set(name, (await stat(path.join(studiesDir, name))).mtimeMs);
      await new Promise((r) => setTimeout(r, 20));
      await service.updateStudy({ id: 'study-1234', patch: { summary: 'changed' } });
      const changed: string[] = [];
      const names = await readdir(studiesDir);
      for (const name of names) {
        if ((await stat(path.join(studiesDir, name))).mtimeMs !== before.get(name)) changed.push(name);
      }
      expect(names.length).toBe(5000);
      expect(changed).toEqual(['study-1234.json']);
    });
  }, 120_000);
});
