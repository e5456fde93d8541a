// The one way an export reaches the disk. It checks everything before writing anything:
// every path stays inside the output folder (no absolute paths, `..`, backslashes, NULs, or
// symlinks leading out), and the folder is empty or a previous Casebook export of the same
// format (a marker file says so). Then it writes only files whose bytes changed, removes
// files the previous export wrote that are gone now — never anything else — and records
// the new list in the marker.
import { promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  fileSyncOnlyWriteOps,
  nodeAtomicWriteOps,
  unsyncedWriteOps,
  writeFileAtomic,
  type AtomicWriteOps,
} from '../atomic-write';
import { CasebookError } from '../errors';
import type { ExportFormat, OutputFile } from './output-files';
import { RENDER_CACHE_DIR } from './site-render-cache';

export const EXPORT_MARKER = '.casebook-export.json';

// Each file is recorded with its size, mtime and hash when written: on the next export a file
// whose size and mtime still match, and whose new content has the same hash, is known to be
// unchanged without reading it back (like rsync's quick check). Anything else is compared byte
// by byte.
const fileRecordSchema = z.object({
  path: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  sha1: z.string(),
});
type FileRecord = z.infer<typeof fileRecordSchema>;
const markerSchema = z.object({
  casebookExport: z.literal(1),
  format: z.enum(['site', 'markdown']),
  files: z.array(fileRecordSchema),
});
type Marker = z.infer<typeof markerSchema>;

export interface WriteOutputOptions {
  format: ExportFormat;
  onProgress?(done: number, total: number): void;
  /**
   * fsync every written page (and each touched folder once). Default false: measured on a
   * 1,000-study site it made a full export 40–100% slower (see bench/export-site.ts), and an
   * export is derived data — every write is still atomic (temp file + rename), so a crashed
   * process never leaves a torn page, and a power cut right after an export can at worst
   * leave a page empty, which the next export notices (size differs) and rewrites, or the
   * marker empty, and the folder is still recognised by the marker's name (see readMarker).
   */
  durable?: boolean;
}

export interface WriteOutputResult {
  written: number;
  unchanged: number;
  removed: number;
}

// How many files are looked up, compared or written at once: enough to hide disk latency,
// few enough not to exhaust file handles.
const PARALLEL = 32;

/** Why `rel` may not be written, or null when it is a safe path inside the output folder. */
export function unsafeOutputPath(rel: string): string | null {
  if (typeof rel !== 'string' || rel === '') return 'it is empty';
  if (rel.includes('\0')) return 'it contains a NUL character';
  if (rel.includes('\\')) return 'it contains a backslash';
  if (rel.includes(':')) return 'it contains a colon (drive letters and streams are not allowed)';
  if (rel.startsWith('/') || path.isAbsolute(rel)) return 'it is absolute';
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(rel)) return 'it contains a control character';
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'it has an empty, "." or ".." segment';
  if (segments.some((s) => s.length > 255)) return 'a name in it is longer than 255 characters';
  if (rel === EXPORT_MARKER) return 'it is the export marker';
  if (segments[0] === RENDER_CACHE_DIR) return "it is inside the export's render cache";
  return null;
}

function refuse(message: string): never {
  throw new CasebookError('invalid_input', message);
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function lstatOrNull(file: string) {
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
 * The previous export's marker; 'damaged' when the file is there but unreadable (a power cut
 * right after a non-durable export can leave it empty). Its name alone shows Casebook made
 * the folder, so such a folder is still updated — but nothing in it is removed, since the
 * list of what Casebook wrote is lost.
 */
async function readMarker(outDir: string): Promise<Marker | 'damaged' | null> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(outDir, EXPORT_MARKER), 'utf8');
  } catch {
    return null;
  }
  try {
    return markerSchema.parse(JSON.parse(text));
  } catch {
    return 'damaged';
  }
}

function toBytes(contents: string | Uint8Array): Uint8Array {
  return typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
}

/**
 * Checks every folder on the way to each file: it must be a real folder, or a symlink whose
 * target is still inside the output folder. An existing folder where a file should go is
 * refused too. Runs before anything is written. Everything is looked up at once (a thousand
 * study folders make two thousand lookups) and then judged, parents before children.
 * Returns what each file path holds now (null: nothing), so later steps need not ask again.
 */
