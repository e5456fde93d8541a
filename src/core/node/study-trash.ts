// The versions of deleted studies in .trash/. The trash never loses a version: deleting a
// study whose id is already in the trash (a re-imported study deleted again) keeps both. The
// newest version is `.trash/<id>.json`; an older one is renamed `<id>@<when>-<hex>.json`
// (<when> is when it was displaced, so later names sort after earlier ones). The trash lists
// each id once, by its newest version; restoring or purging it takes that version, and the
// next older one then stands for the id. Any set of these names (a crash between two renames,
// a hand-made copy) is read the same way.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CasebookError } from '../pure/errors';
import { lstatOrNull } from './regular-file';
import { toSummary, type Study, type StudySummary } from '../pure/schemas/study';
import { byNewestEdit } from '../pure/study-order';
import type { StudyFileReader } from './study-file-reader';

const VERSION_MARK = '@';

/** Trash file names grouped by study id, each group newest first. */
export async function trashVersions(trashDir: string): Promise<Map<string, string[]>> {
  let names: string[];
  try {
    names = await fsp.readdir(trashDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  const byId = new Map<string, string[]>();
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const base = name.slice(0, -'.json'.length);
    const at = base.indexOf(VERSION_MARK);
    const id = at < 0 ? base : base.slice(0, at);
    if (!id) continue;
    const list = byId.get(id) ?? [];
    list.push(name);
    byId.set(id, list);
  }
  for (const list of byId.values()) list.sort(newestFirst);
  return byId;
}

/** The file names of one study's versions in the trash, newest first. */
export async function versionsOf(trashDir: string, id: string): Promise<string[]> {
  return (await trashVersions(trashDir)).get(id) ?? [];
}

/** `<id>.json` first, then older versions by the time they were displaced, latest first. */
function newestFirst(a: string, b: string): number {
  const current = (n: string): boolean => !n.includes(VERSION_MARK);
  if (current(a) !== current(b)) return current(a) ? -1 : 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: names in one folder are never equal, and V8's sort tells only order < 0 from >= 0
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * Makes room for a newly deleted version of `id`: renames an existing `.trash/<id>.json` to a
 * versioned name. Returns the new name, or null when there was nothing to move.
 */
export async function keepTrashedVersion(trashDir: string, id: string): Promise<string | null> {
  const current = path.join(trashDir, `${id}.json`);
  const when = new Date().toISOString().replace(/[-:.]/g, '');
  const name = `${id}${VERSION_MARK}${when}-${randomBytes(3).toString('hex')}.json`;
  try {
    await fsp.rename(current, path.join(trashDir, name));
    return name;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The trash folder as the store uses it: versions read through the store's file reader. */
export class StudyTrash {
  constructor(
    readonly dir: string,
    private readonly reader: StudyFileReader,
  ) {}

  /** Each deleted study once, by its newest readable version. */
  async list(): Promise<StudySummary[]> {
    const studies: StudySummary[] = [];
    const versions = await trashVersions(this.dir);
    // What was noted about versions no longer there (a skipped link since removed) is dropped.
    this.reader.forgetGone(path.basename(this.dir), new Set([...versions.values()].flat()));
    for (const id of versions.keys()) {
      const found = await this.newest(id);
      if (found) studies.push(toSummary(found.study));
    }
    return studies.sort(byNewestEdit);
  }

  /** The newest version of `id` that reads as that study (damage is set aside, links skipped). */
  async newest(id: string): Promise<{ file: string; study: Study } | null> {
    for (const name of await versionsOf(this.dir, id)) {
      const file = path.join(this.dir, name);
      const study = await this.reader.read(file, id);
      if (study) return { file, study };
    }
    return null;
  }

  /** Moves a study file in as the newest version of `id`, keeping the one there. */
  async put(id: string, file: string): Promise<void> {
    await keepTrashedVersion(this.dir, id);
    await fsp.rename(file, path.join(this.dir, `${id}.json`));
  }

  /** Deletes the newest version of `id` for good; older versions stay. */
  async purgeNewest(id: string): Promise<void> {
    const [newest] = await versionsOf(this.dir, id);
    const file = newest === undefined ? null : path.join(this.dir, newest);
    if (!file || !lstatOrNull(file)?.isFile())
      throw new CasebookError('not_found', `No deleted case study with id "${id}" in the trash.`);
    await fsp.rm(file);
  }
}
