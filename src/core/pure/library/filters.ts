// Library filters (status, category, outcome, featured, tag — combined with AND) and the
// count next to each filter value (counted by facet-table.ts). A facet's counts ignore that
// facet's own filter, so "Failed (3)" still shows while "Succeeded" is selected: picking it
// would give 3 studies.
import { z } from 'zod';
import { outcomeSchema, statusSchema } from '../schemas/study';
import { limits } from '../schemas/study-fields';

/** The outcome filter's value for studies without an outcome. */
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

export const facetCountsSchema = z.object({
  status: z.record(z.string(), z.number().int()),
  category: z.record(z.string(), z.number().int()),
  outcome: z.record(z.string(), z.number().int()),
  featured: z.record(z.string(), z.number().int()),
  tag: z.record(z.string(), z.number().int()),
});
export type FacetCounts = z.infer<typeof facetCountsSchema>;
