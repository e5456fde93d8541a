// Reading studies out of the repository: a study file's title for messages, and a whole study
// as it was at a commit (validated and upgraded like a file on disk: it came through git).
import git from 'isomorphic-git';
import { studyFileSchema } from '../../pure/schemas/study-migrations';
import type { Study } from '../../pure/schemas/study';
import { STUDY_FORMAT } from '../../pure/schemas/study-fields';
import { parseJsonFile } from '../json-file';
import { gitFs } from './git-fs';

const STUDY_PATH = /^studies\/([^/]+)\.json$/;

/** The study id a workspace path is the file of, or null. */
export const studyIdOfPath = (p: string): string | null => STUDY_PATH.exec(p)?.[1] ?? null;
export const studyPath = (id: string): string => `studies/${id}.json`;

export async function readBlobBytes(gitdir: string, oid: string, cache: object = {}): Promise<Uint8Array> {
  return (await git.readBlob({ fs: gitFs, gitdir, oid, cache })).blob;
}

/** The title in a study file's bytes (or its blob), null when the path is no study or unreadable. */
export async function studyTitleOf(
  gitdir: string,
  p: string,
  oid: string,
  bytes?: Uint8Array | null,
): Promise<string | null> {
  if (!studyIdOfPath(p)) return null;
  try {
    const json: unknown = JSON.parse(Buffer.from(bytes ?? (await readBlobBytes(gitdir, oid))).toString('utf8'));
    const title = typeof json === 'object' && json !== null ? (json as { title?: unknown }).title : null;
    return typeof title === 'string' ? title : null;
  } catch {
    return null;
  }
}

/** A study from a blob, checked and upgraded as the store reads files (throws InvalidFileError). */
export function studyFromBytes(p: string, bytes: Uint8Array): Study {
  return parseJsonFile(p, bytes, studyFileSchema, STUDY_FORMAT);
}
