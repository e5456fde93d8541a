// The export marker, `<out>/.casebook-export.json`: the one file in an export folder that is
// not part of the site. It says the folder is a Casebook export of one format, and lists each
// file Casebook wrote there with its size, mtime and SHA-1 — paths and hashes only, no page
// content, so it is harmless to upload with the site. Only a file whose bytes still hash to
// what is recorded here may be overwritten or removed by a later export.
//
// Before writing anything, an export records what it is about to write under `pending` and
// syncs the marker; a run killed part way therefore leaves a folder the next run recognises,
// with every file it wrote accounted for.
import path from 'node:path';
import { z } from 'zod';
import { nodeAtomicWriteOps, writeFileAtomic } from '../atomic-write';
import { readRegularFile } from '../regular-file';
import { exportFormatSchema } from '../../pure/export/export-formats';
import { EXPORT_MARKER } from './output-paths';

const MAX_MARKER_BYTES = 256 * 1024 * 1024;
const MAX_PATH = 4096;

const fileRecordSchema = z.object({
  path: z.string().min(1).max(MAX_PATH),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  sha1: z.string().min(1).max(100),
});
export type FileRecord = z.infer<typeof fileRecordSchema>;

const pendingSchema = z.object({
  path: z.string().min(1).max(MAX_PATH),
  size: z.number().int().nonnegative(),
  sha1: z.string().min(1).max(100),
});
export type PendingFile = z.infer<typeof pendingSchema>;

const markerSchema = z.object({
  casebookExport: z.literal(1),
  format: exportFormatSchema,
  files: z.array(fileRecordSchema),
  /** Files an export was writing when it stopped (absent once an export finished). */
  pending: z.array(pendingSchema).optional(),
});
export type Marker = z.infer<typeof markerSchema>;

/**
 * The folder's marker: null when there is none, 'invalid' when a file of that name is there
 * but is not a marker Casebook wrote (empty, not JSON, another shape, a link, a folder).
 * Never follows a link, never blocks on a FIFO.
 */
export async function readMarker(outDir: string): Promise<Marker | 'invalid' | null> {
  let bytes: Buffer | null;
  try {
    // Not a link, a folder or a FIFO (never blocking on one), and bounded.
    bytes = await readRegularFile(path.join(outDir, EXPORT_MARKER), MAX_MARKER_BYTES);
  } catch {
    return 'invalid';
  }
  // Stryker disable next-line ConditionalExpression: null only for a marker gone since the folder was listed
  if (bytes === null) return null;
  try {
    // Empty or not JSON: JSON.parse throws.
    const parsed = markerSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : 'invalid';
  } catch {
    return 'invalid';
  }
}

/**
 * Writes the marker atomically and durably (file and folder synced) even when the pages are
 * not: a marker a power cut left empty would make the folder look foreign, and two small
 * fsyncs per export cost a few milliseconds.
 */
export async function writeMarker(outDir: string, marker: Marker): Promise<void> {
  const ordered: Marker = { ...marker, files: [...marker.files].sort((a, b) => (a.path < b.path ? -1 : 1)) };
  if (!ordered.pending?.length) delete ordered.pending;
  await writeFileAtomic(path.join(outDir, EXPORT_MARKER), `${JSON.stringify(ordered, null, 1)}\n`, nodeAtomicWriteOps);
}