async function checkOnDisk(outDir: string, realOut: string, rels: string[]): Promise<Map<string, Stats | null>> {
  const dirs = new Set<string>();
  for (const rel of rels) {
    for (let dir = path.posix.dirname(rel); dir !== '.' && !dirs.has(dir); dir = path.posix.dirname(dir)) dirs.add(dir);
  }
  const stats = new Map<string, Stats | null>();
  await inBatches([...dirs, ...rels], async (rel) => {
    stats.set(rel, await lstatOrNull(path.join(outDir, rel)));
  });
  const shallowFirst = [...dirs].sort((a, b) => a.split('/').length - b.split('/').length);
  for (const dir of shallowFirst) {
    const stat = stats.get(dir);
    if (!stat || stat.isDirectory()) continue;
    if (!stat.isSymbolicLink()) refuse(`${dir} in the output folder is a file, but the export needs a folder there`);
    const target = await fsp.realpath(path.join(outDir, dir)).catch(() => null);
    if (!target || !isInside(realOut, target)) refuse(`${dir} in the output folder is a link that leads outside it`);
    if (!(await fsp.stat(target)).isDirectory()) refuse(`${dir} in the output folder is not a folder`);
  }
  const found = new Map<string, Stats | null>();
  for (const rel of rels) {
    const stat = stats.get(rel) ?? null;
    if (stat?.isDirectory()) refuse(`${rel} in the output folder is a folder, but the export needs a file there`);
    found.set(rel, stat);
  }
  return found;
}

/** Runs `work` over `items`, PARALLEL at a time. On a failure it starts nothing new, waits for
 * the work in flight (so nothing is still writing when the caller reacts), then throws. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}

// Hashing a string directly skips making a Buffer of it (20 MB for 1,000 studies) in JS.
const sha1 = (contents: string | Uint8Array) => createHash('sha1').update(contents).digest('base64');

// Hashes of recent texts, by the text itself: the site export hands over the very same
// strings for unchanged pages, and a Map finds a string it has seen far faster than SHA-1
// reads it. Bounded, so a long session does not hold old exports forever.
const MAX_REMEMBERED_CHARS = 48_000_000;
const textHashes = new Map<string, string>();
let rememberedChars = 0;
/** Forgets remembered hashes (the benchmark uses it to measure a fresh process). */
export function forgetTextHashes(): void {
  textHashes.clear();
  rememberedChars = 0;
}

function hashOf(contents: string | Uint8Array): string {
  if (typeof contents !== 'string') return sha1(contents);
  let hash = textHashes.get(contents);
  if (hash === undefined) {
    hash = sha1(contents);
    if (rememberedChars + contents.length > MAX_REMEMBERED_CHARS) {
      textHashes.clear();
      rememberedChars = 0;
    }
    textHashes.set(contents, hash);
    rememberedChars += contents.length;
  }
  return hash;
}
const byteLength = (contents: string | Uint8Array) =>
  typeof contents === 'string' ? Buffer.byteLength(contents, 'utf8') : contents.byteLength;

/** The file's record if it already holds exactly `contents`, otherwise null. */
async function unchangedRecord(
  stat: Stats | null | undefined,
  file: string,
  rel: string,
  contents: string | Uint8Array,
  hash: string,
  before: FileRecord | undefined,
): Promise<FileRecord | null> {
  if (!stat || !stat.isFile() || stat.size !== byteLength(contents)) return null;
  if (before && before.size === stat.size && before.mtimeMs === stat.mtimeMs)
    return before.sha1 === hash ? before : null;
  const bytes = toBytes(contents);
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await fsp.readFile(file))) return null;
  return { path: rel, size: stat.size, mtimeMs: stat.mtimeMs, sha1: hash };
}

/** Pages are fsynced only when `durable`; folders are synced once, later. */
const writeOps = (durable: boolean): AtomicWriteOps => (durable ? fileSyncOnlyWriteOps : unsyncedWriteOps);

