// The export writer's decisions, made before anything is written (output-writer.ts): which
// paths are safe, and for every file whether it is unchanged, to be written, or kept back
// (not Casebook's to replace), and which files of the previous export to remove.
import { type Stats } from 'node:fs';
import path from 'node:path';
import { inBatches } from '../../pure/export/in-batches';
import type { OutputFile } from '../../pure/export/output-files';
import type { FileRecord, Marker, PendingFile } from './export-marker';
import { checkOnDisk, refuse } from './output-folder-state';
import { byteLength, hashOf, readRegularFile, sha1, toBuffer } from './output-hashes';
import type { ExportMemory } from './export-memory';
import { unsafeOutputPath } from './output-paths';

/** A file the export did not replace or remove, and why. */
export interface KeptFile {
  path: string;
  action: 'replace' | 'remove';
  reason: string;
}

const NOT_A_FILE = 'it is a link or a special file, not a file Casebook wrote';
const NOT_OURS = 'its content is not what Casebook wrote there (edited by hand, or another program’s file)';
const LINK_ON_WAY = 'a folder on its way is a link';

/**
 * A file an incremental export did not make again because the last export wrote it with these
 * bytes (their size and SHA-1). It must still be on disk as the marker recorded it; anything
 * else is a StaleOutputError, raised before anything is written (the caller exports in full).
 */
export interface RecordedFile {
  path: string;
  recorded: { size: number; sha1: string };
}

/** A RecordedFile that is no longer on disk as recorded. */
export class StaleOutputError extends Error {}

const isRecorded = (file: OutputFile | RecordedFile): file is RecordedFile => 'recorded' in file;

type Plan =
  | { kind: 'unchanged'; record: FileRecord }
  | { kind: 'write'; file: OutputFile; hash: string }
  | { kind: 'kept'; reason: string };

export interface OutputPlan {
  /** What the previous export finished writing, by path. */
  before: Map<string, FileRecord>;
  /** Every safe path the previous export wrote or was writing. */
  known: string[];
  writes: OutputFile[];
  unchanged: FileRecord[];
  removals: string[];
  kept: KeptFile[];
}

/** The paths of `files`: each safe, written once, and none where another needs a folder. */
export function checkedPaths(files: Array<OutputFile | RecordedFile>): Set<string> {
  const seen = new Set<string>();
  for (const file of files) {
    const why = unsafeOutputPath(file.path);
    if (why) refuse(`Refusing to export: the path "${file.path}" is unsafe (${why})`);
    if (seen.has(file.path)) refuse(`Refusing to export: "${file.path}" would be written twice`);
    seen.add(file.path);
  }
  for (const rel of seen) {
    for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) {
      if (seen.has(dir)) refuse(`Refusing to export: "${dir}" would be both a file and a folder`);
    }
  }
  return seen;
}

/**
 * Decides for every file, reading only what must be compared. A file on disk is replaced or
 * removed only when it holds what Casebook wrote there (any size and hash the marker
 * recorded, finished or pending) or nothing at all. `seen` is checkedPaths(files). `onDecided` hears of each file that needs
 * no write.
 */
