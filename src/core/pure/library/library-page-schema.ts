// The library query and the page it answers, as the contract validates them. Apart from the
// query engine (library-query.ts), so the contract (and every command that loads it) does not
// load the engine's code.
import { z } from 'zod';
import { sectionKeys, studySummarySchema } from '../schemas/study';
import { facetCountsSchema, libraryFiltersSchema } from './filters';
import { librarySortSchema } from './sort';

export const libraryQuerySchema = z
  .object({
    query: z.string().max(200).default(''),
    filters: libraryFiltersSchema.default({}),
    /** Default: relevance while searching, last edited otherwise. */
    sort: librarySortSchema.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(10_000).default(50),
  })
  .strict();
export type LibraryQuery = z.input<typeof libraryQuerySchema>;

const highlightsSchema = z.array(z.tuple([z.number().int(), z.number().int()]));

export const libraryEntrySchema = z.object({
  study: studySummarySchema,
  /** Where the search words were found; null when there is no search. */
  match: z
    .object({
      field: z.enum(['title', 'summary', 'body']),
      section: z.enum(sectionKeys).nullable(),
      snippet: z.object({ text: z.string(), highlights: highlightsSchema }),
      titleHighlights: highlightsSchema,
    })
    .nullable(),
});
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

export const libraryPageSchema = z.object({
  /** Studies matching the search and filters (all pages). */
  total: z.number().int(),
  entries: z.array(libraryEntrySchema),
  counts: facetCountsSchema,
  /**
   * While the full text is still being read (a large workspace just opened): how many studies
   * are searchable in full so far; the rest match by title and summary only. Null when all are.
   */
  indexing: z.object({ indexed: z.number().int(), total: z.number().int() }).nullable(),
  /**
   * Files set aside (quarantined) in the workspace so far. Reading the full text may find a
   * damaged file after the app listed it: a change here tells the app to refresh its report.
   */
  quarantined: z.number().int(),
});
export type LibraryPage = z.infer<typeof libraryPageSchema>;
