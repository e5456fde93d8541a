// Library filters (status, category, outcome, featured, tag — combined with AND) and the
// count next to each filter value. A facet's counts ignore that facet's own filter, so
// "Failed (3)" still shows while "Succeeded" is selected: picking it would give 3 studies.
import { z } from 'zod';
import { outcomeSchema, statusSchema, type StudySummary } from '../schemas/study';
import { limits } from '../schemas/study-fields';

export const NO_OUTCOME = 'none';

export const libraryFiltersSchema = z
  .object({
    status: statusSchema.optional(),
    category: z.string().min(1).max(limits.name).optional(),
    /** `none` selects studies without an outcome. */
    outcome: z.union([outcomeSchema, z.literal(NO_OUTCOME)]).optional(),
    featured: z.boolean().optional(),
    tag: z.string().min(1).max(limits.name).optional(),
  })
  .strict();
export type LibraryFilters = z.infer<typeof libraryFiltersSchema>;
export type FacetName = keyof LibraryFilters;

export const facetCountsSchema = z.object({
  status: z.record(z.string(), z.number().int()),
  category: z.record(z.string(), z.number().int()),
  outcome: z.record(z.string(), z.number().int()),
  featured: z.record(z.string(), z.number().int()),
  tag: z.record(z.string(), z.number().int()),
});
export type FacetCounts = z.infer<typeof facetCountsSchema>;

const facets: FacetName[] = ['status', 'category', 'outcome', 'featured', 'tag'];

/** The values a study has for one facet (featured as "yes"/"no", a missing outcome as "none"). */
function valuesOf(study: StudySummary, facet: FacetName): readonly string[] {
  switch (facet) {
    case 'status':
      return [study.status];
    case 'category':
      return study.categories;
    case 'outcome':
      return [study.outcome ?? NO_OUTCOME];
    case 'featured':
      return [study.featured ? 'yes' : 'no'];
    case 'tag':
      return study.tags;
  }
}

/** The active filters as [facet, wanted value] pairs. */
function activeFilters(filters: LibraryFilters): [FacetName, string][] {
  const active: [FacetName, string][] = [];
  for (const facet of facets) {
    const value = filters[facet];
    if (value !== undefined) active.push([facet, typeof value === 'boolean' ? (value ? 'yes' : 'no') : value]);
  }
  return active;
}

export function applyFilters<T extends StudySummary>(studies: T[], filters: LibraryFilters): T[] {
  const active = activeFilters(filters);
  if (active.length === 0) return studies;
  return studies.filter((study) => active.every(([facet, wanted]) => valuesOf(study, facet).includes(wanted)));
}

const STATUSES: readonly string[] = statusSchema.options;
const OUTCOMES: readonly string[] = [...outcomeSchema.options, NO_OUTCOME];
const FEATURED = ['yes', 'no'];

/** Count per value of each facet, over `studies` with every other facet's filter applied. */
export function facetCounts(studies: StudySummary[], filters: LibraryFilters): FacetCounts {
  // Plain loops, counters for the facets of a few fixed values and Maps for the open ones:
  // this runs over every search result on every keystroke.
  const status = STATUSES.map(() => 0);
  const outcome = OUTCOMES.map(() => 0);
  const featured = [0, 0];
  const category = new Map<string, number>();
  const tag = new Map<string, number>();
  const active = activeFilters(filters);
  for (const study of studies) {
    // Which active filters this study fails: none → it counts everywhere; exactly one →
    // it counts only in that filter's own facet (picking another value there would keep it).
    let failed: FacetName | null = null;
    let failures = 0;
    for (const [facet, wanted] of active) {
      if (!valuesOf(study, facet).includes(wanted)) {
        failed = facet;
        if (++failures > 1) break;
      }
    }
    if (failures > 1) continue;
    const all = failures === 0;
    // A value the schema does not allow (none reaches here) would count at -1, shown nowhere.
    if (all || failed === 'status') status[STATUSES.indexOf(study.status)]!++;
    if (all || failed === 'outcome') outcome[OUTCOMES.indexOf(study.outcome ?? NO_OUTCOME)]!++;
    if (all || failed === 'featured') featured[study.featured ? 0 : 1]!++;
    if (all || failed === 'category') bumpEachOnce(category, study.categories);
    if (all || failed === 'tag') bumpEachOnce(tag, study.tags);
  }
  const named = (values: readonly string[], counts: number[]) =>
    Object.fromEntries(values.map((value, i) => [value, counts[i]!]));
  return {
    status: named(STATUSES, status),
    category: Object.fromEntries(category),
    outcome: named(OUTCOMES, outcome),
    featured: named(FEATURED, featured),
    tag: Object.fromEntries(tag),
  };
}

function bump(bucket: Map<string, number>, value: string): void {
  bucket.set(value, (bucket.get(value) ?? 0) + 1);
}

/** Counts each distinct value once (a study listing a tag twice is still one study). */
function bumpEachOnce(bucket: Map<string, number>, values: readonly string[]): void {
  if (values.length === 1) return bump(bucket, values[0]!);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (values.indexOf(value) === i) bump(bucket, value);
  }
}
