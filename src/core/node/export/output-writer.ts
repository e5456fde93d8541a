// The one way an export reaches the disk. It checks everything before writing anything:
// every path stays inside the output folder (output-paths.ts), no folder on the way is a link,
// and the folder is empty or a previous Casebook export of the same format (its marker says
// so: export-marker.ts). Then it records what it is about to write, writes only files whose
// bytes changed, and removes files the previous export wrote that are gone now. It replaces
// or removes only files whose bytes are still what Casebook wrote (or empty): anything else —
// a page edited by hand, a file Casebook never wrote, a link — is left alone and reported.
import { promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';
import {
  fileSyncOnlyWriteOps,
  nodeAtomicWriteOps,
  unsyncedWriteOps,
  writeFileAtomic,
  type AtomicWriteOps,
} from '../atomic-write';
import { CasebookError } from '../../pure/errors';
import { writeMarker, type FileRecord, type PendingFile } from './export-marker';
import { inBatches } from '../../pure/export/in-batches';
import { removeLegacyRenderCache, removeOwnTempFiles } from './output-cleanup';
import { checkOnDisk, lstatOrNull, previousExport, refuse, removeEmptyFolders } from './output-folder-state';
import type { ExportFormat, OutputFile } from '../../pure/export/output-files';
import { byteLength, hashOf, readRegularFile, sha1, toBuffer } from './output-hashes';
import { EXPORT_MARKER, realPathAllowingMissing, unsafeOutputPath } from './output-paths';

export { EXPORT_MARKER, unsafeOutputPath } from './output-paths';
export { forgetTextHashes } from './output-hashes';

export interface WriteOutputOptions {
  format: ExportFormat;
  onProgress?(done: number, total: number): void;
  /**
   * fsync every written page (and each touched folder once). Default false: measured on a
   * 1,000-study site it made a full export 40–100% slower (see bench/export-site.ts), and an
   * export is derived data — every write is still atomic (temp file + rename), so a crashed
   * process never leaves a torn page, and a power cut right after an export can at worst
   * leave a page empty, which the next export may replace (an empty file holds nothing to
   * lose). The marker is always synced (export-marker.ts).
   */
  durable?: boolean;
  /** How pages are written (tests inject failures here); by default from `durable`. */
  ops?: AtomicWriteOps;
}

/** A file the export did not replace or remove, and why. */
export interface KeptFile {
  path: string;
  action: 'replace' | 'remove';
  reason: string;
}

export interface WriteOutputResult {
  written: number;
  unchanged: number;
  removed: number;
  kept: KeptFile[];
}

/** Pages are fsynced only when `durable`; folders are synced once, later. */
const writeOps = (durable: boolean) => (durable ? fileSyncOnlyWriteOps : unsyncedWriteOps);

/**
 * Refuses, as writeOutput would, a folder that is neither missing, empty nor a previous export
 * of `format`; changes nothing. Lets an export say so before it renders or checks anything.
 */
export async function checkOutputFolder(outDir: string, format: ExportFormat): Promise<void> {
  try {
    await previousExport(await realPathAllowingMissing(outDir), format);
  } catch (err) {
    if (err instanceof CasebookError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new CasebookError('io_error', `Could not export into ${outDir}: ${reason}`);
  }
}

/** Writes `files` into `outDir` as described at the top of this module. */
export async function writeOutput(
  outDir: string,
  files: OutputFile[],
  options: WriteOutputOptions,
): Promise<WriteOutputResult> {
  try {
    return await writeChecked(outDir, files, options);
  } catch (err) {
    if (err instanceof CasebookError) throw err;
    // e.g. no permission to create or read the folder: say so plainly rather than "internal".
    throw new CasebookError(
      'io_error',
      `Could not export into ${outDir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

const NOT_A_FILE = 'it is a link or a special file, not a file Casebook wrote';
const NOT_OURS = 'its content is not what Casebook wrote there (edited by hand, or another program’s file)';
const LINK_ON_WAY = 'a folder on its way is a link';

type Plan =
  | { kind: 'unchanged'; record: FileRecord }
  | { kind: 'write'; file: OutputFile; hash: string }
  | { kind: 'kept'; reason: string };

async function writeChecked(
  outDir: string,
  files: OutputFile[],
  options: WriteOutputOptions,
): Promise<WriteOutputResult> {
  const durable = options.durable ?? false;

  // 1. Paths: safe, unique, and no file where another needs a folder.
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

  // 2. The folder (links on its way resolved once): missing, empty, or a previous export.
  const root = await realPathAllowingMissing(outDir);
  const previous = await previousExport(root, options.format);
  await fsp.mkdir(root, { recursive: true });

  // 3. What Casebook wrote before (finished, or pending when a run stopped), and what is on disk.
  const before = new Map<string, FileRecord>();
  const wroteBefore = new Map<string, PendingFile[]>(); // every size and hash recorded for a path
  for (const f of previous?.files ?? []) if (!before.has(f.path)) before.set(f.path, f);
  for (const f of [...(previous?.files ?? []), ...(previous?.pending ?? [])]) {
    wroteBefore.set(f.path, [...(wroteBefore.get(f.path) ?? []), f]);
  }
  const known = [...wroteBefore.keys()].filter((r) => unsafeOutputPath(r) === null);
  const stale = known.filter((rel) => !seen.has(rel));
  const { found: onDisk, unreachable } = await checkOnDisk(root, [...seen], stale);

  // 4. The render cache Casebook 0.1 kept in the folder goes.
  if (previous) await removeLegacyRenderCache(root);

  /** Whether the regular file at `rel` holds what Casebook wrote there (or nothing at all). */
  const isOurs = async (rel: string, stat: Stats, bytes?: Buffer | null): Promise<boolean> => {
    if (stat.size === 0) return true;
    const candidates = (wroteBefore.get(rel) ?? []).filter((c) => c.size === stat.size);
    if (candidates.length === 0) return false;
    const current = bytes === undefined ? await readRegularFile(path.join(root, rel)) : bytes;
    if (current === null) return false;
    const hash = sha1(current);
    return candidates.some((c) => c.sha1 === hash);
  };

  // 5. Decide for every file, reading only what must be compared.
  let done = 0;
  const plans = new Map<string, Plan>();
  await inBatches(files, async (file) => {
    const stat = onDisk.get(file.path) ?? null;
    const hash = hashOf(file.contents);
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
    if (plan.kind !== 'write') options.onProgress?.(++done, files.length);
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
  const writes = files.filter((f) => plans.get(f.path)!.kind === 'write');

  // Temp files an interrupted run left, named after files Casebook writes here: in every
  // folder it knows of when the last run did not finish, else where this one writes.
  const tempNames = new Map<string, Set<string>>([['.', new Set([EXPORT_MARKER])]]);
  const interrupted = (previous?.pending?.length ?? 0) > 0;
  for (const rel of interrupted ? [...seen, ...known] : [...writes.map((f) => f.path), ...removals]) {
    const dir = path.posix.dirname(rel);
    tempNames.set(dir, (tempNames.get(dir) ?? new Set()).add(path.posix.basename(rel)));
  }
  await removeOwnTempFiles(root, tempNames);

  // 6. Before the first change: the marker learns what is about to be written, and is synced.
  // A run killed from here on leaves a folder the next run accepts and cleans up.
  const unchanged = [...plans.values()].flatMap((p) => (p.kind === 'unchanged' ? [p.record] : []));
  if (writes.length > 0 || removals.length > 0) {
    const pending = writes.map((f) => ({ path: f.path, size: byteLength(f.contents), sha1: hashOf(f.contents) }));
    await writeMarker(root, {
      casebookExport: 1,
      format: options.format,
      files: previous?.files ?? [],
      pending: [...(previous?.pending ?? []), ...pending],
    });
  }

  // 7. Write what changed. If the disk fails part way (full, no permission), the marker
  // written above still names every file this run may have written, so a later run can
  // replace or remove them; the failure is reported as an io_error a person can act on.
  const records = new Map(unchanged.map((r) => [r.path, r]));
  const touchedDirs = new Set<string>();
  const madeDirs = new Map<string, Promise<unknown>>();
  const ensureDir = (dir: string) => {
    let made = madeDirs.get(dir);
    if (!made) madeDirs.set(dir, (made = fsp.mkdir(dir, { recursive: true })));
    return made;
  };
  let current = '';
  let removed = 0;
  try {
    await inBatches(writes, async (file) => {
      const target = path.join(root, file.path);
      current = file.path;
      await ensureDir(path.dirname(target));
      await writeFileAtomic(target, file.contents, options.ops ?? writeOps(durable));
      const stat = await fsp.lstat(target);
      records.set(file.path, { path: file.path, size: stat.size, mtimeMs: stat.mtimeMs, sha1: hashOf(file.contents) });
      touchedDirs.add(path.dirname(target));
      options.onProgress?.(++done, files.length);
    });

    // 8. Remove what the previous export wrote and this one does not — only those files.
    const emptied = new Set<string>();
    for (const rel of removals) {
      current = rel;
      await fsp.rm(path.join(root, rel), { force: true });
      emptied.add(path.posix.dirname(rel));
      touchedDirs.add(path.dirname(path.join(root, rel)));
      removed++;
    }
    await removeEmptyFolders(root, emptied);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new CasebookError('io_error', `The export stopped while writing ${current || outDir}: ${reason}`);
  }

  // 9. The marker: exactly what this export wrote or found unchanged. Folder syncs first, so
  // a power cut never leaves a synced marker naming pages whose folders were not.
  if (durable) {
    await Promise.all(
      [...touchedDirs]
        .filter((dir) => dir !== root)
        .map((dir) => lstatOrNull(dir).then((f) => (f ? nodeAtomicWriteOps.syncDir(dir) : undefined))),
    );
  }
  const markerChanged =
    writes.length > 0 ||
    removed > 0 ||
    !previous ||
    (previous.pending?.length ?? 0) > 0 ||
    before.size !== records.size ||
    unchanged.some((r) => before.get(r.path) !== r);
  if (markerChanged) {
    await writeMarker(root, { casebookExport: 1, format: options.format, files: [...records.values()] });
  }
  return { written: writes.length, unchanged: unchanged.length, removed, kept };
}
