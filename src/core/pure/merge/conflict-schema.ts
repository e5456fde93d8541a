// A conflict list (a study's; casebook.json's and a template's use the same entries): what a merge (git sync, the merge driver) could not decide. The
// same field, or the same block of a section, was changed differently on both sides: the study
// keeps one side (mine: ours at the merge) and records the other here, so nothing is lost and
// no conflict marker ever enters the file. The author then keeps mine, takes theirs or keeps
// both (merge/resolve-conflict.ts). The list lives after the sections (not in the file's head);
// the library reads its length from the small summary field `conflictCount`.
import { z } from 'zod';
import { nestsDeeperThan } from '../json-depth';
import { sectionKeys } from '../schemas/section-keys';

/** Most conflicts one study keeps: a merge past it drops the oldest records (merge/conflict-list.ts). */
export const MAX_CONFLICTS = 100;

/** How deeply a recorded value may nest: a block at the rich-text limit nests about 200 levels. */
const MAX_VALUE_DEPTH = 256;

/** A field's value or a block (TipTap JSON), null for "absent"; depth-bounded before anything recurses. */
export const conflictValueSchema = z
  .custom<unknown>((value) => value !== undefined, 'A conflict value is missing')
  .check((ctx) => {
    if (nestsDeeperThan(ctx.value, MAX_VALUE_DEPTH))
      ctx.issues.push({ code: 'custom', message: 'A conflict value is nested too deeply', input: ctx.value });
  });

/**
 * Where the two sides disagree: a field (of study-fields.ts; in casebook.json a site setting, in
 * a template one of its keys), or one top-level block of a section by its id. `item` names one
 * member of a field that merges part by part: a site author by name, a template's section.
 */
export const conflictWhereSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('field'), field: z.string().min(1).max(64), item: z.string().min(1).max(200).optional() })
    .strict(),
  z
    .object({
      kind: z.literal('block'),
      section: z.enum(sectionKeys),
      /** The block's id (its `attrs.id`) in the study as kept. */
      block: z.string().min(1).max(128),
    })
    .strict(),
]);
export type ConflictWhere = z.infer<typeof conflictWhereSchema>;

export const conflictIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Conflict id must be 1–64 letters, digits, _ or -');

export const conflictSchema = z
  .object({
    id: conflictIdSchema,
    /** When the merge recorded it (ISO date-time). */
    at: z.iso.datetime(),
    where: conflictWhereSchema,
    /** The value the study kept when the conflict was recorded (a block, or the field's value). */
    mine: conflictValueSchema,
    /** The other side's value: a block, the field's value, null when that side removed it. */
    theirs: conflictValueSchema,
    /** Who made their change, when the merge knows it (a git author). */
    theirsAuthor: z.string().max(200).optional(),
  })
  .strict();
export type Conflict = z.infer<typeof conflictSchema>;

export const conflictListSchema = z.array(conflictSchema).max(MAX_CONFLICTS);
export type ConflictList = z.infer<typeof conflictListSchema>;

/**
 * A settings file's conflict list as read from disk (casebook.json, a template): its first
 * MAX_CONFLICTS valid entries; what is not a valid entry (or past the bound) is left out and
 * counted. One bad record (a hand edit, a hostile commit, an older Casebook) must never make
 * the whole file unreadable: the settings beside it are the team's.
 */
export function readConflictList(raw: unknown): { conflicts: ConflictList; dropped: number } {
  if (raw === undefined) return { conflicts: [], dropped: 0 };
  if (!Array.isArray(raw)) return { conflicts: [], dropped: 1 };
  const conflicts: ConflictList = [];
  const ids = new Set<string>();
  for (const entry of raw as unknown[]) {
    if (conflicts.length >= MAX_CONFLICTS) break;
    const parsed = conflictSchema.safeParse(entry);
    if (!parsed.success || ids.has(parsed.data.id)) continue;
    ids.add(parsed.data.id);
    conflicts.push(parsed.data);
  }
  return { conflicts, dropped: raw.length - conflicts.length };
}

/** A settings file's `conflicts` key: read leniently (readConflictList), written as it is. */
export const storedConflictListSchema = z.unknown().transform((raw) => readConflictList(raw).conflicts);

export const conflictChoiceSchema = z.enum(['mine', 'theirs', 'both']);
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;
