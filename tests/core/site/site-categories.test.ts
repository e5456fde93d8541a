import { describe, expect, it } from 'vitest';
import { CasebookError } from '../../../src/core/pure/errors';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import {
  addCategory,
  categoryUsage,
  deleteCategory,
  renameCategory,
  reorderCategories,
} from '../../../src/core/pure/site-categories';

const site = defaultSiteSettings(); // Optimization & Migration Wins, Failure Analysis, Architecture & Design
const studies = [
  { id: 'a', title: 'Queue outage', categories: ['Failure Analysis'] },
  { id: 'b', title: 'Cache design', categories: ['Architecture & Design', 'Failure Analysis'] },
  { id: 'c', title: 'Cloud bill', categories: ['Optimization & Migration Wins'] },
];

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    if (err instanceof CasebookError) return err.code;
    throw err;
  }
  return undefined;
};

describe('site categories', () => {
  it('renames a category in place and in every study that uses it', () => {
    const { site: next, changedStudies } = renameCategory(site, studies, 'Failure Analysis', '  Incidents ');
    expect(next.categories).toEqual(['Optimization & Migration Wins', 'Incidents', 'Architecture & Design']);
    expect(changedStudies).toEqual([
      { id: 'a', categories: ['Incidents'] },
      { id: 'b', categories: ['Architecture & Design', 'Incidents'] },
    ]);
    expect(site.categories).toContain('Failure Analysis'); // the input is not mutated
  });

  it('lets a rename change only the capitalisation', () => {
    const { site: next } = renameCategory(site, studies, 'Failure Analysis', 'Failure analysis');
    expect(next.categories[1]).toBe('Failure analysis');
  });

  it('refuses a rename to an empty or existing name, or of a category the site lacks', () => {
    expect(code(() => renameCategory(site, studies, 'Failure Analysis', '   '))).toBe('invalid_input');
    expect(code(() => renameCategory(site, studies, 'Failure Analysis', 'architecture & design'))).toBe(
      'invalid_input',
    );
    expect(code(() => renameCategory(site, studies, 'Nope', 'New'))).toBe('not_found');
    expect(code(() => addCategory(site, 'failure analysis'))).toBe('invalid_input');
    expect(addCategory(site, 'Security').categories.at(-1)).toBe('Security');
  });

  it('reorders categories, refusing an order that drops or repeats one', () => {
    const order = ['Architecture & Design', 'Optimization & Migration Wins', 'Failure Analysis'];
    expect(reorderCategories(site, order).categories).toEqual(order);
    expect(code(() => reorderCategories(site, order.slice(0, 2)))).toBe('invalid_input');
    expect(code(() => reorderCategories(site, [...order.slice(0, 2), order[0]!]))).toBe('invalid_input');
    expect(code(() => reorderCategories(site, [...order.slice(0, 2), 'Other']))).toBe('invalid_input');
  });

  it('deletes a category: names the studies using it and removes it from each', () => {
    expect(categoryUsage(studies, 'failure analysis')).toEqual([
      { id: 'a', title: 'Queue outage' },
      { id: 'b', title: 'Cache design' },
    ]);
    const result = deleteCategory(site, studies, 'Failure Analysis');
    expect(result.site.categories).toEqual(['Optimization & Migration Wins', 'Architecture & Design']);
    expect(result.usedBy.map((s) => s.id)).toEqual(['a', 'b']);
    expect(result.changedStudies).toEqual([
      { id: 'a', categories: [] },
      { id: 'b', categories: ['Architecture & Design'] },
    ]);
    expect(code(() => deleteCategory(site, studies, 'Nope'))).toBe('not_found');
  });
});
