// A workspace open read-only (a file from a newer Casebook) is not written by any call the
// contract does not mark `mutates`: exporting it writes the output folder, never the workspace.
import { STUDY_FORMAT } from '../../../src/core/pure/schemas/study-fields';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { dispatchingApi } from '../../../src/core/pure/dispatch';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy, studyFile } from '../../helpers/study-files';

async function listing(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

describe('read-only workspace and export', () => {
  it('exports a workspace holding a study from a newer Casebook without writing into the workspace', () =>
    withTempDir(async (dir) => {
      const ws = path.join(dir, 'ws');
      const api0 = dispatchingApi(await openWorkspace(ws));
      await api0.createStudy({ title: 'Mine' });
      const study = sampleStudy(1, { status: 'published' });
      await writeFile(studyFile(ws, study.id), JSON.stringify(study, null, 2));
      await writeFile(
        studyFile(ws, 'future'),
        JSON.stringify({ ...sampleStudy(2), id: 'future', schemaVersion: STUDY_FORMAT + 1 }),
      );
      await mkdir(path.join(dir, 'out'));
      const api = dispatchingApi(await openWorkspace(ws));
      await api.listStudies({});
      const info = await api.getWorkspaceInfo({});
      expect(info.readOnly).toBe(true);
      const before = await listing(ws);
      const report = await api.exportWorkspace({
        format: 'site',
        outDir: path.join(dir, 'out'),
        drafts: false,
        allowErrors: true,
      });
      expect(report.studies).toBe(1);
      expect(await listing(ws)).toEqual(before);
    }));
});
