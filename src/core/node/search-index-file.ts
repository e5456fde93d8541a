// The library's full-text index on disk: `<workspace>/.casebook/search-index.bin`, so a reopened
// workspace searches its full text at once and reads only the study files that changed. Each
// study's entry is keyed by its file's mtime and size when it was indexed; an entry counts only
// while the file is exactly so (and the store vouches for the file: see LibraryService).
//
//   "CBSI" · u32 LE header length · header · words (u32 LE per study word) · field bits (u8 each) · texts
//
// The header is signed text (local-secret.ts: a MAC line, then JSON) naming the word table, each
// study's id, stamp, word count, publish-check counts, text length and text digest, and the
// SHA-256 of the word pairs. The texts (each study's id and four section texts as a JSON array)
// are read from the file, and checked against their digest, when a snippet needs them
// (search-index-texts.ts). Derived data, as the summary cache: a file that is damaged, too
// large, from another Casebook format or signed by anyone else's is ignored and rewritten.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { localSecret, signedText, verifiedBody } from './local-secret';
import { openRegularFile, readFully } from './regular-file';
import { CACHE_DIR, ensureCacheDir } from './summary-cache';
import type { IndexedWords, SectionTexts } from '../pure/library/search-index';
import type { PersistedPostings } from '../pure/library/search-index-restore';
import { inTimeSlices } from './time-slices';
import { readTexts, TEXT_DIGEST_CHARS, textBytes, textDigest } from './search-index-texts';

export const SEARCH_INDEX_FILE = 'search-index.bin';
/** 2: texts checked one by one at each read (1 hashed the whole file at every load). */
export const SEARCH_INDEX_FORMAT = 2;
const MAGIC = Buffer.from('CBSI');
/** Far above the index of 50,000 realistic studies (~0.6 GB); a larger file is not ours. */
// Stryker disable next-line ArithmeticOperator: observable only with a file of 2 GB
export const MAX_INDEX_BYTES = 2 ** 31 - 1;
const MAX_HEADER_BYTES = 256 * 1024 * 1024;
/** One study's texts; a study file is at most 16 MB (regular-file.ts). */
const MAX_TEXT_BYTES = 32 * 1024 * 1024;
/** Read and hashed at a time: ~1–3 ms of hashing, so a search waits at most that long. */
// Stryker disable next-line ArithmeticOperator: the size only sets how long one hash holds the thread
const READ_CHUNK = 1024 * 1024;

/** id, mtimeMs, size, word count, errors, warnings, text bytes, text digest. */
type HeaderRow = [string, number, number, number, number, number, number, string];
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
function isRow(row: unknown): row is HeaderRow {
  if (!Array.isArray(row) || row.length !== 8 || typeof row[0] !== 'string') return false;
  if (typeof row[7] !== 'string' || row[7].length !== TEXT_DIGEST_CHARS) return false;
  if (!Number.isFinite(row[1]) || (row[1] as number) < 0) return false;
  for (let i = 2; i < 7; i++) if (!isCount(row[i])) return false;
  return true;
}
// The word table and the rows are checked by plain loops: a schema walking 10,000 seven-item
// tuples took 0.1–0.4 s of the reopen (the check is the same: every field's type and range).
const headerSchema = z.object({
  format: z.literal(SEARCH_INDEX_FORMAT),
  sha256: z.string(),
  /** Whatever the publish-check counts were computed against (see LibraryService). */
  checkKey: z.string(),
  words: z.custom<string[]>((v) => Array.isArray(v) && v.every((w) => typeof w === 'string')),
  studies: z.custom<HeaderRow[]>((v) => Array.isArray(v) && v.every(isRow)),
});

export interface PersistedStudy extends IndexedWords {
  id: string;
  mtimeMs: number;
  size: number;
  counts: { errors: number; warnings: number };
  sections: SectionTexts;
}

export interface LoadedStudy {
  /** Its words, decoded when the study is taken (not all at once while the file is read). */
  indexed(): IndexedWords;
  mtimeMs: number;
  size: number;
  counts: { errors: number; warnings: number };
  /** Reads the texts from the file (empty when it no longer holds them). */
  sections: () => SectionTexts;
  /** Its place in the file, and its pairs in `LoadedIndex.postings` (from…from + n). */
  at: number;
  from: number;
  n: number;
}

