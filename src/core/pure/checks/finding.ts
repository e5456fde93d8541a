// A publish-readiness finding: what is wrong, how bad, and where (so the editor can jump there).
import { z } from 'zod';

export const findingFieldSchema = z.enum([
  'title',
  'summary',
  'categories',
  'date',
  'slug',
  'problem',
  'decisions',
  'tradeoffs',
  'lessons',
  'metrics',
  'cover',
  /** The study's conflict list (merge/conflict-schema.ts): what a merge kept for the author to resolve. */
  'conflicts',
]);
export type FindingField = z.infer<typeof findingFieldSchema>;

export const findingSchema = z.object({
  /** Stable for the same problem in the same place: the UI can key list items by it. */
  id: z.string(),
  rule: z.string(),
  /** Errors block publishing (and fail `casebook check --strict`); warnings are advice. */
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  field: findingFieldSchema,
  /** Child indexes from the section's doc down to the node (doc.content[i].content[j]…); for key results, [the metric's index]. */
  path: z.array(z.number().int()).optional(),
  /** The same place as a ProseMirror position in the section's editor (for setTextSelection). */
  pos: z.number().int().optional(),
});
export type Finding = z.infer<typeof findingSchema>;
