// Rendered study sections that outlive the process, so `casebook export` run again after one
// edit renders one study, not all of them. The cache is derived data of the workspace and
// lives in it, in <workspace>/.casebook/site-render-v2-<00…3f>.json (the folder ignores itself in
// git) — never in the export folder, which users upload and share: the export holds only the
// site and its marker.
//
// A workspace may come from git or a synced folder, so the cache is not trusted for where it
// is. Keys alone could not protect it: a key hashes the section and the renderer, and whoever
// can read the workspace can compute it and plant any HTML under it. So each file carries, on
// its first line, an HMAC of the rest under a per-user secret kept outside every workspace
// (local-secret.ts); a file without a valid one (planted, copied from another user, damaged)
// is ignored and rewritten. With no secret available, nothing is read or written.
//
// What a file holds: exactly the sections the last export used (an export without drafts
// drops drafts' HTML from it). Entries are spread over 64 files by key, so an export after one
// edit reads and rewrites the few small files its sections' keys fall in, not all of it (with
// 16 files, ~5 MB of 1,000 studies' cache was read to re-export one; at 10,000, ten times that).
// Entries are reused only for the key they were stored under — a hash of the section's JSON
// and of the renderer (see site-study-body.ts) — and only if every image resolves now as it
// did then.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { unsyncedWriteOps, writeFileAtomic } from '../atomic-write';
import { localSecret, signedText, verifiedBody } from '../local-secret';
import { CACHE_DIR } from '../summary-cache';
import { readRegularFile } from './output-hashes';
import type { ExportMemory } from './export-memory';

/** What siteExport needs from a render cache: a string map. */
export interface RenderCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** The workspace's folder of derived data (shared with the summary cache). */
export const RENDER_CACHE_DIR = CACHE_DIR;
const SHARDS = 64;
/** The cache files' names inside RENDER_CACHE_DIR. */
export const RENDER_CACHE_FILES = Array.from(
  { length: SHARDS },
  (_, i) => `site-render-v2-${i.toString(16).padStart(2, '0')}.json`,
);
/** The files of an older Casebook, which spread the same entries over 16: removed at the next save. */
const SIXTEEN_FILE_CACHE = Array.from({ length: 16 }, (_, i) => `site-render-v2-${i.toString(16)}.json`);
const GITIGNORE = '# Derived data (Casebook caches): safe to delete.\n*\n';
/** Larger than any real cache file (1,000 long studies make ~1 MB each); a bigger one is not read. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

const cacheFileSchema = z.object({
  casebookRenderCache: z.literal(2),
  entries: z.record(z.string().min(1).max(200), z.string()),
});

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Which file holds `key`: keys are base64url hashes, so their first digit spreads them evenly. */
function shardOf(key: string): number {
  const digit = BASE64URL.indexOf(key[0]!);
  return (digit >= 0 ? digit : key.charCodeAt(0)) % SHARDS;
}

type Entries = ReadonlyMap<string, string>;
/** What a cache file holds, key to value. */
export type RenderCacheEntries = Entries;

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

/** Parses a cache file's text; null when it is not a valid cache file signed under `secret`. */
export function parseRenderCache(text: string, secret: Buffer): Map<string, string> | null {
  const body = verifiedBody(secret, text);
  if (body === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = cacheFileSchema.safeParse(json);
  return parsed.success ? new Map(Object.entries(parsed.data.entries)) : null;
}

/** A cache file's text: its MAC under `secret`, a newline, then the entries as JSON. */
export function serializeRenderCache(entries: Entries, secret: Buffer): string {
  const body = JSON.stringify({ casebookRenderCache: 2, entries: Object.fromEntries(entries) });
  return signedText(secret, body);
}

// What each cache file held when `memory` last saw it read or written, with the file's
// identity, so an app exporting again into the same folder does not read back what it just wrote.
const MAX_REMEMBERED_FILES = 4 * SHARDS;

function remember(
  memory: ExportMemory,
  file: string,
  stat: { size: number; mtimeMs: number; ino: number },
  entries: Entries,
) {
  const remembered = memory.renderCacheFiles;
  remembered.delete(file);
  if (remembered.size >= MAX_REMEMBERED_FILES) remembered.delete(remembered.keys().next().value!);
  remembered.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, entries });
}

const cacheDir = (workspace: string) => path.join(path.resolve(workspace), RENDER_CACHE_DIR);

async function lstatOrNull(file: string) {
  return fsp.lstat(file).catch(() => null);
}

