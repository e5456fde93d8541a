// The section texts kept in the search index file (search-index-file.ts), one study's at a
// time: read when a snippet or a phrase needs them, never all held in memory. Each study's
// texts carry a digest in the file's signed header, checked at every read, so the load reads
// and hashes only the word pairs (~8 MB at 10,000 studies) and not the texts (~100 MB).
import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { openRegularFileSync } from './regular-file';
import { sectionKeys } from '../pure/schemas/study';
import type { SectionTexts } from '../pure/library/search-index';

export const NO_TEXTS = Object.freeze(Object.fromEntries(sectionKeys.map((key) => [key, '']))) as SectionTexts;

/** A study's texts as the file holds them: its id, then its four section texts. */
export const textBytes = (id: string, sections: SectionTexts): Buffer =>
  Buffer.from(JSON.stringify([id, ...sectionKeys.map((key) => sections[key])]));

/** What the header records of a study's text bytes (128 bits of SHA-256). */
export const textDigest = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).digest().subarray(0, 16).toString('base64url');
/** The length of every `textDigest` (16 bytes in base64url). */
export const TEXT_DIGEST_CHARS = 22;

/** Where a study's texts lie in the file, and what they must hash to. */
export interface TextPlace {
  file: string;
  id: string;
  offset: number;
  length: number;
  digest: string;
}

/**
 * Reads a study's texts from the file (opened for this read only: it may have been replaced).
 * Bytes that do not match their digest (damaged, or another file written since) give no texts,
 * and `damaged` is told, so the study is read again from its own file.
 */
export function readTexts(place: TextPlace, damaged: (id: string) => void): SectionTexts {
  // Not following a link, not blocking on a pipe or device swapped in since the load.
  const opened = openRegularFileSync(place.file, Number.MAX_SAFE_INTEGER);
  if (!opened) {
    damaged(place.id);
    return NO_TEXTS;
  }
  try {
    const bytes = Buffer.alloc(place.length);
    // A regular file gives these bytes in one read; the loop is for a short read (which no test
    // can cause), so its arithmetic is left out of mutation testing.
    // Stryker disable next-line EqualityOperator
    for (let got = 0; got < place.length;) {
      // Stryker disable next-line ArithmeticOperator
      const n = readSync(opened.fd, bytes, got, place.length - got, place.offset + got);
      if (n === 0) break;
      got += n;
    }
    const parsed: unknown = textDigest(bytes) === place.digest ? JSON.parse(bytes.toString('utf8')) : null;
    // Signed and matching, so ours; checked all the same (an older build's bug must not crash a search).
    if (!Array.isArray(parsed) || parsed[0] !== place.id || !parsed.every((t) => typeof t === 'string')) {
      damaged(place.id);
      return NO_TEXTS;
    }
    return Object.fromEntries(sectionKeys.map((key, i) => [key, parsed[i + 1] as string])) as SectionTexts;
  } catch {
    damaged(place.id);
    return NO_TEXTS;
  } finally {
    closeSync(opened.fd);
  }
}
