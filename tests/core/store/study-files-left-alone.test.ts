// Study files the store does not use, as the author is told about them: a file from a newer
// Casebook makes the workspace read-only and names the files; an entry that is not a regular
// file is skipped with the reason; and once such files are gone the workspace is usable again.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile, writeStudy } from '../../helpers/study-files';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function openStore(dir: string): Promise<StudyStore> {
  const store = new StudyStore(dir);
  await store.open();
  return store;
}

describe('study files from a newer Casebook', () => {
  it('name the first three files and the highest format, and refuse every write', async () => {
    await withTempDir(async (dir) => {
      await writeStudy(dir, sampleStudy(0));
      const versions = [5, 4, 3, 2, 1].map((later) => STUDY_FORMAT + later);
      for (const [n, version] of versions.entries())
        await writeFile(
          studyFile(dir, `new-${n}`),
          pretty({ ...sampleStudy(n + 1, { id: `new-${n}` }), schemaVersion: version }),
        );
      const store = await openStore(dir);
      expect((await store.list()).map((s) => s.id)).toEqual(['study-0']);
      // Which three are named depends on the order the folder was read in.
      const reason = store.readOnlyReason ?? '';
      const named = new RegExp(
        `\\(format ${STUDY_FORMAT + 5}; this app reads format ${STUDY_FORMAT}\\): (.*) and 2 more\\. The workspace is open read-only so nothing is rewritten; update Casebook to edit it\\.$`,
      ).exec(reason);
      expect(reason.startsWith('Some case studies were written by a newer version of Casebook ')).toBe(true);
      const files = named?.[1]?.split(', ') ?? [];
      expect(files).toHaveLength(3);
      for (const file of files) expect(file).toMatch(/^studies\/new-[0-4]\.json$/);
      await expect(store.get('new-1')).rejects.toMatchObject({
        code: 'read_only',
        message: `This case study was written by a newer version of Casebook (format ${STUDY_FORMAT + 4}); update Casebook to open it. The file is left untouched.`,
      });
      await expect(store.create({ title: 'x' })).rejects.toMatchObject({ code: 'read_only' });
      await expect(store.update('study-0', { summary: 'x' })).rejects.toMatchObject({ code: 'read_only' });
      await expect(store.delete('study-0')).rejects.toMatchObject({ code: 'read_only' });
      for (let n = 0; n < versions.length; n++) expect(existsSync(studyFile(dir, `new-${n}`))).toBe(true);
    });
  });

  it('three files are named without "more"', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'studies'));
      for (let n = 0; n < 3; n++)
        await writeFile(
          studyFile(dir, `new-${n}`),
          pretty({ ...sampleStudy(n, { id: `new-${n}` }), schemaVersion: STUDY_FORMAT + 1 }),
        );
      const store = await openStore(dir);
      const reason = (await store.readOnlyReasonListed()) ?? '';
      const named =
        new RegExp(
          `\\(format ${STUDY_FORMAT + 1}; this app reads format ${STUDY_FORMAT}\\): (.*)\\. The workspace`,
        ).exec(reason)?.[1] ?? '';
      expect(named.split(', ').sort()).toEqual(['studies/new-0.json', 'studies/new-1.json', 'studies/new-2.json']);
    });
  });

  it('once they are gone (Casebook updated them away, a git checkout), the workspace can be written again', async () => {
    await withTempDir(async (dir) => {
      await writeStudy(dir, sampleStudy(0));
      await writeFile(
        studyFile(dir, 'newer'),
        pretty({ ...sampleStudy(1, { id: 'newer' }), schemaVersion: STUDY_FORMAT + 1 }),
      );
      const store = await openStore(dir);
      expect(await store.readOnlyReasonListed()).toMatch(/newer version/);
      await rm(studyFile(dir, 'newer'));
      await store.list();
      expect(store.readOnlyReason).toBeNull();
      expect((await store.update('study-0', { summary: 'written' })).summary).toBe('written');
    });
  });
});

describe('entries that are not study files', () => {
  it('are skipped with the reason, in name order, and get() says why the study cannot be opened', async () => {
    await withTempDir(async (dir) => {
      await writeStudy(dir, sampleStudy(0));
      await mkdir(studyFile(dir, 'b-folder'));
      await symlink(studyFile(dir, 'study-0'), studyFile(dir, 'a-link'));
      const store = await openStore(dir);
      expect((await store.list()).map((s) => s.id)).toEqual(['study-0']);
      expect(store.skippedFiles()).toEqual([
        {
          file: 'studies/a-link.json',
          reason:
            'it is a symbolic link; Casebook does not follow links in a workspace (replace it with the file itself)',
        },
        { file: 'studies/b-folder.json', reason: 'it is a folder, not a regular file' },
      ]);
      await expect(store.get('b-folder')).rejects.toMatchObject({
        code: 'not_found',
        message: 'studies/b-folder.json cannot be opened: it is a folder, not a regular file. It is left where it is.',
      });
      await expect(store.get('nothing')).rejects.toMatchObject({
        code: 'not_found',
        message: 'No case study with id "nothing" (it may have been deleted or quarantined).',
      });
      expect(store.readOnlyReason).toBeNull();
      expect(existsSync(studyFile(dir, 'a-link'))).toBe(true);
    });
  });

  it('are no longer reported once removed', async () => {
    await withTempDir(async (dir) => {
      await mkdir(studyFile(dir, 'folder'), { recursive: true });
      const store = await openStore(dir);
      await store.list();
      expect(store.skippedFiles().map((s) => s.file)).toEqual(['studies/folder.json']);
      await rm(studyFile(dir, 'folder'), { recursive: true });
      await store.list();
      expect(store.skippedFiles()).toEqual([]);
    });
  });

  it('a skipped entry replaced by a valid study file is listed and no longer reported', async () => {
    await withTempDir(async (dir) => {
      await mkdir(studyFile(dir, 'study-4'), { recursive: true });
      const store = await openStore(dir);
      await store.list();
      await rm(studyFile(dir, 'study-4'), { recursive: true });
      await writeStudy(dir, sampleStudy(4));
      expect((await store.list()).map((s) => s.id)).toEqual(['study-4']);
      expect(store.skippedFiles()).toEqual([]);
    });
  });

  it('names that start with a dot or do not end in .json are not studies', async () => {
    await withTempDir(async (dir) => {
      await writeStudy(dir, sampleStudy(0));
      await writeFile(path.join(dir, 'studies', '.hidden.json'), pretty(sampleStudy(1, { id: '.hidden' })));
      await writeFile(path.join(dir, 'studies', 'notes.txt'), 'not a study');
      const store = await openStore(dir);
      expect((await store.list()).map((s) => s.id)).toEqual(['study-0']);
      expect(store.skippedFiles()).toEqual([]);
      expect(existsSync(path.join(dir, 'studies', 'notes.txt'))).toBe(true);
    });
  });
});
