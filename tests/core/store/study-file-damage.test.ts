// Each kind of damage a study file can carry, as the author reads it in the quarantine list:
// the file is moved aside with a reason that says what is wrong, or (a file from a newer
// Casebook, a pipe) left in place; the healthy studies beside it stay listed.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { truncate, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { StudyStore } from '../../../src/core/node/study-store';
import type { QuarantineEntry } from '../../../src/core/node/quarantine';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile, writeStudy } from '../../helpers/study-files';

async function listWith(
  dir: string,
  bad: string,
): Promise<{ store: StudyStore; ids: string[]; quarantined: QuarantineEntry[] }> {
  await writeStudy(dir, sampleStudy(0));
  await writeFile(studyFile(dir, 'bad'), bad);
  const store = new StudyStore(dir);
  await store.open();
  const quarantined: QuarantineEntry[] = [];
  store.onQuarantine.push((entry) => quarantined.push(entry));
  return { store, ids: (await store.list()).map((s) => s.id), quarantined };
}

const study = sampleStudy(1, { id: 'bad', slug: 'bad' });

const damaged: Array<[string, string, string | RegExp]> = [
  ['holds only null', 'null', 'the file holds only null, not a Casebook document'],
  ['is a JSON array', JSON.stringify([study]), /^the content does not match the format: /],
  ['holds a bare number', '2', /^the content does not match the format: /],
  ['holds a bare string', '"schemaVersion"', /^the content does not match the format: /],
  ['claims its format as a string', JSON.stringify({ ...study, schemaVersion: '9' }), /^the content does not match/],
  [
    'claims an endless format',
    JSON.stringify(study).replace(`"schemaVersion":${STUDY_FORMAT}`, '"schemaVersion":1e999'),
    /match/,
  ],
];

describe('a damaged study file', () => {
  for (const [label, text, reason] of damaged) {
    it(`that ${label} is set aside with the reason`, async () => {
      await withTempDir(async (dir) => {
        const { store, ids, quarantined } = await listWith(dir, text);
        expect(ids).toEqual(['study-0']);
        expect(quarantined.map((q) => q.file)).toEqual(['studies/bad.json']);
        expect(quarantined[0]?.reason).toMatch(reason);
        expect(store.readOnlyReason).toBeNull();
        expect(existsSync(studyFile(dir, 'bad'))).toBe(false);
      });
    });
  }

  it('that is larger than any study is set aside, saying how large it is', async () => {
    await withTempDir(async (dir) => {
      await writeStudy(dir, sampleStudy(0));
      await writeFile(studyFile(dir, 'bad'), '{');
      await truncate(studyFile(dir, 'bad'), 17 * 1024 * 1024);
      const store = new StudyStore(dir);
      await store.open();
      const quarantined: QuarantineEntry[] = [];
      store.onQuarantine.push((entry) => quarantined.push(entry));
      expect((await store.list()).map((s) => s.id)).toEqual(['study-0']);
      expect(quarantined.map((q) => q.reason)).toEqual([
        'the file is too large (17.0 MB; Casebook reads files up to 16.0 MB)',
      ]);
    });
  });

  it('that claims a later format by number is left in place and makes the workspace read-only', async () => {
    await withTempDir(async (dir) => {
      const { store, ids, quarantined } = await listWith(
        dir,
        JSON.stringify({ ...study, schemaVersion: STUDY_FORMAT + 1 }),
      );
      expect(ids).toEqual(['study-0']);
      expect(quarantined).toEqual([]);
      expect(store.readOnlyReason).toContain(`format ${STUDY_FORMAT + 1}; this app reads format ${STUDY_FORMAT}`);
      expect(existsSync(studyFile(dir, 'bad'))).toBe(true);
    });
  });
});

describe('a named pipe called <id>.json', () => {
  // No named pipes on Windows.
  it.skipIf(process.platform === 'win32')(
    'is skipped with the reason, never opened (which would block) and never moved',
    async () => {
      await withTempDir(async (dir) => {
        await writeStudy(dir, sampleStudy(0));
        expect(spawnSync('mkfifo', [studyFile(dir, 'pipe')]).status).toBe(0);
        const store = new StudyStore(dir, { headReadFrom: 1 });
        await store.open();
        expect((await store.list()).map((s) => s.id)).toEqual(['study-0']);
        expect(store.skippedFiles()).toEqual([
          { file: 'studies/pipe.json', reason: 'it is a named pipe (FIFO), not a regular file' },
        ]);
        expect(existsSync(studyFile(dir, 'pipe'))).toBe(true);
      });
    },
  );
});
