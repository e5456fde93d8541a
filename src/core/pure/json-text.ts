// How Casebook writes its JSON files (studies, casebook.json): checked by the schema, in the
// schema's key order, pretty-printed with two spaces and a final newline, so files diff cleanly
// in git and a file's head holds its summary (study-head.ts). The store and the merge both
// write through this, so a merged file is byte-for-byte what a save of it would be.
import type { z } from 'zod';

export function serializeJson<S extends z.ZodType>(schema: S, data: unknown): string {
  return `${JSON.stringify(schema.parse(data), null, 2)}\n`;
}
