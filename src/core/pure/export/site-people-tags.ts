// Tags and authors of the exported site: each gets a page (`tag/<slug>/index.html`,
// `author/<slug>/index.html`) listing its studies newest first. Names are matched without
// case, as categories are; slugs come from slug.ts and are made unique in a fixed order
// (authors: the site's list, then others A–Z; tags: A–Z), so a page's path does not depend
// on which study happens to be exported first.
import type { SiteAuthor } from '../schemas/site';
import { slugFromTitle } from '../slug';
import { studyFolder } from './study-folders';
import { visible } from './site-layout';
import type { SiteStudy } from './site-model';

export interface SiteTag {
  name: string;
  slug: string;
  /** e.g. `tag/postgres/index.html`. */
  path: string;
  studies: SiteStudy[];
}

export interface SitePerson {
  name: string;
  slug: string;
  /** e.g. `author/dana-kim/index.html`. */
  path: string;
  /** The site settings' entry, or null for a name only a study gives. */
  profile: SiteAuthor | null;
  studies: SiteStudy[];
}

// Folder names no tag or author may take (`tag/index.html` is the tag index).
const RESERVED = new Set(['index', 'assets']);

export const nameKey = (name: string): string => name.trim().toLowerCase();

/** Names in first-seen spelling, one per key, sorted A–Z by key (stable whatever the study order). */
function distinct(names: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const k = nameKey(name);
    if (k && !byKey.has(k)) byKey.set(k, name.trim());
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, name]) => name);
}

/**
 * Tags of `studies` (newest first), A–Z, each with its studies. The name shown is the
 * spelling of the earliest entry in A–Z order of spellings, so it does not follow study order.
 */
export function buildTags(studies: SiteStudy[]): { tags: SiteTag[]; byKey: Map<string, SiteTag> } {
  const spellings = studies.flatMap((s) => s.study.tags).sort();
  const taken = new Set<string>();
  const byKey = new Map<string, SiteTag>();
  for (const name of distinct(spellings)) {
    const slug = studyFolder(slugFromTitle(name), '', taken, RESERVED);
    byKey.set(nameKey(name), {
      name: visible(name) || 'Unnamed tag',
      slug,
      path: `tag/${slug}/index.html`,
      studies: [],
    });
  }
  for (const s of studies) {
    for (const k of new Set(s.study.tags.map(nameKey))) byKey.get(k)?.studies.push(s);
  }
  return { tags: [...byKey.values()], byKey };
}

/** Authors: the site's list in its order, then names only studies give (A–Z); only those with studies. */
export function buildPeople(
  profiles: readonly SiteAuthor[],
  studies: SiteStudy[],
): { people: SitePerson[]; byKey: Map<string, SitePerson> } {
  const taken = new Set<string>();
  const byKey = new Map<string, SitePerson>();
  const add = (name: string, profile: SiteAuthor | null) => {
    const k = nameKey(name);
    if (!k || byKey.has(k)) return;
    const slug = studyFolder(slugFromTitle(name), '', taken, RESERVED);
    byKey.set(k, {
      name: visible(name) || 'Unnamed author',
      slug,
      path: `author/${slug}/index.html`,
      profile,
      studies: [],
    });
  };
  profiles.forEach((p) => add(p.name, p));
  distinct(studies.flatMap((s) => s.study.authors)).forEach((name) => add(name, null));
  for (const s of studies) {
    for (const k of new Set(s.study.authors.map(nameKey))) byKey.get(k)?.studies.push(s);
  }
  return { people: [...byKey.values()].filter((p) => p.studies.length > 0), byKey };
}

/** The people of one study in the order the study names them (each once). */
export function peopleOf(s: SiteStudy, byKey: Map<string, SitePerson>): SitePerson[] {
  const keys = [...new Set(s.study.authors.map(nameKey))];
  return keys.map((k) => byKey.get(k)).filter((p): p is SitePerson => !!p);
}

/** The tags of one study in the order the study gives them (each once). */
export function tagsOf(s: SiteStudy, byKey: Map<string, SiteTag>): SiteTag[] {
  const keys = [...new Set(s.study.tags.map(nameKey))];
  return keys.map((k) => byKey.get(k)).filter((t): t is SiteTag => !!t);
}
