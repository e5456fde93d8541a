// A study template: a JSON file in <workspace>/templates/<id>.json that pre-fills a new study.
// Sections are TipTap JSON or, easier to write by hand, Markdown text (headings, paragraphs,
// lists), converted when the template is read.
import { z } from 'zod';
import { richTextDocSchema } from '../schemas/rich-text';
import { metricLimits, metricSchema } from '../schemas/metrics';
import { outcomeSchema } from '../schemas/study';
import { storedConflictListSchema } from '../merge/conflict-schema';

export const TEMPLATES_DIR = 'templates';

export const templateIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Template id must be 1–64 lowercase letters, digits or dashes');

/**
 * A key result a template suggests: what to measure, never a number. A study made from the
 * template gets it as 0 → 0, which the publish checks refuse until the author enters the
 * measured values (checks/template-prompts.ts), so a suggestion is never published as data.
 */
export const metricSuggestionSchema = metricSchema.pick({ label: true, unit: true, better: true }).strict();
export type MetricSuggestion = z.infer<typeof metricSuggestionSchema>;

/** A template file's limits, read by its schema and by Keep both of a template conflict. */
export const templateLimits = {
  name: 80,
  description: 300,
  summaryPrompt: 300,
  categories: 10,
  tags: 20,
  section: 20_000,
} as const;

/** One section of a template: Markdown-like text, or a document as the editor writes it. */
export const templateSectionSchema = z.union([z.string().max(templateLimits.section), richTextDocSchema]);

export const templateFileSchema = z
  .object({
    name: z.string().trim().min(1, 'Template name is empty').max(templateLimits.name),
    description: z.string().trim().max(templateLimits.description).default(''),
    outcome: outcomeSchema.nullable().default(null),
    /** Suggested categories; only those the site has are applied. */
    categories: z.array(z.string().trim().min(1).max(80)).max(templateLimits.categories).default([]),
    tags: z.array(z.string().trim().min(1).max(80)).max(templateLimits.tags).default([]),
    /** What a good summary says, shown as a hint (the summary itself starts empty). */
    summaryPrompt: z.string().trim().max(templateLimits.summaryPrompt).default(''),
    metrics: z.array(metricSuggestionSchema).max(metricLimits.metrics).default([]),
    sections: z
      .object({
        problem: templateSectionSchema.default(''),
        decisions: templateSectionSchema.default(''),
        tradeoffs: templateSectionSchema.default(''),
        lessons: templateSectionSchema.default(''),
      })
      .strict()
      .default({ problem: '', decisions: '', tradeoffs: '', lessons: '' }),
    /** What a git merge could not decide (merge/settings-merge.ts); absent when there is nothing. */
    conflicts: storedConflictListSchema.optional(),
  })
  .strict();

/** What the author calls each key of a template file (a conflict's place; templates have no form). */
export const templateKeyLabels = new Map<string, string>([
  ['name', 'Name'],
  ['description', 'Description'],
  ['outcome', 'Outcome'],
  ['categories', 'Categories'],
  ['tags', 'Tags'],
  ['summaryPrompt', 'Summary hint'],
  ['metrics', 'Key results'],
  ['sections', 'Sections'],
]);
export type TemplateFile = z.input<typeof templateFileSchema>;
export type ParsedTemplateFile = z.output<typeof templateFileSchema>;

/** A template as the app offers it: its id (the file name) and sections as TipTap JSON. */
export const studyTemplateSchema = z.object({
  id: templateIdSchema,
  name: z.string(),
  description: z.string(),
  outcome: outcomeSchema.nullable(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  summaryPrompt: z.string(),
  metrics: z.array(metricSuggestionSchema),
  builtIn: z.boolean(),
  problem: richTextDocSchema,
  decisions: richTextDocSchema,
  tradeoffs: richTextDocSchema,
  lessons: richTextDocSchema,
});
export type StudyTemplate = z.infer<typeof studyTemplateSchema>;

export const templateProblemSchema = z.object({ file: z.string(), reason: z.string() });
export type TemplateProblem = z.infer<typeof templateProblemSchema>;

export const templateListSchema = z.object({
  templates: z.array(studyTemplateSchema),
  /** Files in templates/ that could not be read; they are left untouched. */
  problems: z.array(templateProblemSchema),
});
export type TemplateList = z.infer<typeof templateListSchema>;
