// The study files of a folder, as the store sees them: names, ids and the stamp (mtime and
// size) that says a file is unchanged since it was read.
import { promises as fsp } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const STUDIES_DIR = 'studies';
export const TRASH_DIR = '.trash';

/** Where a workspace keeps its studies, its trash, and the file of one study. */
export class StudyPaths {
  constructor(readonly workspace: string) {}

  get studiesDir(): string {
    return path.join(this.workspace, STUDIES_DIR);
  }
  get trashDir(): string {
    return path.join(this.workspace, TRASH_DIR);
  }
  fileFor(id: string): string {
    return path.join(this.studiesDir, `${id}.json`);
  }
}

/** What says a file is unchanged since the index read it: its mtime and size. */
export type FileStamp = { mtimeMs: number; size: number };

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/** The stamp alone (a Stats object holds much more, which an index entry must not keep). */
export function stampOf({ mtimeMs, size }: FileStamp): FileStamp {
  return { mtimeMs, size };
}

export function idOf(fileName: string): string {
  return fileName.slice(0, -'.json'.length);
}

/**
 * Study file names in a folder; none when the folder does not exist (a read-only workspace).
 * Names starting with a dot are Casebook's own (temp and lock files) or hidden: never studies.
 */
export async function jsonFilesIn(dir: string): Promise<string[]> {
  try {
    return (await fsp.readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export function newStudyId(): string {
  // Time-ordered prefix keeps files sorted by creation in a folder listing.
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

// The one pool (its failure rule: finish what is in flight, then throw), for the store's callers.
export { inPool } from '../pure/work-pool';
