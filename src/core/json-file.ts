// A lowdb adapter for one JSON file that must match a zod schema: reads report a
// reason when the file does not parse or validate; writes are atomic, pretty-printed
// and in the schema's key order, so files diff cleanly in git.
import { promises as fsp } from 'node:fs';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { describeZodError } from './errors';

export class InvalidFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InvalidFileError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses and validates file contents; throws InvalidFileError with a readable reason. */
export function parseJsonFile<S extends z.ZodType>(file: string, bytes: Uint8Array, schema: S): z.output<S> {
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
  const result = schema.safeParse(json);
  if (!result.success)
    throw new InvalidFileError(file, `the content does not match the format: ${describeZodError(result.error)}`);
  return result.data;
}

export function serializeJson<S extends z.ZodType>(schema: S, data: unknown): string {
  return `${JSON.stringify(schema.parse(data), null, 2)}\n`;
}

export class ValidatedJsonFile<S extends z.ZodType> implements Adapter<z.output<S>> {
  constructor(
    readonly file: string,
    readonly schema: S,
  ) {}

  async read(): Promise<z.output<S> | null> {
    let bytes: Uint8Array;
    try {
      bytes = await fsp.readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return parseJsonFile(this.file, bytes, this.schema);
  }

  async write(data: z.output<S>): Promise<void> {
    await writeFileAtomic(this.file, serializeJson(this.schema, data));
  }
}
