// A study's summary read from the head of its file, without parsing the four sections.
// Casebook writes study files pretty-printed in the schema's key order, so every summary
// field comes before the first section (`"problem"`) at two spaces of indent. A raw newline
// cannot occur inside a JSON string, so "\n  \"problem\":" can only be that key. Reading the
// few hundred bytes before it lets a large workspace be listed without parsing hundreds of
// megabytes. What this does not check — the sections — is checked by a full read later
// (StudyStore marks such entries unverified); any file that does not fit this shape
// exactly (another key order, indent, an older or newer format, damage in the head) gets
// null here and is read in full at once (where an older format is upgraded).
import { closeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { openRegularFileSync, readPrefixSync } from './regular-file';
import { studySchema, studySummarySchema, toSummary, type StudySummary } from '../pure/schemas/study';

const FIRST_READ = 8 * 1024;
/** Longest head read: tags, categories and a summary at their limits, all escaped, fit. */
const MAX_HEAD = 96 * 1024;
const SECTIONS_START = Buffer.from('\n  "problem":');

const headSchema = studySummarySchema.extend({ schemaVersion: studySchema.shape.schemaVersion });

export interface StudyHead {
  mtimeMs: number;
  size: number;
  summary: StudySummary;
}

/**
 * The summary at the head of a study file, or null when it must be read in full (which also
 * reports a link, a file that is not regular or one over the size bound). Never throws, never
 * blocks on a FIFO or device.
 */
export function readStudyHeadSync(file: string): StudyHead | null {
  const opened = openRegularFileSync(file);
  if (!opened) return null;
  const { fd, stat } = opened;
  try {
    const { mtimeMs, size } = stat;
    // Stryker disable next-line MethodExpression: reading past the end gives the same bytes (only a slower read)
    let buf = readPrefixSync(fd, Math.min(size, FIRST_READ));
    let cut = buf.indexOf(SECTIONS_START);
    // Not found in the first read of a longer file: the head may be longer (up to MAX_HEAD).
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a second read finds the same cut when the first found it or read the whole file (only a slower read)
    if (cut < 0 && size > FIRST_READ) {
      // Stryker disable next-line MethodExpression: reading past the end gives the same bytes
      buf = readPrefixSync(fd, Math.min(size, MAX_HEAD));
      cut = buf.indexOf(SECTIONS_START);
    }
    if (cut < 0) return null;
    const summary = parseHead(buf.subarray(0, cut));
    return summary ? { mtimeMs, size, summary } : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The summary from the bytes before the first section: `{ …summary fields…,` */
export function parseHead(bytes: Buffer): StudySummary | null {
  if (!isUtf8(bytes)) return null;
  const text = bytes.toString('utf8').trimEnd();
  if (!text.endsWith(',')) return null;
  let json: unknown;
  try {
    json = JSON.parse(`${text.slice(0, -1)}}`);
  } catch {
    return null;
  }
  const parsed = headSchema.safeParse(json);
  // Any other format fails headSchema (schemaVersion is a literal) and is read in full.
  if (!parsed.success) return null;
  return toSummary(parsed.data);
}
