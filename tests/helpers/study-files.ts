// Writes valid study files straight to disk, to build large workspaces quickly.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyDoc } from '../../src/core/pure/schemas/rich-text';
import type { Study } from '../../src/core/pure/schemas/study';

export function sampleStudy(n: number, overrides: Partial<Study> = {}): Study {
  const stamp = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  const doc = {
    type: 'doc' as const,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: `Study ${n} body text.` }] }],
  };
  return {
    schemaVersion: 1,
    id: `study-${n}`,
    slug: `study-${n}`,
    title: `Study ${n}`,
    summary: `Summary ${n}`,
    status: 'draft',
    outcome: null,
    categories: [],
    tags: [],
    featured: false,
    date: null,
    createdAt: stamp,
    updatedAt: stamp,
    problem: doc,
    decisions: emptyDoc(),
    tradeoffs: emptyDoc(),
    lessons: emptyDoc(),
    ...overrides,
  };
}

export async function writeStudyFiles(workspace: string, count: number): Promise<void> {
  const dir = path.join(workspace, 'studies');
  await mkdir(dir, { recursive: true });
  for (let n = 0; n < count; n++) {
    await writeFile(path.join(dir, `study-${n}.json`), `${JSON.stringify(sampleStudy(n), null, 2)}\n`);
  }
}
