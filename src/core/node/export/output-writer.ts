// The one way an export reaches the disk. It checks everything before writing anything:
// every path stays inside the output folder (output-paths.ts), no folder on the way is a link,
// and the folder is empty or a previous Casebook export of the same format (its marker says
// so: export-marker.ts). Then it records what it is about to write, writes only files whose
// bytes changed, and removes files the previous export wrote that are gone now. It replaces
// or removes only files whose bytes are still what Casebook wrote (or empty): anything else —
// a page edited by hand, a file Casebook never wrote, a link — is left alone and reported.
// The decisions are output-plan.ts's; this module carries them out in that order.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import {
  fileSyncOnlyWriteOps,
  nodeAtomicWriteOps,
  unsyncedWriteOps,
  writeFileAtomic,
  type AtomicWriteOps,
} from '../atomic-write';
import { CasebookError } from '../../pure/errors';
import { writeMarker, type FileRecord } from './export-marker';
import { inBatches } from '../../pure/export/in-batches';
import { removeLegacyRenderCache, removeOwnTempFiles } from './output-cleanup';
import { lstatOrNull, previousExport, removeEmptyFolders } from './output-folder-state';
import type { ExportFormat, OutputFile } from '../../pure/export/output-files';
import { byteLength, hashOf } from './output-hashes';
import { ExportMemory } from './export-memory';
import { EXPORT_MARKER, realPathAllowingMissing } from './output-paths';
import { checkedPaths, planOutput, StaleOutputError, type KeptFile, type RecordedFile } from './output-plan';

