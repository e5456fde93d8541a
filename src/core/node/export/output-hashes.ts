// Hashes of what an export writes and of what is on disk, and reading a file in the output
// folder without following a link planted in its place.
import { createHash } from 'node:crypto';
import { readRegularFileOrNull } from '../regular-file';
import type { ExportMemory } from './export-memory';

// Hashing a string directly skips making a Buffer of it (20 MB for 1,000 studies) in JS.
export const sha1 = (contents: string | Uint8Array): string => createHash('sha1').update(contents).digest('base64');

// Hashes of recent texts, by the text itself (in `memory`): the site export hands over the
// very same strings for unchanged pages, and a Map finds a string it has seen far faster than
// SHA-1 reads it. Bounded, so a long session does not hold old exports forever.
const MAX_REMEMBERED_CHARS = 48_000_000;

export function hashOf(contents: string | Uint8Array, memory: ExportMemory): string {
  if (typeof contents !== 'string') {
    let hash = memory.byteHashes.get(contents);
    if (hash === undefined) memory.byteHashes.set(contents, (hash = sha1(contents)));
    return hash;
  }
  let hash = memory.textHashes.get(contents);
  if (hash === undefined) {
    hash = sha1(contents);
    if (memory.textHashChars + contents.length > MAX_REMEMBERED_CHARS) {
      memory.textHashes.clear();
      memory.textHashChars = 0;
    }
    memory.textHashes.set(contents, hash);
    memory.textHashChars += contents.length;
  }
  return hash;
}

export const byteLength = (contents: string | Uint8Array): number =>
  typeof contents === 'string' ? Buffer.byteLength(contents, 'utf8') : contents.byteLength;

export function toBuffer(contents: string | Uint8Array): Buffer {
  return typeof contents === 'string'
    ? Buffer.from(contents) // UTF-8
    : Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength);
}

/** The bytes of a regular file, or null when `file` is a link, a FIFO or anything else. */
/** Larger than any page or image an export writes: a bigger file is not Casebook's. */
const MAX_OUTPUT_FILE_BYTES = 256 * 1024 * 1024;

/** A file's bytes when it is a regular file (never through a link, never blocking), else null. */
export function readRegularFile(file: string): Promise<Buffer | null> {
  return readRegularFileOrNull(file, MAX_OUTPUT_FILE_BYTES);
}
