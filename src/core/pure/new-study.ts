// A new study from a draft (a blank study, a template's, an import's): every field the draft
// leaves out takes its default.
import { emptyDoc } from './schemas/rich-text';
import { SCHEMA_VERSION } from './schemas/site';
import { studySchema, type Study } from './schemas/study';

export interface StudyDraft extends Partial<Omit<Study, 'schemaVersion'>> {
  title?: string;
}

/** The validated study for `draft`, with the id, slug and time the store chose. */
export function studyFromDraft(draft: StudyDraft, chosen: { id: string; slug: string; now: string }): Study {
  return studySchema.parse({
    schemaVersion: SCHEMA_VERSION,
    id: chosen.id,
    slug: chosen.slug,
    title: draft.title ?? '',
    summary: draft.summary ?? '',
    status: draft.status ?? 'draft',
    outcome: draft.outcome ?? null,
    categories: draft.categories ?? [],
    tags: draft.tags ?? [],
    featured: draft.featured ?? false,
    date: draft.date ?? null,
    createdAt: draft.createdAt ?? chosen.now,
    updatedAt: draft.updatedAt ?? chosen.now,
    problem: draft.problem ?? emptyDoc(),
    decisions: draft.decisions ?? emptyDoc(),
    tradeoffs: draft.tradeoffs ?? emptyDoc(),
    lessons: draft.lessons ?? emptyDoc(),
  } satisfies Study);
}
