// What the exported site holds, decided once before any page is drawn: which studies are
// published (drafts only on request), in what order, under which safe folder names, and
// which categories get a page and an index section. Every page renders from this model.
import type { SiteSettings } from '../schemas/site';
import type { Study } from '../schemas/study';
import { slugFromTitle } from '../slug';
import { studyFolder } from './study-folders';
import { visible } from './site-layout';

export interface SiteCategory {
  name: string;
  slug: string;
  /** Path of the category page, e.g. `category/failure-analysis/index.html`. */
  path: string;
  /** Studies in it, newest first. */
  studies: SiteStudy[];
}

export interface SiteStudy {
  study: Study;
  /** The study's folder: its own slug when that is safe and free, otherwise a derived one. */
  slug: string;
  /** Path of the study page, e.g. `my-study/index.html`. */
  path: string;
  categories: SiteCategory[];
}

export interface SiteModel {
  site: SiteSettings;
  /** Every exported study, newest first (undated last). */
  studies: SiteStudy[];
  featured: SiteStudy[];
  /** Index sections: the site's categories in its order, then "More case studies". */
  sections: Array<{ title: string; category: SiteCategory | null; studies: SiteStudy[] }>;
  categories: SiteCategory[];
}

// Top-level names the site uses for itself; a study folder may never take one.
const RESERVED = new Set(['assets', 'category', 'feed', 'sitemap', 'index', 'search']);

/** Newest first by date; undated studies after dated ones; ties by title then id, so order is stable. */
export function byNewest(a: Study, b: Study): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const safeFolder = (wanted: string, fallbackTitle: string, taken: Set<string>) =>
  studyFolder(wanted, fallbackTitle, taken, RESERVED);

const key = (name: string) => name.trim().toLowerCase();

export function buildSiteModel(site: SiteSettings, allStudies: Study[], drafts: boolean): SiteModel {
  const chosen = allStudies.filter((s) => s.status === 'published' || drafts).sort(byNewest);

  // Categories: the site's own list first (its order), then any other used by a study (A–Z).
  const categoryByKey = new Map<string, SiteCategory>();
  const categorySlugs = new Set<string>();
  const addCategory = (name: string) => {
    const k = key(name);
    if (!k || categoryByKey.has(k)) return;
    const slug = safeFolder(slugFromTitle(name), '', categorySlugs);
    categoryByKey.set(k, {
      name: visible(name) || 'Unnamed category',
      slug,
      path: `category/${slug}/index.html`,
      studies: [],
    });
  };
  site.categories.forEach(addCategory);
  const extra = [...new Set(chosen.flatMap((s) => s.categories.map((c) => c.trim())))]
    .filter((c) => !categoryByKey.has(key(c)))
    .sort((a, b) => a.localeCompare(b));
  extra.forEach(addCategory);

  const taken = new Set<string>();
  const studies: SiteStudy[] = chosen.map((study) => {
    const slug = safeFolder(study.slug, study.title || study.id, taken);
    const categories = [...new Set(study.categories.map(key))]
      .map((k) => categoryByKey.get(k))
      .filter((c): c is SiteCategory => !!c);
    const entry: SiteStudy = { study, slug, path: `${slug}/index.html`, categories };
    categories.forEach((c) => c.studies.push(entry));
    return entry;
  });

  const siteKeys = new Set(site.categories.map(key));
  const sections: SiteModel['sections'] = site.categories
    .map((name) => categoryByKey.get(key(name))!)
    .filter((c) => c.studies.length > 0)
    .map((c) => ({ title: c.name, category: c, studies: c.studies }));
  // Nothing published silently disappears: studies outside the site's categories get a section.
  const rest = studies.filter((s) => !s.categories.some((c) => siteKeys.has(key(c.name))));
  if (rest.length) sections.push({ title: 'More case studies', category: null, studies: rest });

  return {
    site,
    studies,
    featured: studies.filter((s) => s.study.featured),
    sections,
    categories: [...categoryByKey.values()].filter((c) => c.studies.length > 0),
  };
}
