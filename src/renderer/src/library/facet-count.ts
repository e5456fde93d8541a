// A facet value's count from the core's facet counts. Values are the workspace's own names (a
// category may be called "__proto__" or "constructor"), so only the map's own keys count:
// an inherited Object member rendered as a count broke the library.
import type { FacetCounts } from '../../../core/pure/library/filters';

export function facetCount(counts: FacetCounts | null, facet: keyof FacetCounts, value: string): number {
  const bucket = counts?.[facet];
  return bucket && Object.hasOwn(bucket, value) ? (bucket[value] ?? 0) : 0;
}
