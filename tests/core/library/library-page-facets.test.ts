// The counts and filters of the library page as studies are saved, removed and restored: the
// index keeps each study's filter values by study number (facet-table.ts), and a number is
// reused when a study is removed, so a stale value there would count or show the wrong study.
import { describe, expect, it } from 'vitest';
import { queryLibrary } from '../../../src/core/pure/library/library-query';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { FIELD_BITS } from '../../../src/core/pure/library/postings';
import { restoreInBulk, type RestoredStudy } from '../../../src/core/pure/library/search-index-restore';
import { toSummary } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const study = (n: number, fields: Parameters<typeof sampleStudy>[1] = {}) =>
  sampleStudy(n, { id: `s${n}`, title: `Kafka study ${n}`, ...fields });
const ids = (page: { entries: { study: { id: string } }[] }): string[] => page.entries.map((e) => e.study.id);

describe('library page counts and filters', () => {
  it('follow a saved study’s new values, and forget a removed one whose place is reused', () => {
    const index = SearchIndex.fromStudies([
      study(1, { categories: ['Infra'], tags: ['kafka'], status: 'draft' }),
      study(2, { categories: ['Infra', 'Cost'], tags: ['cost'], status: 'published', outcome: 'failed' }),
    ]);
    expect(queryLibrary(index, { query: 'kafka' }).counts.category).toEqual({ Infra: 2, Cost: 1 });

    index.upsert(study(1, { categories: ['Cost'], tags: ['kafka', 'kafka'], status: 'published', featured: true }));
    let page = queryLibrary(index, { query: 'kafka' });
    expect(page.counts.category).toEqual({ Cost: 2, Infra: 1 });
    expect(page.counts.status).toEqual({ draft: 0, published: 2 });
    expect(page.counts.featured).toEqual({ yes: 1, no: 1 });
    expect(page.counts.tag).toEqual({ cost: 1, kafka: 1 });
    expect(ids(queryLibrary(index, { query: 'kafka', filters: { category: 'Infra' } }))).toEqual(['s2']);

    // s2's number goes to s3: only s3's values may count there now.
    index.remove('s2');
    index.upsert(study(3, { categories: ['Design'], tags: [], status: 'draft' }));
    page = queryLibrary(index, { query: '' });
    expect(page.counts.category).toEqual({ Design: 1, Cost: 1 });
    expect(page.counts.outcome.failed).toBe(0);
    expect(ids(queryLibrary(index, { filters: { category: 'Infra' } }))).toEqual([]);
    expect(ids(queryLibrary(index, { filters: { status: 'draft' } }))).toEqual(['s3']);
    expect(ids(queryLibrary(index, { filters: { tag: 'kafka', featured: true } }))).toEqual(['s1']);
  });

  it('filter an index restored from a persisted one as the one it was saved from', async () => {
    const summary = (n: number, fields: Parameters<typeof sampleStudy>[1]) => toSummary(study(n, fields));
    const row = (n: number, fields: Parameters<typeof sampleStudy>[1]): RestoredStudy => ({
      summary: summary(n, fields),
      from: 0,
      n: 1,
      sections: () => ({ problem: '', decisions: '', tradeoffs: '', lessons: '' }),
    });
    const persisted = { table: ['kafka'], wordOf: Uint32Array.from([0]), bitsOf: Uint8Array.from([FIELD_BITS.title]) };
    // File study 1 was not taken: numbers 0 and 2 hold studies, 1 none.
    const restored = (await restoreInBulk(
      persisted,
      [
        row(1, { categories: ['Infra'], outcome: 'succeeded' }),
        null,
        row(3, { categories: ['Cost'], outcome: 'failed' }),
      ],
      () => undefined,
    ))!;
    const page = queryLibrary(restored, { query: 'kafka', filters: { category: 'Infra' } });
    expect(ids(page)).toEqual(['s1']);
    expect(page.counts.outcome).toMatchObject({ succeeded: 1, failed: 0, none: 0 });
    expect(page.counts.category).toEqual({ Cost: 1, Infra: 1 });
    expect(ids(queryLibrary(restored, { filters: { outcome: 'failed' } }))).toEqual(['s3']);
  });

  it('show a filter value no study has as matching nothing, not as every study', () => {
    const index = SearchIndex.fromStudies([study(1, { categories: ['Infra'], tags: ['kafka'] })]);
    expect(queryLibrary(index, { filters: { category: 'Nowhere' } }).total).toBe(0);
    expect(queryLibrary(index, { query: 'kafka', filters: { tag: 'nothing' } }).total).toBe(0);
  });

  it('count and filter a study with many tags, and with few again after a save', () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'a'];
    const index = SearchIndex.fromStudies([study(1, { tags: many }), study(2, { tags: ['f', 'g'] })]);
    let page = queryLibrary(index, { query: 'kafka' });
    expect(page.counts.tag).toEqual({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 2, g: 1 });
    expect(ids(queryLibrary(index, { filters: { tag: 'e' } }))).toEqual(['s1']);
    expect(ids(queryLibrary(index, { filters: { tag: 'f' } }))).toEqual(['s2', 's1']);
    // Counted once per study, also where the tag is listed twice.
    expect(queryLibrary(index, { filters: { tag: 'a' } }).counts.tag.a).toBe(1);

    index.upsert(study(1, { tags: ['g'] }));
    page = queryLibrary(index, { query: 'kafka' });
    expect(page.counts.tag).toEqual({ f: 1, g: 2 });
    expect(ids(queryLibrary(index, { filters: { tag: 'e' } }))).toEqual([]);
    expect(ids(queryLibrary(index, { filters: { tag: 'g' } }))).toEqual(['s2', 's1']);
  });

  it('keep each study’s values apart as the table grows past its first size', () => {
    const studies = Array.from({ length: 150 }, (_, n) =>
      study(n + 1, { categories: [`C${n % 7}`], tags: [`t${n}`], status: n % 2 ? 'published' : 'draft' }),
    );
    const index = SearchIndex.fromStudies(studies);
    expect(ids(queryLibrary(index, { filters: { tag: 't149' } }))).toEqual(['s150']);
    expect(queryLibrary(index, { filters: { category: 'C3' } }).total).toBe(21);
    expect(queryLibrary(index, {}).counts.status).toEqual({ draft: 75, published: 75 });
  });
});