export interface LoadedIndex {
  checkKey: string;
  studies: Map<string, LoadedStudy>;
  /** Every study's words as read, for building the index in bulk (null on a big-endian machine). */
  postings: PersistedPostings | null;
}

export function searchIndexPath(workspace: string): string {
  return path.join(workspace, CACHE_DIR, SEARCH_INDEX_FILE);
}

/** The index as on disk, or null when there is none usable. Never throws. */
export async function readSearchIndex(
  workspace: string,
  damaged: (id: string) => void = () => undefined,
): Promise<LoadedIndex | null> {
  const file = searchIndexPath(workspace);
  try {
    // Opened without following a link and held to the size of the file it opened: a link or a
    // device swapped in after a check cannot make this read more than the bound.
    const opened = await openRegularFile(file, MAX_INDEX_BYTES);
    // Stryker disable next-line ConditionalExpression: without it the TypeError is caught as null below
    if (!opened) return null; // missing: rebuilt from the study files
    try {
      return await readOpened(file, opened.handle, opened.stat.size, damaged);
    } finally {
      await opened.handle.close();
    }
  } catch {
    return null; // unreadable or not ours: rebuilt from the study files
  }
}

/**
 * The index in the open file of `size` bytes, or null when it is not a sound one of ours.
 * Only the header and the word pairs are read (the texts stay on disk until a snippet needs
 * them, checked then), a chunk at a time, each hashed as it arrives: no step holds the thread
 * for longer than one chunk's hash, so searches arriving meanwhile are answered. Nothing is
 * returned before the pairs matched the SHA-256 the signed header names.
 */
async function readOpened(
  file: string,
  handle: FileHandle,
  size: number,
  damaged: (id: string) => void,
): Promise<LoadedIndex | null> {
  const head = Buffer.alloc(8);
  if (!(await readFully(handle, head, 0)) || !head.subarray(0, 4).equals(MAGIC)) return null;
  const headerLength = head.readUInt32LE(4);
  // Bounds on memory: a header longer than the file fails its read anyway, but only after a
  // buffer of the length it claims (up to 4 GB) was allocated; and none over 256 MB is taken.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: most of these mutants differ only in what is allocated before the same null
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > size) return null;
  const payloadAt = 8 + headerLength;
  const headerBytes = Buffer.alloc(headerLength);
  if (!(await readFully(handle, headerBytes, 8))) return null;
  const secret = await localSecret();
  const body = secret && verifiedBody(secret, headerBytes);
  // Stryker disable next-line ConditionalExpression: without it the null fails the schema below
  if (!body) return null; // damaged, or written by anyone else's Casebook
  const parsed = headerSchema.safeParse(JSON.parse(body));
  // Stryker disable next-line ConditionalExpression: without it reading parsed.data throws, caught as null
  if (!parsed.success) return null;
  const { words, studies, sha256, checkKey } = parsed.data;
  const totalWords = studies.reduce((sum, s) => sum + s[3], 0);
  const totalText = studies.reduce((sum, s) => sum + s[6], 0);
  if (payloadAt + totalWords * 5 + totalText !== size || studies.some((s) => s[6] > MAX_TEXT_BYTES)) return null;
  const hash = createHash('sha256');
  // Its own memory (not a slice of a pool), so the word numbers can be viewed as u32.
  const postings = Buffer.allocUnsafeSlow(totalWords * 5);
  // Stryker disable next-line EqualityOperator: one more chunk would be empty, read and hashed as nothing
  for (let at = 0; at < postings.length; at += READ_CHUNK) {
    const chunk = postings.subarray(at, Math.min(at + READ_CHUNK, postings.length));
    if (!(await readFully(handle, chunk, payloadAt + at))) return null;
    hash.update(chunk);
  }
  if (hash.digest('hex') !== sha256) return null;
  const textsAt = payloadAt + postings.length;
  return {
    checkKey,
    studies: await entriesOf(file, words, studies, postings, textsAt, damaged),
    postings: bulkOf(words, postings, totalWords),
  };
}

