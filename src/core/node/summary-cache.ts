// The summary cache: `<workspace>/.casebook/summaries.json`, so a large workspace opens to
// its list without reading every study file. For each study file it holds the file's mtime
// and size when it was read and the StudySummary read from it:
//
//   {"format":1,"note":"…","mac":"…","studies":[{"id":"…","mtimeMs":…,"size":…,"summary":{…}},…]}
//
// It is derived data: deleting it (or the whole .casebook/ folder) is always safe; the next
// open reads every study file again and writes a new one. An entry is only used while its
// file's mtime and size are exactly as recorded; any difference means the file is read and
// validated in full (and quarantined if damaged) as if there were no cache. A cache that does
// not parse, does not match this shape, or comes from a newer Casebook is ignored and later
// replaced, never quarantined. The folder carries a .gitignore so a workspace kept in git
// does not commit it.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { CasebookError } from '../pure/errors';
import { readRegularFile } from './regular-file';
import { workspaceEntryRefusal } from './workspace-folders';
import { localSecret, macOf } from './local-secret';
import type { StudySummary } from '../pure/schemas/study';
import { STUDY_FORMAT, summaryKeys } from '../pure/schemas/study-fields';

export const CACHE_DIR = '.casebook';
export const SUMMARY_CACHE_FILE = 'summaries.json';
export const SUMMARY_CACHE_FORMAT = 1;
/**
 * A file modified this recently could be modified again within the same mtime tick (FAT
 * keeps 2 s, some network and older file systems 1 s) with the same size, and the cache
 * could not tell. Such entries are left out of the written cache and read again next time.
 */
export const RACY_MS = 2_000;
/** Far above the cache of 100,000 studies; a larger file was not written by Casebook. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

export interface CachedSummary {
  mtimeMs: number;
  size: number;
  summary: StudySummary;
}

/**
 * What a cached summary holds: the study format and the summary's fields. It is signed with
 * the entries, so a cache written by a Casebook whose summaries had other fields (before a
 * field was added, or after one was dropped) is ignored as a whole.
 */
const SUMMARY_SHAPE = `${STUDY_FORMAT}:${summaryKeys.join(',')}`;

// The envelope is checked here; the entries only once their signature matches, and then for
// the keys the store relies on. Every summary written here came from a study file that passed
// the full schema under this shape: checking each of 10,000 entries against a schema again
// cost ~40 % of a large workspace's first library page (the open time this cache is for).
// The envelope is what precedes the studies, which are last (as written below).
const envelopeSchema = z.object({
  format: z.literal(SUMMARY_CACHE_FORMAT),
  note: z.string().optional(),
  mac: z.string(),
});
const STUDIES_KEY = ',"studies":';
/** Far above the envelope Casebook writes (format, note, mac: ~200 bytes). */
const MAX_ENVELOPE_BYTES = 4_096;

