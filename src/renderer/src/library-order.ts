// The library shows the most recently edited study first, as the store lists them.
import { toSummary, type Study, type StudySummary } from '../../core/pure/schemas/study';
import { byNewestEdit } from '../../core/pure/study-order';

export function newestFirst(studies: StudySummary[]): StudySummary[] {
  return [...studies].sort(byNewestEdit);
}

/** The list after `study` was saved or created: its entry replaced (or added), order kept newest first. */
export function withSaved(studies: readonly StudySummary[], study: Study): StudySummary[] {
  return newestFirst([...studies.filter((s) => s.id !== study.id), toSummary(study)]);
}

/** Metadata typed but not yet saved, shown in the list at once (the title above all). */
export function withLocalEdit(
  studies: readonly StudySummary[],
  id: string,
  patch: Partial<Pick<StudySummary, 'title' | 'status' | 'date'>>,
): StudySummary[] {
  return studies.map((s) => (s.id === id ? { ...s, ...patch } : s));
}
