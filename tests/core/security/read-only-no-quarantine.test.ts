// A read-only workspace (its casebook.json, or a study file, from a newer Casebook) is not
// written by reading it: a study file this version cannot read is reported, left in place,
// never moved to .quarantine/ (the newer Casebook may read it; git would see it deleted).
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { dispatchingApi } from '../../../src/core/pure/dispatch';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile } from '../../helpers/study-files';

describe('reading a read-only workspace moves nothing', () => {
  it('leaves a damaged study file in place when casebook.json is from a newer Casebook', () =>
    withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'studies'), { recursive: true });
      await writeFile(path.join(dir, 'casebook.json'), JSON.stringify({ schemaVersion: 99, site: {} }));
      await writeFile(studyFile(dir, 'x'), '{"schemaVersion":1,"id":"x"}');
      const api = dispatchingApi(await openWorkspace(dir));
      expect(await api.listStudies({ verify: true })).toEqual([]);
      expect((await readdir(dir)).sort()).toEqual(['casebook.json', 'studies']);
      expect(await readdir(path.join(dir, 'studies'))).toEqual(['x.json']);
      const info = await api.getWorkspaceInfo({});
      expect(info.skipped).toEqual([{ file: 'studies/x.json', reason: expect.stringMatching(/read-only/) }]);
    }));

  it('leaves a damaged study file in place once a study file from a newer Casebook was seen', () =>
    withTempDir(async (dir) => {
      await openWorkspace(dir);
      await writeFile(
        studyFile(dir, 'a-future'),
        JSON.stringify({ ...sampleStudy(1), id: 'a-future', schemaVersion: 2 }),
      );
      await writeFile(studyFile(dir, 'b-damaged'), '{"schemaVersion":1,"id":"b-damaged"}');
      const api = dispatchingApi(await openWorkspace(dir));
      await api.listStudies({ verify: true });
      expect((await readdir(path.join(dir, 'studies'))).filter((n) => n.endsWith('.json')).sort()).toEqual([
        'a-future.json',
        'b-damaged.json',
      ]);
    }));
});
