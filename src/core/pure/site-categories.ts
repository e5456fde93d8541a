// Category management in site settings: add, rename (every study follows), reorder, delete
// (with the list of studies that use it, for the prompt). Pure: returns the new settings and
// the category lists to save on each changed study; the service writes them.
import { CasebookError } from './errors';
import type { SiteSettings } from './schemas/site';
import type { StudySummary } from './schemas/study';

export type CategoryStudy = Pick<StudySummary, 'id' | 'title' | 'categories'>;

export interface StudyCategoriesPatch {
  id: string;
  categories: string[];
}

export interface CategoryChange {
  site: SiteSettings;
  changedStudies: StudyCategoriesPatch[];
}

const MAX_NAME = 80;
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function checkedName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new CasebookError('invalid_input', 'A category needs a name.');
  if (name.length > MAX_NAME)
    throw new CasebookError('invalid_input', `Category names are at most ${MAX_NAME} characters.`);
  return name;
}

function existing(site: SiteSettings, name: string): string {
  const found = site.categories.find((c) => same(c, name));
  if (found === undefined) throw new CasebookError('not_found', `There is no category "${name}" in the site settings.`);
  return found;
}

export function addCategory(site: SiteSettings, raw: string): SiteSettings {
  const name = checkedName(raw);
  const clash = site.categories.find((c) => same(c, name));
  if (clash !== undefined) throw new CasebookError('invalid_input', `There is already a category "${clash}".`);
  return { ...site, categories: [...site.categories, name] };
}

/** Renames a category in the settings (same place in the order) and in every study using it. */
export function renameCategory(
  site: SiteSettings,
  studies: CategoryStudy[],
  from: string,
  rawTo: string,
): CategoryChange {
  const current = existing(site, from);
  const to = checkedName(rawTo);
  const clash = site.categories.find((c) => c !== current && same(c, to));
  if (clash !== undefined)
    throw new CasebookError('invalid_input', `There is already a category "${clash}"; pick another name.`);
  const changedStudies: StudyCategoriesPatch[] = [];
  for (const study of studies) {
    if (!study.categories.some((c) => same(c, current))) continue;
    const categories = [...new Set(study.categories.map((c) => (same(c, current) ? to : c)))];
    if (categories.join('\n') !== study.categories.join('\n')) changedStudies.push({ id: study.id, categories });
  }
  return { site: { ...site, categories: site.categories.map((c) => (c === current ? to : c)) }, changedStudies };
}

/** The categories in a new order; `order` must hold each current category exactly once. */
export function reorderCategories(site: SiteSettings, order: string[]): SiteSettings {
  const sameSet =
    order.length === site.categories.length &&
    new Set(order).size === order.length &&
    order.every((c) => site.categories.includes(c));
  if (!sameSet)
    throw new CasebookError(
      'invalid_input',
      'The new order must list every category exactly once (categories may have changed meanwhile; reload the settings).',
    );
  return { ...site, categories: [...order] };
}

/** The studies that use a category (what the delete prompt lists). */
export function categoryUsage(studies: CategoryStudy[], name: string): Pick<StudySummary, 'id' | 'title'>[] {
  return studies.filter((s) => s.categories.some((c) => same(c, name))).map(({ id, title }) => ({ id, title }));
}

export interface CategoryDeletion extends CategoryChange {
  usedBy: Pick<StudySummary, 'id' | 'title'>[];
}

/** Removes a category from the settings and, through `changedStudies`, from every study. */
export function deleteCategory(site: SiteSettings, studies: CategoryStudy[], name: string): CategoryDeletion {
  const current = existing(site, name);
  const usedBy = categoryUsage(studies, current);
  const users = new Set(usedBy.map((s) => s.id));
  const changedStudies = studies
    .filter((s) => users.has(s.id))
    .map((s) => ({ id: s.id, categories: s.categories.filter((c) => !same(c, current)) }));
  return { site: { ...site, categories: site.categories.filter((c) => c !== current) }, changedStudies, usedBy };
}