/** Removes `dir` and then its parents while they are empty, stopping at the output folder. */
async function removeEmptyFolders(outDir: string, dirs: Set<string>): Promise<void> {
  const deepestFirst = [...dirs].sort((a, b) => b.split('/').length - a.split('/').length);
  for (let rel of deepestFirst) {
    while (rel !== '.') {
      try {
        await fsp.rmdir(path.join(outDir, rel)); // fails (and stops) when not empty
      } catch {
        break;
      }
      rel = path.posix.dirname(rel);
    }
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

async function writeChecked(
  outDir: string,
  files: OutputFile[],
  options: WriteOutputOptions,
): Promise<WriteOutputResult> {
  const durable = options.durable ?? false;
  const root = path.resolve(outDir);

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

  // 2. The folder: missing, empty, or a previous export of this format.
  const rootStat = await lstatOrNull(root);
  let previous: Marker | null = null;
  if (rootStat) {
    if (!(await fsp.stat(root)).isDirectory())
      refuse(`${root} is a file, not a folder; choose a folder to export into`);
    const entries = await fsp.readdir(root);
    if (entries.length > 0) {
      const found = await readMarker(root);
      if (!found) {
        refuse(
          `${root} is not empty and was not made by a Casebook export; choose an empty folder or a previous export`,
        );
      }
      previous = found === 'damaged' ? { casebookExport: 1, format: options.format, files: [] } : found;
      if (previous.format !== options.format) {
        refuse(
          `${root} holds a previous ${previous.format} export; choose an empty folder for the ${options.format} export`,
        );
      }
    }
  }
  await fsp.mkdir(root, { recursive: true });
  const realRoot = await fsp.realpath(root);

  // 3. What is on disk along the way: no links leading out, no folder where a file goes.
  const before = new Map((previous?.files ?? []).map((f) => [f.path, f]));
  const stale = [...before.keys()].filter((rel) => !seen.has(rel) && unsafeOutputPath(rel) === null);
  const onDisk = await checkOnDisk(root, realRoot, [...seen, ...stale]);

  // 4. Write what changed; count what did not. If the disk fails part way (full, no
  // permission), the marker still learns every file written so far, so a later export can
  // clean them up; then the failure is reported as an io_error a person can act on.
  const records = new Map<string, FileRecord>();
  let current = '';
  let written = 0;
  let unchanged = 0;
  let removed = 0;
  let done = 0;
  const touchedDirs = new Set<string>();
  const madeDirs = new Map<string, Promise<unknown>>();
  const ensureDir = (dir: string) => {
    let made = madeDirs.get(dir);
    if (!made) madeDirs.set(dir, (made = fsp.mkdir(dir, { recursive: true })));
    return made;
  };
  try {
    await inBatches(files, async (file) => {
      const target = path.join(root, file.path);
      current = file.path;
      const hash = hashOf(file.contents);
      const same = await unchangedRecord(
        onDisk.get(file.path),
        target,
        file.path,
        file.contents,
        hash,
        before.get(file.path),
      );
      if (same) {
        records.set(file.path, same);
        unchanged++;
      } else {
        await ensureDir(path.dirname(target));
        await writeFileAtomic(target, file.contents, writeOps(durable));
        const stat = await fsp.stat(target);
        records.set(file.path, { path: file.path, size: stat.size, mtimeMs: stat.mtimeMs, sha1: hash });
        touchedDirs.add(path.dirname(target));
        written++;
      }
      options.onProgress?.(++done, files.length);
    });

    // 5. Remove what the previous export wrote and this one does not — only those files.
    const emptied = new Set<string>();
    for (const rel of stale) {
      const target = path.join(root, rel);
      current = rel;
      const stat = await lstatOrNull(target);
      if (!stat || stat.isDirectory()) continue;
      await fsp.rm(target, { force: true });
      emptied.add(path.posix.dirname(rel));
      touchedDirs.add(path.dirname(target));
      removed++;
    }
    await removeEmptyFolders(root, emptied);
  } catch (err) {
    const partial = new Map([...before, ...records]);
    const marker: Marker = { casebookExport: 1, format: options.format, files: [...partial.values()] };
    await writeFileAtomic(path.join(root, EXPORT_MARKER), `${JSON.stringify(marker, null, 1)}\n`).catch(
      () => undefined,
    );
    const reason = err instanceof Error ? err.message : String(err);
    throw new CasebookError('io_error', `The export stopped while writing ${current || outDir}: ${reason}`);
  }

  // 6. The marker, last: it lists exactly what this export wrote. Its write and the folder
  // syncs run together: concurrent fsyncs share one journal commit, which matters when an
  // incremental export writes only a file or two. A crash in between at worst leaves the
  // marker naming a file that is missing or old, and the next export rewrites it.
  const sorted = [...records.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const marker: Marker = { casebookExport: 1, format: options.format, files: sorted };
  const markerText = `${JSON.stringify(marker, null, 1)}\n`;
  const finishing: Array<Promise<unknown>> = [];
  const markerChanged = written > 0 || removed > 0 || !previous;
  if (markerChanged) {
    finishing.push(writeFileAtomic(path.join(root, EXPORT_MARKER), markerText, writeOps(durable)));
  }
  if (durable) {
    for (const dir of touchedDirs) {
      if (dir === root) continue;
      finishing.push(lstatOrNull(dir).then((found) => (found ? nodeAtomicWriteOps.syncDir(dir) : undefined)));
    }
  }
  await Promise.all(finishing);
  // The root's entries (the marker's rename among them) are made durable once it is in place.
  if (durable && (markerChanged || touchedDirs.has(root))) await nodeAtomicWriteOps.syncDir(root);
  return { written, unchanged, removed };
}
