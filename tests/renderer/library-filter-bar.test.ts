// The library's filter bar shows the core's facet counts (sent over IPC or HTTP as JSON): category
// and tag names are the workspace's own (hostile) strings, so a count is read from own keys only.
// Before: a selected category "__proto__" that no result had rendered Object.prototype as a count
// ("Objects are not valid as a React child": the library crashed); "constructor" rendered "()".
import { describe, expect, it } from 'vitest';
import type { FacetCounts } from '../../src/core/pure/library/filters';
import { facetCount } from '../../src/renderer/src/library/facet-count';

const countsOf = (category: Record<string, number>): FacetCounts =>
  JSON.parse(JSON.stringify({ status: {}, category, outcome: {}, featured: {}, tag: {} }));

describe('library filter bar counts', () => {
  it('a category or tag named after an Object.prototype member counts 0 when absent and its own number when present', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      expect(facetCount(countsOf({}), 'category', name), name).toBe(0);
      expect(facetCount(countsOf({}), 'tag', name), name).toBe(0);
      expect(facetCount(countsOf({ [name]: 3 }), 'category', name), name).toBe(3);
    }
    expect(facetCount(null, 'category', '__proto__')).toBe(0);
  });
});