/** A signed entry as the store uses it, or null. */
function entryOf(value: unknown): [string, CachedSummary] | null {
  // Anything but an object (null, a number) has none of these fields.
  const { id, mtimeMs, size, summary } = (value ?? {}) as Record<string, unknown>;
  if (typeof id !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number') return null;
  if ((summary as { id?: unknown } | null | undefined)?.id !== id) return null;
  return [id, { mtimeMs, size, summary: summary as StudySummary }];
}

const NOTE = 'Derived from studies/*.json by Casebook to open large workspaces fast. Safe to delete.';

/**
 * The cache's entries are trusted as verified summaries, and a workspace in a synced folder or
 * an archive keeps the files' mtimes: entries are signed under the per-user secret
 * (local-secret.ts), so a cache written by anyone else's Casebook (or by hand) is ignored.
 */
export async function summaryCacheMac(studies: unknown): Promise<string | null> {
  return macOfStudies(JSON.stringify(studies));
}

/** The signature of the studies as JSON, its text or the file's bytes of it (the same UTF-8). */
async function macOfStudies(studies: string | Uint8Array): Promise<string | null> {
  const secret = await localSecret();
  return secret ? macOf(secret, `${SUMMARY_SHAPE}\n`, studies) : null;
}

export function summaryCachePath(workspace: string): string {
  return path.join(workspace, CACHE_DIR, SUMMARY_CACHE_FILE);
}

const STUDIES_KEY_BYTES = Buffer.from(STUDIES_KEY);
const CLOSING_BRACE = 0x7d;
const ASCII_SPACE = [0x20, 0x09, 0x0a, 0x0d];
/** The most trailing white space a cache may end with: the writer ends it with one newline. */
const MAX_TRAILING_SPACE = 64;
/** Where `bytes` end but for trailing ASCII white space (past MAX_TRAILING_SPACE: not ours). */
function endOfText(bytes: Buffer): number {
  let end = bytes.length;
  // Bounded: a planted file of spaces is not walked back byte by byte for seconds. (Before the
  // first byte, bytes[-1] is undefined: not white space.)
  while (bytes.length - end < MAX_TRAILING_SPACE && ASCII_SPACE.includes(bytes[end - 1]!)) end--;
  return end;
}

/** The cached summaries by study id; empty when there is no usable cache. Never throws. */
export async function readSummaryCache(workspace: string): Promise<Map<string, CachedSummary>> {
  const out = new Map<string, CachedSummary>();
  let bytes: Buffer | null;
  // Stryker disable BlockStatement: each catch here returns what the check after it would return
  try {
    bytes = await readRegularFile(summaryCachePath(workspace), MAX_CACHE_BYTES);
  } catch {
    return out; // unreadable, not a regular file or too large: read the study files instead
  }
  // Stryker restore BlockStatement
  if (!bytes) return out; // no cache yet
  // The studies are checked against the signature as they lie in the file, as bytes, and only
  // then parsed: signing a string of them (made, then encoded again) cost a 10,000-study
  // workspace's first page ~50 ms, where the bytes take ~4. Entries used are exactly the text
  // signed; a file laid out otherwise (reformatted by hand, the studies not last) is not
  // used, like any other damage.
  const end = endOfText(bytes);
  if (bytes[end - 1] !== CLOSING_BRACE) return out;
  const at = bytes.lastIndexOf(STUDIES_KEY_BYTES);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without the key the envelope does not parse either; said early
  if (at < 0) return out;
  // The envelope written is ~200 bytes: a planted one of megabytes is not decoded and parsed.
  if (at > MAX_ENVELOPE_BYTES) return out;
  const signed = bytes.subarray(at + STUDIES_KEY_BYTES.length, end - 1);
  let envelope: unknown;
  // Stryker disable BlockStatement
  try {
    envelope = JSON.parse(`${bytes.toString('utf8', 0, at)}}`);
  } catch {
    return out; // not JSON
  }
  // Stryker restore BlockStatement
  const parsed = envelopeSchema.safeParse(envelope);
  if (!parsed.success) return out; // damaged, hand-edited or from a newer Casebook
  // Anyone else's (or another Casebook's summary shape) is ignored.
  const mac = await macOfStudies(signed);
  if (mac !== parsed.data.mac) return out; // null (no secret) is no signature either
  let studies: unknown;
  // Stryker disable BlockStatement
  try {
    studies = JSON.parse(signed.toString('utf8'));
  } catch {
    return out;
  }
  // Stryker restore BlockStatement
  if (!Array.isArray(studies)) return out;
  for (const value of studies) {
    const entry = entryOf(value);
    if (entry) out.set(...entry);
  }
  return out;
}

/**
 * Writes the cache atomically from `entries` (study id → entry), leaving out files modified
 * within RACY_MS of `now`. Returns what was written. Throws when the write fails (the caller
 * decides whether that matters: it only makes the next open slower).
 */
export async function writeSummaryCache(
  workspace: string,
  entries: Iterable<[string, CachedSummary]>,
  now = Date.now(),
): Promise<Map<string, CachedSummary>> {
  const written = new Map<string, CachedSummary>();
  const studies: Array<{ id: string } & CachedSummary> = [];
  for (const [id, entry] of entries) {
    if (now - entry.mtimeMs < RACY_MS) continue;
    written.set(id, entry);
    studies.push({ id, mtimeMs: entry.mtimeMs, size: entry.size, summary: entry.summary });
  }
  // Ids are the keys of one map, never equal.
  // Stryker disable next-line EqualityOperator: with no equal ids, < and <= order alike
  studies.sort((a, b) => (a.id < b.id ? -1 : 1));
  await ensureCacheDir(workspace);
  // The studies are made JSON once, signed as bytes and written as they were signed (the file is
  // JSON.stringify({ format, note, mac, studies }), the studies last as the reader expects).
  const studiesBytes = Buffer.from(JSON.stringify(studies));
  const mac = await macOfStudies(studiesBytes);
  if (mac === null) throw new CasebookError('io_error', 'No per-user secret to sign the summary cache with.');
  const envelope = JSON.stringify({ format: SUMMARY_CACHE_FORMAT, note: NOTE, mac });
  const file = Buffer.concat([Buffer.from(`${envelope.slice(0, -1)}${STUDIES_KEY}`), studiesBytes, Buffer.from('}\n')]);
  await writeFileAtomic(summaryCachePath(workspace), file);
  return written;
}

/** Makes .casebook/ (with its .gitignore) unless it is there; refuses a link planted in its place. */
export async function ensureCacheDir(workspace: string): Promise<void> {
  const dir = path.join(workspace, CACHE_DIR);
  let created = true;
  try {
    // Not recursive: a workspace folder that is gone must not be created again.
    await fsp.mkdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    created = false;
  }
  // A link planted in place of the folder would carry the cache out of the workspace.
  const refusal = workspaceEntryRefusal(workspace, CACHE_DIR, 'folder');
  if (refusal) throw new CasebookError('invalid_input', refusal);
  if (created)
    // Stryker disable next-line ObjectLiteral: the folder was made just now, so no .gitignore can be there to keep
    await fsp.writeFile(path.join(dir, '.gitignore'), '# Derived data (Casebook caches): safe to delete.\n*\n', {
      // Stryker disable next-line StringLiteral: as above, "wx" (never overwrite) cannot make a difference here
      flag: 'wx',
    });
}
