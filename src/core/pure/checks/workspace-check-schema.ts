// The shape of a workspace's publish-readiness report, apart from the checks that make it:
// the contract (and so the sandboxed preload) imports this, never the check logic.
import { z } from 'zod';
import { findingSchema } from './finding';

export const studyCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(['draft', 'published']),
  findings: z.array(findingSchema),
  errors: z.number().int(),
  warnings: z.number().int(),
});
export type StudyCheck = z.infer<typeof studyCheckSchema>;

/**
 * A settings file holding conflicts from a sync — casebook.json's block a publish (errors), a template's do not
 * (warnings) — or a casebook.json that cannot be read (an error: the export refuses it too).
 */
export const settingsCheckSchema = z.object({
  /** "Site settings", or "Template 'Incident'". */
  label: z.string(),
  /** Where each conflict is ("Title", "Authors: Dana Kim"). */
  places: z.array(z.string()),
  errors: z.number().int(),
  warnings: z.number().int(),
  /** Said instead of the conflicts' message: why the file itself is an error (casebook.json unreadable). */
  message: z.string().optional(),
});
export type SettingsCheck = z.infer<typeof settingsCheckSchema>;

export const workspaceCheckSchema = z.object({
  studies: z.array(studyCheckSchema),
  settings: z.array(settingsCheckSchema).default([]),
  totals: z.object({
    studies: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    studiesWithErrors: z.number().int(),
  }),
});
export type WorkspaceCheck = z.infer<typeof workspaceCheckSchema>;
