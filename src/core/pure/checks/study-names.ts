// Which studies share a title or a slug, for the duplicate checks. Kept up to date one study
// at a time by the library (a save must not rebuild it from every study in the workspace).
import type { StudySummary } from '../schemas/study';

type Named = Pick<StudySummary, 'id' | 'title' | 'slug'>;

/** Titles that differ only in case or spacing read the same to a visitor. */
export const titleKey = (title: string): string => title.trim().replace(/\s+/g, ' ').toLowerCase();

export class StudyNames {
  private byTitle = new Map<string, Set<string>>();
  private bySlug = new Map<string, Set<string>>();
  private keysOf = new Map<string, { title: string; slug: string }>();

  static of(studies: Iterable<Named>): StudyNames {
    const names = new StudyNames();
    for (const study of studies) names.set(study);
    return names;
  }

  set(study: Named): void {
    this.delete(study.id);
    const keys = { title: titleKey(study.title), slug: study.slug };
    this.keysOf.set(study.id, keys);
    if (keys.title) addTo(this.byTitle, keys.title, study.id);
    addTo(this.bySlug, keys.slug, study.id);
  }

  delete(id: string): void {
    const keys = this.keysOf.get(id);
    if (!keys) return;
    this.keysOf.delete(id);
    removeFrom(this.byTitle, keys.title, id);
    removeFrom(this.bySlug, keys.slug, id);
  }

  /** How many other studies have this study's title (an empty title has no duplicates). */
  othersWithTitle(study: Named): number {
    const key = titleKey(study.title);
    return key ? othersIn(this.byTitle.get(key), study.id) : 0;
  }

  othersWithSlug(study: Named): number {
    return othersIn(this.bySlug.get(study.slug), study.id);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}

function othersIn(ids: Set<string> | undefined, self: string): number {
  if (!ids) return 0;
  return ids.size - (ids.has(self) ? 1 : 0);
}