export async function planOutput(
  root: string,
  files: Array<OutputFile | RecordedFile>,
  seen: Set<string>,
  previous: Marker | null,
  memory: ExportMemory,
  onDecided: () => void,
): Promise<OutputPlan> {
  // A path listed twice (only in a hand-made marker): either record may be taken, as neither
  // lets a file be replaced or removed unless its bytes hash to what some record says.
  // Stryker disable next-line ArrayDeclaration: with no previous export nothing is looked up here (a non-path entry matches no path)
  const before = new Map((previous?.files ?? []).map((f) => [f.path, f]));
  const wroteBefore = new Map<string, PendingFile[]>(); // every size and hash recorded for a path
  // Stryker disable next-line ArrayDeclaration: as above, and a non-path entry is no safe path (known drops it)
  for (const f of [...(previous?.files ?? []), ...(previous?.pending ?? [])]) {
    // Stryker disable next-line ArrayDeclaration: an entry without size or hash matches no file
    wroteBefore.set(f.path, [...(wroteBefore.get(f.path) ?? []), f]);
  }
  const known = [...wroteBefore.keys()].filter((r) => unsafeOutputPath(r) === null);
  const stale = known.filter((rel) => !seen.has(rel));
  const { found: onDisk, unreachable } = await checkOnDisk(root, [...seen], stale);

  /** Whether the regular file at `rel` holds what Casebook wrote there (or nothing at all). */
  const isOurs = async (rel: string, stat: Stats, bytes?: Buffer | null): Promise<boolean> => {
    if (stat.size === 0) return true;
    // Stryker disable next-line ArrayDeclaration: an entry without size or hash matches no file
    const candidates = (wroteBefore.get(rel) ?? []).filter((c) => c.size === stat.size);
    if (candidates.length === 0) return false;
    const current = bytes === undefined ? await readRegularFile(path.join(root, rel)) : bytes;
    if (current === null) return false;
    const hash = sha1(current);
    return candidates.some((c) => c.sha1 === hash);
  };

  const plans = new Map<string, Plan>();
  await inBatches(files, async (file) => {
    const stat = onDisk.get(file.path) ?? null;
    if (isRecorded(file)) {
      const record = before.get(file.path);
      const { size: recSize, sha1: recHash } = file.recorded;
      if (!stat?.isFile() || record?.size !== stat.size || record.mtimeMs !== stat.mtimeMs)
        throw new StaleOutputError(file.path);
      if (record.size !== recSize || record.sha1 !== recHash) throw new StaleOutputError(file.path);
      plans.set(file.path, { kind: 'unchanged', record });
      onDecided();
      return;
    }
    const hash = hashOf(file.contents, memory);
    const size = byteLength(file.contents);
    let plan: Plan = { kind: 'write', file, hash };
    if (stat && !stat.isFile()) plan = { kind: 'kept', reason: NOT_A_FILE };
    else if (stat) {
      const record = before.get(file.path);
      const quick = record && record.size === stat.size && record.mtimeMs === stat.mtimeMs && record.sha1 === hash;
      if (quick) plan = { kind: 'unchanged', record };
      else {
        const bytes = stat.size === size ? await readRegularFile(path.join(root, file.path)) : undefined;
        if (bytes && bytes.equals(toBuffer(file.contents))) {
          plan = { kind: 'unchanged', record: { path: file.path, size, mtimeMs: stat.mtimeMs, sha1: hash } };
        } else if (!(await isOurs(file.path, stat, bytes))) plan = { kind: 'kept', reason: NOT_OURS };
      }
    }
    plans.set(file.path, plan);
    if (plan.kind !== 'write') onDecided();
  });
  const removals: string[] = [];
  const kept: KeptFile[] = [];
  for (const file of files) {
    const plan = plans.get(file.path)!;
    if (plan.kind === 'kept') kept.push({ path: file.path, action: 'replace', reason: plan.reason });
  }
  for (const rel of stale) {
    const stat = onDisk.get(rel) ?? null;
    if (unreachable.has(rel)) kept.push({ path: rel, action: 'remove', reason: LINK_ON_WAY });
    else if (!stat) continue;
    else if (!stat.isFile()) kept.push({ path: rel, action: 'remove', reason: NOT_A_FILE });
    else if (await isOurs(rel, stat)) removals.push(rel);
    else kept.push({ path: rel, action: 'remove', reason: NOT_OURS });
  }
  return {
    before,
    known,
    writes: files.flatMap((f) => (!isRecorded(f) && plans.get(f.path)!.kind === 'write' ? [f] : [])),
    unchanged: [...plans.values()].flatMap((p) => (p.kind === 'unchanged' ? [p.record] : [])),
    removals,
    kept,
  };
}
