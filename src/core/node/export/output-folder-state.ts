// What is in the output folder before an export writes: whether it may be written at all
// (missing, empty, or a previous export of the format), what each path holds, and which
// folders on the way are links. And the empty folders an export leaves behind. Part of the
// export writer (output-writer.ts).
import { promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';
import { CasebookError } from '../../pure/errors';
import { readMarker, type Marker } from './export-marker';
import { inBatches } from '../../pure/export/in-batches';
import { tempFileTarget } from '../atomic-write';
import type { ExportFormat } from '../../pure/export/output-files';
import { EXPORT_MARKER } from './output-paths';

export function refuse(message: string): never {
  throw new CasebookError('invalid_input', message);
}

export async function lstatOrNull(file: string): Promise<Stats | null> {
  try {
    return await fsp.lstat(file);
  } catch (err) {
    // ENOTDIR: a parent is a file; checkOnDisk refuses that with a clear message.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw err;
  }
}

/**
 * What the folder holds: nothing, or a previous export of this format. Anything else is
 * refused — also a marker that is empty or not a marker, unless the folder holds nothing
 * else (then nothing can be lost). The marker's own temp files (an export killed while
 * writing it) do not count.
 */
export async function previousExport(root: string, format: ExportFormat): Promise<Marker | null> {
  const stat = await lstatOrNull(root);
  if (!stat) return null;
  if (!stat.isDirectory()) refuse(`${root} is a file, not a folder; choose a folder to export into`);
  const entries = await fsp.readdir(root);
  const others = entries.filter((e) => e !== EXPORT_MARKER && tempFileTarget(e) !== EXPORT_MARKER);
  const marker = entries.includes(EXPORT_MARKER) ? await readMarker(root) : null;
  if (marker && marker !== 'invalid') {
    if (marker.format !== format) {
      refuse(`${root} holds a previous ${marker.format} export; choose an empty folder for the ${format} export`);
    }
    return marker;
  }
  if (others.length === 0) return null;
  if (marker === 'invalid') {
    refuse(
      `${root} is not empty and its ${EXPORT_MARKER} is not a marker Casebook wrote (empty or damaged), so Casebook cannot tell which files are its own; choose an empty folder, or move the folder's files away first`,
    );
  }
  return refuse(
    `${root} is not empty and was not made by a Casebook export; choose an empty folder or a previous export`,
  );
}

/**
 * Looks up every folder on the way to each path and each path itself. A folder that is a
 * link (wherever it leads) or a file is refused when the export writes below it, and makes
 * a stale file below it "kept"; a folder where a file goes is refused. Runs before anything
 * is written. Returns what each path holds now (null: nothing), and the stale paths that
 * cannot be reached without following a link.
 */
export async function checkOnDisk(
  root: string,
  writes: string[],
  stale: string[],
): Promise<{ found: Map<string, Stats | null>; unreachable: Set<string> }> {
  const dirsOf = (rel: string) => {
    // Stryker disable next-line ArrayDeclaration: a folder name that is no path finds nothing, which is no bad folder
    const dirs: string[] = [];
    for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) dirs.push(dir);
    return dirs;
  };
  const all = [...writes, ...stale];
  const dirs = new Set(all.flatMap(dirsOf));
  const stats = new Map<string, Stats | null>();
  // Folders shallow first, then files: below a folder that is not there nothing is (a first
  // export into a new folder asks about its few folders, not its thousands of files).
  const depth = (rel: string) => rel.split('/').length;
  const levels = new Map<number, string[]>();
  for (const dir of dirs) {
    const level = levels.get(depth(dir));
    if (level) level.push(dir);
    else levels.set(depth(dir), [dir]);
  }
  const look = async (list: string[]) =>
    inBatches(list, async (rel) => {
      const parent = path.posix.dirname(rel);
      stats.set(rel, parent !== '.' && stats.get(parent) === null ? null : await lstatOrNull(path.join(root, rel)));
    });
  for (const level of [...levels.keys()].sort((a, b) => a - b)) await look(levels.get(level)!);
  await look(all);
  const badDir = (dir: string): string | null => {
    const stat = stats.get(dir);
    if (!stat || stat.isDirectory()) return null;
    return stat.isSymbolicLink()
      ? `${dir} in the output folder is a link; Casebook does not write through links. Remove the link or choose another folder`
      : `${dir} in the output folder is a file, but the export needs a folder there`;
  };
  const shallowFirst = (list: string[]) => [...list].sort((a, b) => a.split('/').length - b.split('/').length);
  for (const rel of writes) {
    for (const dir of shallowFirst(dirsOf(rel))) {
      const why = badDir(dir);
      if (why) refuse(why);
    }
    if (stats.get(rel)?.isDirectory())
      refuse(`${rel} in the output folder is a folder, but the export needs a file there`);
  }
  const unreachable = new Set(stale.filter((rel) => dirsOf(rel).some((dir) => badDir(dir) !== null)));
  return { found: new Map(all.map((rel) => [rel, stats.get(rel) ?? null])), unreachable };
}

/**
 * Removes each of `dirs` and then its parents while they are empty, stopping at the output
 * folder. In any order: a folder left because another was still in it is tried again when
 * that one goes.
 */
export async function removeEmptyFolders(root: string, dirs: Set<string>): Promise<void> {
  for (let rel of dirs) {
    // Stryker disable next-line StringLiteral: the output folder itself is never empty here (it holds the marker)
    while (rel !== '.') {
      try {
        await fsp.rmdir(path.join(root, rel)); // fails (and stops) when not empty
        // Stryker disable next-line BlockStatement: going on upwards removes nothing more, as no folder above is empty
      } catch {
        break;
      }
      rel = path.posix.dirname(rel);
    }
  }
}
