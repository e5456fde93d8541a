// Study files written straight into a workspace before the server starts, as a user's
// git checkout or sync folder would leave them.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyDoc } from '../../src/core/pure/schemas/rich-text';
import { studySchema, type Study } from '../../src/core/pure/schemas/study';
import { sampleStudy } from '../helpers/study-files';

export async function writeStudyFile(workspace: string, id: string, title: string): Promise<Study> {
  const now = new Date().toISOString();
  const study = studySchema.parse(
    sampleStudy(0, { id, slug: id, title, summary: '', problem: emptyDoc(), createdAt: now, updatedAt: now }),
  );
  await mkdir(path.join(workspace, 'studies'), { recursive: true });
  await writeFile(path.join(workspace, 'studies', `${id}.json`), `${JSON.stringify(study, null, 2)}\n`);
  return study;
}
