// A read-only workspace (its casebook.json from a newer Casebook) is not
// written by reading it: a study file this version cannot read is reported, left in place,
// never moved to .quarantine/ (the newer Casebook may read it; git would see it deleted).
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { dispatchingApi } from '../../../src/core/pure/dispatch';
import { withTempDir } from '../../helpers/temp-dir';
import { studyFile } from '../../helpers/study-files';

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
});
