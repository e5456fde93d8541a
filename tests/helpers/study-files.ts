// Valid study files written straight to disk, as a user's git checkout or sync folder would
// leave them: to seed a workspace before the app or server opens it, to build large
// workspaces quickly, or to change a study "from outside" while it is open.
import { STUDY_FORMAT } from '../../src/core/pure/schemas/study-fields';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyDoc } from '../../src/core/pure/schemas/rich-text';
import { studySchema, type Study } from '../../src/core/pure/schemas/study';

export function sampleStudy(n: number, overrides: Partial<Study> = {}): Study {
  const stamp = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  const doc = {
    type: 'doc' as const,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: `Study ${n} body text.` }] }],
  };
  return {
    schemaVersion: STUDY_FORMAT,
    id: `study-${n}`,
    slug: `study-${n}`,
    title: `Study ${n}`,
    summary: `Summary ${n}`,
    status: 'draft',
    outcome: null,
    categories: [],
    tags: [],
    featured: false,
    metrics: [],
    authors: [],
    cover: null,
    language: null,
    conflictCount: 0,
    conflicts: [],
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

/** The path of study `id`'s file in a workspace. */
export function studyFile(workspace: string, id: string): string {
  return path.join(workspace, 'studies', `${id}.json`);
}

/** sampleStudy(n) whose lessons are one paragraph of `text` (a word to search it by). */
export const withLessons = (n: number, text: string): Study =>
  sampleStudy(n, { lessons: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } });

/** An hour ago: older than the caches' racy window, like any file not just saved. */
export const anHourAgo = (): Date => new Date(Date.now() - 3_600_000);

/** Writes `study` with its file's times set to `when` (a file that has been there a while). */
export async function writeStudyDated(workspace: string, study: Study, when: Date): Promise<void> {
  await writeStudy(workspace, study);
  await utimes(studyFile(workspace, study.id), when, when);
}

/** Writes `study` as Casebook does (pretty-printed, newline-terminated); returns its file. */
export async function writeStudy(workspace: string, study: Study): Promise<string> {
  const file = studyFile(workspace, study.id);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(study, null, 2)}\n`);
  return file;
}

/**
 * A study with this id (also its slug) and title, edited now: empty sections and no summary
 * unless `fields` fills them in. Validated, so a seed is always a study the app can open.
 */
export async function writeStudyFile(
  workspace: string,
  id: string,
  title: string,
  fields: Partial<Study> = {},
): Promise<Study> {
  const now = new Date().toISOString();
  const study = studySchema.parse(
    sampleStudy(0, {
      id,
      slug: id,
      title,
      summary: '',
      problem: emptyDoc(),
      createdAt: now,
      updatedAt: now,
      ...fields,
    }),
  );
  await writeStudy(workspace, study);
  return study;
}

/** `count` sample studies, study-0 … study-<count - 1>. */
export async function writeStudyFiles(workspace: string, count: number): Promise<void> {
  for (let n = 0; n < count; n++) await writeStudy(workspace, sampleStudy(n));
}
