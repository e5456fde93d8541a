// What the contract says about conflicts in site settings and templates (settings-merge.ts):
// each file's list with the version it was read at, for the compare-and-swap of a resolve.
import { z } from 'zod';
import { siteSettingsSchema } from '../schemas/site';
import { templateIdSchema } from '../templates/template-schema';
import { conflictChoiceSchema, conflictIdSchema, conflictListSchema } from './conflict-schema';

const versionSchema = z.string().min(1).max(64);

export const templateConflictsSchema = z.object({
  id: templateIdSchema,
  name: z.string(),
  version: versionSchema,
  conflicts: conflictListSchema,
});
export type TemplateConflicts = z.infer<typeof templateConflictsSchema>;

export const settingsConflictsSchema = z.object({
  site: z.object({ version: versionSchema, conflicts: conflictListSchema }),
  /** Only templates that hold conflicts. */
  templates: z.array(templateConflictsSchema),
});
export type SettingsConflicts = z.infer<typeof settingsConflictsSchema>;

/** Which file the conflict is in: casebook.json's site settings, or a template by id. */
export const settingsTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('site') }).strict(),
  z.object({ kind: z.literal('template'), id: templateIdSchema }).strict(),
]);
export type SettingsTarget = z.infer<typeof settingsTargetSchema>;

export const resolveSettingsConflictInputSchema = z
  .object({
    target: settingsTargetSchema,
    conflictId: conflictIdSchema,
    choice: conflictChoiceSchema,
    /** The file's version when its conflicts were shown: a change since is refused ("conflict"). */
    baseVersion: versionSchema.optional(),
  })
  .strict();

export const settingsResolutionSchema = z.object({
  /** The site settings as they now are (changed only when the target was the site). */
  site: siteSettingsSchema,
  /** Every file's conflicts after the resolve. */
  conflicts: settingsConflictsSchema,
  /** What Keep both could not keep (a one-value setting keeps mine): to show the author. */
  note: z.string().nullable(),
});
export type SettingsResolution = z.infer<typeof settingsResolutionSchema>;