/** The word numbers as they lie in the file (u32 LE): a view, not a copy (null on a big-endian machine). */
function bulkOf(words: string[], postings: Buffer, totalWords: number): PersistedPostings | null {
  // On a little-endian machine, with the pairs in memory of their own (offset 0), only the
  // mutant that turns the endianness test around can be told apart here.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,ArithmeticOperator: see above
  if (endianness() !== 'LE' || postings.byteOffset % 4 !== 0) return null;
  return {
    table: words,
    wordOf: new Uint32Array(postings.buffer, postings.byteOffset, totalWords),
    bitsOf: new Uint8Array(postings.buffer, postings.byteOffset + totalWords * 4, totalWords),
  };
}

/** Each study's entry, made in time slices: ~50 ms at 50,000 studies would hold a search. */
async function entriesOf(
  file: string,
  words: string[],
  studies: HeaderRow[],
  postings: Buffer,
  textsAt: number,
  damaged: (id: string) => void,
): Promise<Map<string, LoadedStudy>> {
  const totalWords = postings.length / 5;
  const out = new Map<string, LoadedStudy>();
  let wordAt = 0;
  let textAt = textsAt;
  await inTimeSlices(studies, ([id, mtimeMs, size, n, errors, warnings, textLength, digest]) => {
    // Stryker disable next-line StringLiteral: the message is for a debugger; the read answers null
    if (out.has(id)) throw new Error(`study ${id} is listed twice`);
    const from = wordAt;
    const offset = textAt;
    out.set(id, {
      at: out.size,
      from,
      n,
      mtimeMs,
      size,
      counts: { errors, warnings },
      indexed: () => {
        const at = (i: number) => words[postings.readUInt32LE((from + i) * 4)];
        // The payload matched its signed hash; a word out of range still indexes nothing.
        const found = Array.from({ length: n }, (_, i) => at(i) ?? '');
        return {
          words: found,
          bits: new Uint8Array(postings.subarray(totalWords * 4 + from, totalWords * 4 + from + n)),
        };
      },
      sections: () => readTexts({ file, id, offset, length: textLength, digest }, damaged),
    });
    wordAt += n;
    textAt += textLength;
  });
  return out;
}

/**
 * Writes the index atomically from `studies`, in time slices (the process keeps answering);
 * returns, for each study written, how to read its texts from the new file. Throws when the
 * write fails (the caller decides whether that matters: it only makes the next open slower).
 */
export async function writeSearchIndex(
  workspace: string,
  studies: PersistedStudy[],
  checkKey: string,
  damaged: (id: string) => void = () => undefined,
): Promise<Map<string, () => SectionTexts>> {
  const secret = await localSecret();
  if (!secret) throw new Error('No per-user secret to sign the search index with.');
  const wordIndex = new Map<string, number>();
  const table: string[] = [];
  const wordParts: Buffer[] = [];
  const bitParts: Buffer[] = [];
  const texts: Buffer[] = [];
  const rows: HeaderRow[] = [];
  await inTimeSlices(studies, (study) => {
    const indexes = Buffer.alloc(study.words.length * 4);
    study.words.forEach((word, i) => {
      let w = wordIndex.get(word);
      if (w === undefined) {
        w = table.push(word) - 1;
        wordIndex.set(word, w);
      }
      indexes.writeUInt32LE(w, i * 4);
    });
    const text = textBytes(study.id, study.sections);
    wordParts.push(indexes);
    bitParts.push(Buffer.from(study.bits));
    texts.push(text);
    const { errors, warnings } = study.counts;
    const digest = textDigest(text);
    rows.push([study.id, study.mtimeMs, study.size, study.words.length, errors, warnings, text.length, digest]);
  });
  const pairs = [...wordParts, ...bitParts];
  const hash = createHash('sha256');
  for (const part of pairs) hash.update(part);
  const header = Buffer.from(
    signedText(
      secret,
      JSON.stringify({
        format: SEARCH_INDEX_FORMAT,
        sha256: hash.digest('hex'),
        checkKey,
        words: table,
        studies: rows,
      }),
    ),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const file = searchIndexPath(workspace);
  await ensureCacheDir(workspace);
  await writeFileAtomic(file, Buffer.concat([MAGIC, length, header, ...pairs, ...texts]));
  const readers = new Map<string, () => SectionTexts>();
  let textAt = 8 + header.length + pairs.reduce((sum, part) => sum + part.length, 0);
  rows.forEach(([id, , , , , , textLength, digest]) => {
    const place = { file, id, offset: textAt, length: textLength, digest };
    readers.set(id, () => readTexts(place, damaged));
    textAt += textLength;
  });
  return readers;
}
