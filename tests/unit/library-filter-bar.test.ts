// The filter bar renders facet counts the core sends over IPC or HTTP: category and tag names
// are the workspace's own (hostile) strings, so a count is read only from the map's own keys.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FacetCounts } from '../../src/core/library/filters';
import { LibraryFilterBar } from '../../src/renderer/src/library/LibraryFilterBar';

const noCounts = (): FacetCounts =>
  JSON.parse(JSON.stringify({ status: {}, category: {}, outcome: {}, featured: {}, tag: {} }));

describe('library filter bar', () => {
  it('a selected category or tag named after an Object.prototype member that no result has shows a count of 0', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      const html = renderToStaticMarkup(
        createElement(LibraryFilterBar, {
          filters: { category: name, tag: name },
          counts: noCounts(),
          onChange: () => {},
        }),
      );
      const options = html.match(/<option[^>]*>[^<]*<\/option>/g) ?? [];
      const named = options.filter((o) => o.includes(`>${name} (`));
      expect(named, name).toHaveLength(2);
      for (const option of named) expect(option, name).toContain(`${name} (0)`);
    }
  });
});
