// The contract's methods on the site's categories. A rename or delete changes the studies that
// carry the category (each saved, and told to the library index), then the settings.
import type { CasebookHandlers } from '../pure/contract';
import {
  addCategory,
  categoryUsage,
  deleteCategory,
  renameCategory,
  reorderCategories,
  type CategoryChange,
} from '../pure/site-categories';
import type { Study } from '../pure/schemas/study';
import type { SiteStore } from './site-store';
import type { StudyStore } from './study-store';

export type CategoryHandlers = Pick<
  CasebookHandlers,
  'addCategory' | 'renameCategory' | 'reorderCategories' | 'categoryUsage' | 'deleteCategory'
>;

export function categoryHandlers(
  studies: StudyStore,
  site: SiteStore,
  indexSaved: (study: Study) => Promise<void>,
): CategoryHandlers {
  /** Saves the studies a category rename or delete touched, then the settings. */
  const applyCategoryChange = async (change: CategoryChange) => {
    const changedStudies = [];
    for (const { id, categories } of change.changedStudies) {
      const saved = await studies.update(id, { categories });
      await indexSaved(saved);
      changedStudies.push({ id, title: saved.title });
    }
    return { site: await site.update({ categories: change.site.categories }), changedStudies };
  };

  return {
    addCategory: async ({ name }) => site.update({ categories: addCategory(site.get(), name).categories }),
    renameCategory: async ({ from, to }) =>
      applyCategoryChange(renameCategory(site.get(), await studies.list(), from, to)),
    reorderCategories: async ({ order }) =>
      site.update({ categories: reorderCategories(site.get(), order).categories }),
    categoryUsage: async ({ name }) => categoryUsage(await studies.list(), name),
    deleteCategory: async ({ name }) => applyCategoryChange(deleteCategory(site.get(), await studies.list(), name)),
  };
}
