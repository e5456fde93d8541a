// A case study: the fields of study-fields.ts plus four rich-text sections (TipTap JSON), one
// file per study. Everything here is derived from that table; nothing names a field twice.
import { z } from 'zod';
import { richTextDocSchema } from './rich-text';
import {
  fieldKeys,
  STUDY_FORMAT,
  studyFields,
  summaryKeys,
  type FieldKey,
  type FieldValue,
  type StoreKey,
  type SummaryKey,
} from './study-fields';

export {
  isoDateSchema,
  outcomeLabels,
  outcomeSchema,
  shownTitle,
  slugSchema,
  statusLabels,
  statusSchema,
  studyIdSchema,
  type Outcome,
} from './study-fields';

import { sectionKeys, type SectionKey } from './section-keys';

export { sectionKeys, sectionLabels, type SectionKey } from './section-keys';

type FieldShape<K extends FieldKey> = { [P in K]: z.ZodType<FieldValue<P>> };
type SectionShape = { [P in SectionKey]: typeof richTextDocSchema };

const shapeOf = <K extends FieldKey>(keys: readonly K[], pick: (key: K) => z.ZodType): FieldShape<K> =>
  Object.fromEntries(keys.map((key) => [key, pick(key)])) as FieldShape<K>;

const bodyKeys = fieldKeys.filter((key) => !studyFields[key].summary);

// Key order is file order: the summary fields come before the sections so a file's head holds
// them (study-head.ts reads only that far); fields kept out of the summary follow the sections.
export const studySchema = z.object({
  schemaVersion: z.literal(STUDY_FORMAT),
  ...shapeOf(summaryKeys, (key) => studyFields[key].schema),
  ...(Object.fromEntries(sectionKeys.map((key) => [key, richTextDocSchema])) as SectionShape),
  ...shapeOf(bodyKeys, (key) => studyFields[key].schema),
});
export type Study = z.infer<typeof studySchema>;

const maskOf = <K extends string>(keys: readonly K[]): { [P in K]: true } =>
  Object.fromEntries(keys.map((key) => [key, true])) as { [P in K]: true };

const storeKeys = fieldKeys.filter((key) => studyFields[key].owner === 'store') as StoreKey[];

/** What the author may change; id, timestamps and schemaVersion belong to the store. */
export const studyPatchSchema = studySchema
  .omit({ schemaVersion: true, ...maskOf(storeKeys) })
  .partial()
  .strict();
export type StudyPatch = z.infer<typeof studyPatchSchema>;

export const studySummarySchema = studySchema.pick(maskOf(summaryKeys));
export type StudySummary = z.infer<typeof studySummarySchema>;

/** The summary fields of a study (or of a summary with more fields), nothing else. */
export function toSummary(study: StudySummary): StudySummary {
  const summary = {} as Record<SummaryKey, unknown>;
  for (const key of summaryKeys) summary[key] = study[key];
  return summary as StudySummary;
}

/** Every field but the sections, in table order: all a study page shows besides its body. */
export function fieldValues(study: Study): unknown[] {
  return fieldKeys.map((key) => study[key]);
}