/** One cache file: its entries, undefined when absent, null when there but not usable. */
async function loadShard(file: string, secret: Buffer, memory: ExportMemory): Promise<Entries | null | undefined> {
  const stat = await lstatOrNull(file);
  if (!stat) return undefined;
  if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return null;
  const known = memory.renderCacheFiles.get(file);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ino === stat.ino) {
    return known.entries;
  }
  const bytes = await readRegularFile(file).catch(() => null);
  const entries = bytes === null ? null : parseRenderCache(bytes.toString('utf8'), secret);
  if (entries) remember(memory, file, stat, entries);
  return entries;
}

/**
 * The render cache kept in `workspace`, empty where there is none or it cannot be trusted (no
 * secret, a link, not a regular file, too large, a MAC that does not match, unparsable, of
 * another version). Never throws.
 */
export async function loadRenderCache(
  workspace: string,
  memory: ExportMemory,
  /** Only the files holding these keys (the rest read as empty): a cache that must not be saved. */
  onlyKeys?: readonly string[],
): Promise<PersistentRenderCache> {
  const secret = await localSecret();
  const dir = cacheDir(workspace);
  const dirStat = await lstatOrNull(dir);
  if (!secret || !dirStat?.isDirectory()) return new PersistentRenderCache();
  const wanted = onlyKeys && new Set(onlyKeys.map(shardOf));
  const shards = await Promise.all(
    RENDER_CACHE_FILES.map((name, i) =>
      wanted && !wanted.has(i) ? undefined : loadShard(path.join(dir, name), secret, memory),
    ),
  );
  return new PersistentRenderCache(shards.map((s) => (s === undefined ? new Map() : s)));
}

/** Whether `workspace` has a render cache file (a first export has none: it renders everything). */
export async function hasRenderCache(workspace: string): Promise<boolean> {
  const stats = await Promise.all(RENDER_CACHE_FILES.map((name) => lstatOrNull(path.join(cacheDir(workspace), name))));
  return stats.some((s) => s?.isFile());
}

/**
 * Removes `file` (a receipt or snapshot in the workspace's .casebook/) only when that folder
 * is a real one: one planted as a link would have the removal reach outside the workspace.
 * Never throws.
 */
export async function removeCacheFile(workspace: string, file: string): Promise<void> {
  if (!(await lstatOrNull(cacheDir(workspace)))?.isDirectory()) return;
  await fsp.rm(file, { force: true }).catch(() => undefined);
}

/** The workspace's .casebook/ folder, made (with its .gitignore) when missing; null when its place holds a link or a file. */
export async function ensureCacheDir(workspace: string): Promise<string | null> {
  const dir = cacheDir(workspace);
  let stat = await lstatOrNull(dir);
  if (!stat) {
    // Not recursive: a workspace folder that is gone must not be made again.
    await fsp.mkdir(dir).catch(() => undefined);
    stat = await lstatOrNull(dir);
  }
  if (!stat?.isDirectory()) return null;
  // Kept out of git even if its .gitignore was deleted (wx: never through a planted link).
  await fsp.writeFile(path.join(dir, '.gitignore'), GITIGNORE, { flag: 'wx' }).catch(() => undefined);
  return dir;
}

/** Removes an older Casebook's cache files, whose entries this one keeps in other files. Never throws. */
async function removeSixteenFileCache(workspace: string): Promise<void> {
  const names = await fsp.readdir(cacheDir(workspace)).catch(() => []);
  const old = names.filter((name) => SIXTEEN_FILE_CACHE.includes(name));
  await Promise.all(old.map((name) => removeCacheFile(workspace, path.join(cacheDir(workspace), name))));
}

/**
 * Saves what this export used into the workspace's cache, rewriting only the files that
 * change. Writes nothing without a secret, or where the cache folder's place holds a link or
 * a file, or a file's place something other than a file. Returns files written.
 */
export async function saveRenderCache(
  workspace: string,
  cache: PersistentRenderCache,
  memory: ExportMemory,
): Promise<number> {
  await removeSixteenFileCache(workspace);
  const changed = cache
    .shards()
    .flatMap((shard, i) => (shard.changed ? [{ ...shard, name: RENDER_CACHE_FILES[i]! }] : []));
  if (!changed.length) return 0;
  const secret = await localSecret();
  const dir = secret ? await ensureCacheDir(workspace) : null;
  if (!secret || !dir) return 0;
  const written = await Promise.all(
    changed.map(async ({ name, entries }) => {
      const file = path.join(dir, name);
      const before = await lstatOrNull(file);
      if (before && !before.isFile()) return 0;
      await writeFileAtomic(file, serializeRenderCache(entries, secret), unsyncedWriteOps);
      const after = await lstatOrNull(file);
      if (after) remember(memory, file, after, new Map(entries));
      return 1;
    }),
  );
  return written.reduce<number>((a, b) => a + b, 0);
}
