// A new study from a draft (a blank study, a template's, an import's): every field the draft
// leaves out takes its table default (study-fields.ts `initial`), every section an empty doc.
import { emptyDoc } from './schemas/rich-text';
import { fieldKeys, STUDY_FORMAT, studyFields, type NewStudyContext } from './schemas/study-fields';
import { sectionKeys, studySchema, type Study } from './schemas/study';

export interface StudyDraft extends Partial<Omit<Study, 'schemaVersion'>> {
  title?: string;
}

/** The validated study for `draft`, with the id, slug and time the store chose. */
export function studyFromDraft(draft: StudyDraft, chosen: NewStudyContext): Study {
  // The id and slug are the store's choice (it has read the draft's slug already).
  const given: Partial<Record<string, unknown>> = { ...draft, id: undefined, slug: undefined };
  const study: Record<string, unknown> = { schemaVersion: STUDY_FORMAT };
  for (const key of fieldKeys) study[key] = given[key] ?? studyFields[key].initial(chosen);
  for (const key of sectionKeys) study[key] = draft[key] ?? emptyDoc();
  return studySchema.parse(study);
}
