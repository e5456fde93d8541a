// Rendered study sections that outlive the process, so `casebook export` run again after one
// edit renders one study, not all of them. The cache lives in the output folder it serves,
// in <out>/.casebook-cache/site-render-v1-<0…f>.json:
// - it is tied to what was exported there: it holds exactly the sections of this export's
//   pages (nothing else, so an export without drafts also drops drafts' HTML from it), and
//   deleting the folder deletes it;
// - the workspace stays the author's files only (often kept in git or a synced folder, where
//   a 20 MB derived file rewritten by every export would be noise);
// - it is a dot-folder the writer neither lists in its marker nor ever removes; it is written
//   only after the writer accepted and wrote the folder, so it never makes a foreign or empty
//   folder look like something else.
// Entries are spread over 16 files by key, so an export after one edit rewrites one or two
// small files instead of all of it. A file that is missing, unreadable, of another version,
// or not what zod expects is ignored (and replaced after the export). Entries are only as
// trusted as their keys: site-study-body keys each by a hash of the section's JSON and of the
// renderer, and checks every image again before reusing one.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { unsyncedWriteOps, writeFileAtomic } from '../atomic-write';

/** What siteExport needs from a render cache: a string map. */
export interface RenderCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export const RENDER_CACHE_DIR = '.casebook-cache';
const SHARDS = 16;
/** The cache files' names inside RENDER_CACHE_DIR. */
export const RENDER_CACHE_FILES = Array.from({ length: SHARDS }, (_, i) => `site-render-v1-${i.toString(16)}.json`);
/** Larger than any real cache file (1,000 long studies make ~1 MB each); a bigger one is not read. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

const cacheFileSchema = z.object({
  casebookRenderCache: z.literal(1),
  entries: z.record(z.string().min(1).max(200), z.string()),
});

/** Which file holds `key` (keys are hashes, so any character spreads them evenly). */
function shardOf(key: string): number {
  return key.charCodeAt(0) % SHARDS;
}

type Entries = ReadonlyMap<string, string>;

/**
 * A cache loaded from disk that records what the export uses: only entries read or set during
 * the export are saved, so the files never keep old versions of sections, or other pages'.
 */
export class PersistentRenderCache implements RenderCache {
  private readonly used = new Map<string, string>();
  private readonly loaded: Entries[];
  private readonly rejected: boolean[];

  /** `shards[i]`: what file i held, or null when it was there but unusable (rewrite it). */
  constructor(shards: Array<Entries | null> = []) {
    this.loaded = RENDER_CACHE_FILES.map((_, i) => shards[i] ?? new Map());
    this.rejected = RENDER_CACHE_FILES.map((_, i) => shards[i] === null);
  }

  get(key: string): string | undefined {
    const value = this.used.get(key) ?? this.loaded[shardOf(key)]!.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    this.used.set(key, value);
  }

  /** Per file: the entries this export used that belong in it, and whether that changes it. */
  shards(): Array<{ entries: Entries; changed: boolean }> {
    const split = RENDER_CACHE_FILES.map(() => new Map<string, string>());
    for (const [key, value] of this.used) split[shardOf(key)]!.set(key, value);
    return split.map((entries, i) => {
      const before = this.loaded[i]!;
      let changed = this.rejected[i]! || entries.size !== before.size;
      if (!changed) for (const [key, value] of entries) if (before.get(key) !== value) changed = true;
      return { entries, changed };
    });
  }
}

/** Parses a cache file's text; null when it is not a valid cache file. */
export function parseRenderCache(text: string): Map<string, string> | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = cacheFileSchema.safeParse(json);
  return parsed.success ? new Map(Object.entries(parsed.data.entries)) : null;
}

export function serializeRenderCache(entries: Entries): string {
  return JSON.stringify({ casebookRenderCache: 1, entries: Object.fromEntries(entries) });
}

// What each cache file held when this process last read or wrote it, with the file's identity,
// so an app exporting again into the same folder does not read back what it just wrote.
const MAX_REMEMBERED_FILES = 4 * SHARDS;
interface Remembered {
  size: number;
  mtimeMs: number;
  ino: number;
  entries: Entries;
}
const remembered = new Map<string, Remembered>();

/** Forgets caches remembered in memory (tests and the benchmark use it to act like a new process). */
export function forgetLoadedRenderCaches(): void {
  remembered.clear();
}

function remember(file: string, stat: { size: number; mtimeMs: number; ino: number }, entries: Entries) {
  remembered.delete(file);
  if (remembered.size >= MAX_REMEMBERED_FILES) remembered.delete(remembered.keys().next().value!);
  remembered.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, entries });
}

const cacheDir = (outDir: string) => path.join(path.resolve(outDir), RENDER_CACHE_DIR);

async function lstatOrNull(file: string) {
  return fsp.lstat(file).catch(() => null);
}

/** One cache file: its entries, undefined when absent, null when there but not usable. */
async function loadShard(file: string): Promise<Entries | null | undefined> {
  const stat = await lstatOrNull(file);
  if (!stat) return undefined;
  if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return null;
  const known = remembered.get(file);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ino === stat.ino) {
    return known.entries;
  }
  const text = await fsp.readFile(file, 'utf8').catch(() => null);
  const entries = text === null ? null : parseRenderCache(text);
  if (entries) remember(file, stat, entries);
  return entries;
}

/**
 * The render cache kept in `outDir`, empty where there is none or it cannot be trusted (a
 * link, not a regular file, too large, unparsable, of another version). Never throws.
 */
export async function loadRenderCache(outDir: string): Promise<PersistentRenderCache> {
  const dir = cacheDir(outDir);
  const dirStat = await lstatOrNull(dir);
  if (!dirStat?.isDirectory()) return new PersistentRenderCache();
  const shards = await Promise.all(RENDER_CACHE_FILES.map((name) => loadShard(path.join(dir, name))));
  return new PersistentRenderCache(shards.map((s) => (s === undefined ? new Map() : s)));
}

/**
 * Saves what this export used into `outDir`'s cache, rewriting only the files that change.
 * Call it only after the export was written there (the folder is then known to be a Casebook
 * export). Writes nothing where the cache folder's place holds a link or a file, or a file's
 * place something other than a file: never anything outside `outDir`. Returns files written.
 */
export async function saveRenderCache(outDir: string, cache: PersistentRenderCache): Promise<number> {
  const changed = cache
    .shards()
    .flatMap((shard, i) => (shard.changed ? [{ ...shard, name: RENDER_CACHE_FILES[i]! }] : []));
  if (!changed.length) return 0;
  const dir = cacheDir(outDir);
  let dirStat = await lstatOrNull(dir);
  if (!dirStat) {
    await fsp.mkdir(dir).catch(() => undefined);
    dirStat = await lstatOrNull(dir);
  }
  if (!dirStat?.isDirectory()) return 0;
  const written = await Promise.all(
    changed.map(async ({ name, entries }) => {
      const file = path.join(dir, name);
      const before = await lstatOrNull(file);
      if (before && !before.isFile()) return 0;
      await writeFileAtomic(file, serializeRenderCache(entries), unsyncedWriteOps);
      const after = await lstatOrNull(file);
      if (after) remember(file, after, new Map(entries));
      return 1;
    }),
  );
  return written.reduce<number>((a, b) => a + b, 0);
}
