// Library filters (status, category, outcome, featured, tag — combined with AND) and the
// count next to each filter value (counted by facet-table.ts). A facet's counts ignore that
// facet's own filter, so "Failed (3)" still shows while "Succeeded" is selected: picking it
// would give 3 studies.
import { z } from 'zod';
import { outcomeSchema, statusSchema, type StudySummary } from '../schemas/study';
import { limits } from '../schemas/study-fields';
import { FacetTable, NO_OUTCOME } from './facet-table';

export { NO_OUTCOME };

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

export const facetCountsSchema = z.object({
  status: z.record(z.string(), z.number().int()),
  category: z.record(z.string(), z.number().int()),
  outcome: z.record(z.string(), z.number().int()),
  featured: z.record(z.string(), z.number().int()),
  tag: z.record(z.string(), z.number().int()),
});
export type FacetCounts = z.infer<typeof facetCountsSchema>;

/** The studies of `studies` passing every filter. */
export function applyFilters<T extends StudySummary>(studies: T[], filters: LibraryFilters): T[] {
  if (Object.values(filters).every((value) => value === undefined)) return studies;
  const rows = FacetTable.of(studies).filter(allRows(studies.length), filters);
  return Array.from(rows, (row) => studies[row]!);
}

/** Count per value of each facet, over `studies` with every other facet's filter applied. */
export function facetCounts(studies: StudySummary[], filters: LibraryFilters): FacetCounts {
  return FacetTable.of(studies).counts(allRows(studies.length), filters);
}

const allRows = (count: number): Int32Array => Int32Array.from({ length: count }, (_, row) => row);
