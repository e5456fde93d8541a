// A study file from a newer Casebook makes the whole workspace read-only. A process whose
// first call writes (the server's first request, a CLI command) must hear so too: the
// settings and assets are refused before the studies were ever listed, not only after.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { dispatchingApi } from '../../../src/core/pure/dispatch';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile } from '../../helpers/study-files';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605a10000000049454e44ae426082',
  'hex',
);

describe('read-only from a newer study file, on the first call', () => {
  const calls: Array<[string, (api: ReturnType<typeof dispatchingApi>) => Promise<unknown>]> = [
    ['addCategory', (api) => api.addCategory({ name: 'Ops' })],
    ['updateSite', (api) => api.updateSite({ patch: { title: 'Mine now' } })],
    [
      'saveAsset',
      (api) => api.saveAsset({ fileName: 'a.png', mediaType: 'image/png', dataBase64: PNG.toString('base64') }),
    ],
  ];
  for (const [name, call] of calls) {
    it(`${name} is refused and writes nothing`, () =>
      withTempDir(async (dir) => {
        await openWorkspace(dir); // a workspace of this format
        await writeFile(
          studyFile(dir, 'future'),
          JSON.stringify({ ...sampleStudy(1), id: 'future', schemaVersion: STUDY_FORMAT + 1 }),
        );
        const settings = await readFile(path.join(dir, 'casebook.json'), 'utf8');
        const api = dispatchingApi(await openWorkspace(dir));
        await expect(call(api)).rejects.toMatchObject({ code: 'read_only' });
        expect(await readFile(path.join(dir, 'casebook.json'), 'utf8')).toBe(settings);
        expect(await readdir(path.join(dir, 'assets'))).toEqual([]);
      }));
  }
});
