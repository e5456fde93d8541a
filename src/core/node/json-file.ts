// A lowdb adapter for one JSON file that must match a zod schema: reads report a
// reason when the file does not parse or validate; writes are atomic, pretty-printed
// and in the schema's key order, so files diff cleanly in git.
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { describeZodError } from '../pure/errors';
import { serializeJson } from '../pure/json-text';
import { MAX_STUDY_FILE_BYTES, readRegularFile, UnreadableFileError } from './regular-file';

export class InvalidFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InvalidFileError';
  }
}

/**
 * The file parses and names a schemaVersion above the one this app writes: it comes from a
 * newer Casebook. Not damage: it must be left exactly where it is and never rewritten.
 */
export class NewerVersionError extends Error {
  constructor(
    readonly file: string,
    readonly version: number,
  ) {
    super(`${file}: written by a newer Casebook (format ${version})`);
    this.name = 'NewerVersionError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The schemaVersion a parsed JSON value (never null here) claims, when it is a number. */
function claimedVersion(json: unknown): number | null {
  // A string, number, boolean or array has no schemaVersion: reading it gives undefined.
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  return typeof version === 'number' && Number.isFinite(version) ? version : null;
}

/**
 * Parses and validates file contents; throws InvalidFileError with a readable reason, or
 * NewerVersionError when `newestVersion` is given and the file claims a later schemaVersion.
 */
export function parseJsonFile<S extends z.ZodType>(
  file: string,
  bytes: Uint8Array,
  schema: S,
  newestVersion?: number,
): z.output<S> {
  if (bytes.length === 0) throw new InvalidFileError(file, 'the file is empty');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InvalidFileError(file, 'the file is not valid UTF-8 text');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InvalidFileError(file, `the file is not valid JSON (${(err as Error).message})`);
  }
  // The adapters' schemas accept null (lowdb's "no data yet"), but a file holding only
  // `null` is damage, not an empty workspace: it must be set aside, not skipped or overwritten.
  if (json === null) throw new InvalidFileError(file, 'the file holds only null, not a Casebook document');
  const version = claimedVersion(json);
  if (newestVersion !== undefined && version !== null && version > newestVersion)
    throw new NewerVersionError(file, version);
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(json);
  } catch (err) {
    // A recursive schema overflows the stack on content nested deeper than any editor makes:
    // damage in this one file, not a failure of the app.
    if (err instanceof RangeError) throw new InvalidFileError(file, 'the content is nested too deeply to read');
    throw new InvalidFileError(file, `the content could not be checked (${(err as Error).message})`);
  }
  if (!result.success)
    throw new InvalidFileError(file, `the content does not match the format: ${describeZodError(result.error)}`);
  return result.data;
}

export { serializeJson } from '../pure/json-text';

export class ValidatedJsonFile<S extends z.ZodType> implements Adapter<z.output<S>> {
  constructor(
    readonly file: string,
    readonly schema: S,
    /** When set, a file claiming a later schemaVersion throws NewerVersionError. */
    readonly newestVersion?: number,
    readonly maxBytes = MAX_STUDY_FILE_BYTES,
  ) {}

  /**
   * Null when the file is missing. A regular file over the size bound is damage
   * (InvalidFileError); a link or a file that is not regular throws UnreadableFileError (to be
   * skipped, not moved); other I/O errors are thrown as they come.
   */
  async read(): Promise<z.output<S> | null> {
    let bytes: Uint8Array | null;
    try {
      bytes = await readRegularFile(this.file, this.maxBytes);
    } catch (err) {
      if (err instanceof UnreadableFileError && err.setAside) throw new InvalidFileError(this.file, err.reason);
      throw err;
    }
    if (bytes === null) return null;
    return parseJsonFile(this.file, bytes, this.schema, this.newestVersion);
  }

  async write(data: z.output<S>): Promise<void> {
    await writeFileAtomic(this.file, serializeJson(this.schema, data));
  }
}
