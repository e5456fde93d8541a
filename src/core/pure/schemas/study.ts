// A case study: metadata plus four rich-text sections (TipTap JSON), one file per study.
import { z } from 'zod';
import { richTextDocSchema } from './rich-text';
import { SCHEMA_VERSION } from './site';
import { isWindowsDeviceName, windowsDeviceNameMessage } from './windows-names';

export const sectionKeys = ['problem', 'decisions', 'tradeoffs', 'lessons'] as const;
export type SectionKey = (typeof sectionKeys)[number];
export const sectionLabels: Record<SectionKey, string> = {
  problem: 'Problem',
  decisions: 'Decisions',
  tradeoffs: 'Tradeoffs',
  lessons: 'Lessons',
};

export const studyIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Study id must be 1–64 lowercase letters, digits or dashes')
  .refine((id) => !isWindowsDeviceName(id), windowsDeviceNameMessage('Study id'));

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Slug may hold only lowercase letters, digits and single dashes')
  .max(80, 'Slug is longer than 80 characters')
  .refine((slug) => !isWindowsDeviceName(slug), windowsDeviceNameMessage('Slug'));

export const isoDateSchema = z.iso.date({ error: 'Date must be a real date written YYYY-MM-DD' });

export const statusSchema = z.enum(['draft', 'published']);
export const outcomeSchema = z.enum(['succeeded', 'failed', 'mixed', 'ongoing']);

const tagOrCategory = z.string().trim().min(1).max(80);

export const studySchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: studyIdSchema,
  slug: slugSchema,
  title: z.string().max(300, 'Title is longer than 300 characters'),
  summary: z.string().max(1000, 'Summary is longer than 1000 characters'),
  status: statusSchema,
  outcome: outcomeSchema.nullable(),
  categories: z.array(tagOrCategory).max(50),
  tags: z.array(tagOrCategory).max(100),
  featured: z.boolean(),
  date: isoDateSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  problem: richTextDocSchema,
  decisions: richTextDocSchema,
  tradeoffs: richTextDocSchema,
  lessons: richTextDocSchema,
});
export type Study = z.infer<typeof studySchema>;

/** What the author may change; id, timestamps and schemaVersion belong to the store. */
export const studyPatchSchema = studySchema
  .omit({ schemaVersion: true, id: true, createdAt: true, updatedAt: true })
  .partial()
  .strict();
export type StudyPatch = z.infer<typeof studyPatchSchema>;

export const studySummarySchema = studySchema.pick({
  id: true,
  slug: true,
  title: true,
  summary: true,
  status: true,
  outcome: true,
  categories: true,
  tags: true,
  featured: true,
  date: true,
  createdAt: true,
  updatedAt: true,
});
export type StudySummary = z.infer<typeof studySummarySchema>;

/** The summary fields of a study (or of a summary with more fields), nothing else. */
export function toSummary(study: StudySummary): StudySummary {
  const { id, slug, title, summary, status, outcome, categories, tags, featured, date } = study;
  return {
    id,
    slug,
    title,
    summary,
    status,
    outcome,
    categories,
    tags,
    featured,
    date,
    createdAt: study.createdAt,
    updatedAt: study.updatedAt,
  };
}