export { EXPORT_MARKER, unsafeOutputPath } from './output-paths';
export type { KeptFile, RecordedFile } from './output-plan';
export { StaleOutputError } from './output-plan';

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
  /**
   * Hashes of texts written by earlier exports, so unchanged pages are not hashed again. The
   * service passes its workspace's; without one every text is hashed and then forgotten.
   */
  memory?: ExportMemory;
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
  files: Array<OutputFile | RecordedFile>,
  options: WriteOutputOptions,
): Promise<WriteOutputResult> {
  try {
    return await writeChecked(outDir, files, options);
  } catch (err) {
    if (err instanceof CasebookError || err instanceof StaleOutputError) throw err;
    // e.g. no permission to create or read the folder: say so plainly rather than "internal".
    throw new CasebookError(
      'io_error',
      `Could not export into ${outDir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

async function writeChecked(
  outDir: string,
  files: Array<OutputFile | RecordedFile>,
  options: WriteOutputOptions,
): Promise<WriteOutputResult> {
  const durable = options.durable ?? false;
  const memory = options.memory ?? new ExportMemory();

  // 1. Paths: safe, unique, and no file where another needs a folder.
  const seen = checkedPaths(files);

  // 2. The folder (links on its way resolved once): missing, empty, or a previous export.
  const root = await realPathAllowingMissing(outDir);
  const previous = await previousExport(root, options.format);
  await fsp.mkdir(root, { recursive: true });

  // 3.–5. What Casebook wrote before, what is on disk, and so what to write, keep and remove.
  let done = 0;
  const progress = () => options.onProgress?.(++done, files.length);
  const { before, known, writes, unchanged, removals, kept } = await planOutput(
    root,
    files,
    seen,
    previous,
    memory,
    progress,
  );

  // 4. The render cache Casebook 0.1 kept in the folder goes (only a previous export has one).
  await removeLegacyRenderCache(root);

  // Temp files an interrupted run left, named after files Casebook writes here: in every
  // folder it knows of when the last run did not finish, else where this one writes.
  const tempNames = new Map<string, Set<string>>([['.', new Set([EXPORT_MARKER])]]);
  const interrupted = (previous?.pending?.length ?? 0) > 0;
  for (const rel of interrupted ? [...seen, ...known] : [...writes.map((f) => f.path), ...removals]) {
    const dir = path.posix.dirname(rel);
    tempNames.set(dir, (tempNames.get(dir) ?? new Set()).add(path.posix.basename(rel)));
  }
  await removeOwnTempFiles(root, tempNames);

  // 6. Before the first write: the marker learns what is about to be written, and is synced.
  // A run killed from here on leaves a folder the next run accepts and cleans up. (Removals
  // alone need no new marker: the one on disk already names every file they remove.)
  if (writes.length > 0) {
    const pending = writes.map((f) => ({
      path: f.path,
      size: byteLength(f.contents),
      sha1: hashOf(f.contents, memory),
    }));
    await writeMarker(root, {
      casebookExport: 1,
      format: options.format,
      files: previous?.files ?? [],
      pending: [...(previous?.pending ?? []), ...pending],
    });
  }

  // 7.–8. Write what changed, remove what is gone.
  const records = new Map(unchanged.map((r) => [r.path, r]));
  const { removed, touchedDirs } = await applyPlan(root, writes, removals, {
    ops: options.ops ?? writeOps(durable),
    hash: (contents) => hashOf(contents, memory),
    written: (record) => {
      records.set(record.path, record);
      progress();
    },
  });

  // 9. The marker: exactly what this export wrote or found unchanged. Folder syncs first, so
  // a power cut never leaves a synced marker naming pages whose folders were not.
  if (durable) {
    await Promise.all(
      [...touchedDirs]
        .filter((dir) => dir !== root)
        .map((dir) => lstatOrNull(dir).then((f) => (f ? nodeAtomicWriteOps.syncDir(dir) : undefined))),
    );
  }
  // A removed page shows as `before` naming more files than `records`, or was pending.
  const markerChanged =
    writes.length > 0 ||
    !previous ||
    (previous.pending?.length ?? 0) > 0 ||
    before.size !== records.size ||
    unchanged.some((r) => before.get(r.path) !== r);
  if (markerChanged) {
    await writeMarker(root, { casebookExport: 1, format: options.format, files: [...records.values()] });
  }
  return { written: writes.length, unchanged: unchanged.length, removed, kept };
}

/**
 * Steps 7 and 8 of writeChecked: writes what changed, then removes what the previous export
 * wrote and this one does not (only those files). If the disk fails part way (full, no
 * permission), the marker written before still names every file this run may have written,
 * so a later run can replace or remove them; the failure is an io_error a person can act on.
 */
async function applyPlan(
  root: string,
  writes: OutputFile[],
  removals: string[],
  how: { ops: AtomicWriteOps; hash(contents: OutputFile['contents']): string; written(record: FileRecord): void },
): Promise<{ removed: number; touchedDirs: Set<string> }> {
  const touchedDirs = new Set<string>();
  const madeDirs = new Map<string, Promise<unknown>>();
  const ensureDir = (dir: string) => {
    let made = madeDirs.get(dir);
    if (!made) madeDirs.set(dir, (made = fsp.mkdir(dir, { recursive: true })));
    return made;
  };
  await inBatches(writes, async (file) => {
    const target = path.join(root, file.path);
    try {
      await ensureDir(path.dirname(target));
      await writeFileAtomic(target, file.contents, how.ops);
      const stat = await fsp.lstat(target);
      how.written({ path: file.path, size: stat.size, mtimeMs: stat.mtimeMs, sha1: how.hash(file.contents) });
    } catch (err) {
      // Caught per page: many are written at once, and the message names the one that failed.
      const reason = err instanceof Error ? err.message : String(err);
      throw new CasebookError('io_error', `The export stopped while writing ${file.path}: ${reason}`);
    }
    touchedDirs.add(path.dirname(target));
  });
  const emptied = new Set<string>();
  let removed = 0;
  for (const rel of removals) {
    // A failure here (rare: the page was just checked) reaches writeOutput, whose message
    // carries the system's, which names the file.
    await fsp.rm(path.join(root, rel), { force: true });
    emptied.add(path.posix.dirname(rel));
    touchedDirs.add(path.dirname(path.join(root, rel)));
    removed++;
  }
  await removeEmptyFolders(root, emptied);
  return { removed, touchedDirs };
}
