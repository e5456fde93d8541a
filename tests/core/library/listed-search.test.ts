// A search of the listed summaries (listed-search.ts), answered while a large workspace's index
// is still being built: it must find, rank, mark and page exactly as the index does over the
// same titles and summaries, so the list a user types into does not change when the index
// takes over (only the body matches the page said were not searched yet are added).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kindOf, ListedTexts, rankListed } from '../../../src/core/pure/library/listed-search';
import { libraryQuerySchema } from '../../../src/core/pure/library/library-page-schema';
import { queryLibrary, queryListed } from '../../../src/core/pure/library/library-query';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { normalizeForSearch } from '../../../src/core/pure/library/search-text';
import { toSummary } from '../../../src/core/pure/schemas/study';
import { byNewestEdit } from '../../../src/core/pure/study-order';
import { sampleStudy } from '../../helpers/study-files';

const texts: Array<[title: string, summary: string]> = [
  ['Kafka consumers fell behind', 'Lag grew to an hour after the rebalance.'],
  ['Rebuilding the payments queue', 'We replaced Kafka with a Postgres outbox.'],
  ['Café orders at peak', 'The n+1 query in checkout cost 99.9% of the budget.'],
  ['Write-ahead log on NVMe', "Don't fsync twice: the c++ writer already did."],
  ['𝐀kafka, a letter outside the BMP', 'Latency of the kafka-like broker.'],
  ['Postmortem: the cost of failover', 'Failover took 40 minutes; the postmortem found why.'],
  ['Migration to ECS', 'A migration of 300 services, cost halved.'],
  ['ΣΟΦΟΣ caching', 'Greek σοφος in a summary, and MIGRATION in capitals.'],
  ['Untitled study', ''],
];
const summaries = texts.map(([title, summary], n) =>
  toSummary(
    sampleStudy(n, {
      title,
      summary,
      tags: n % 2 ? ['kafka'] : [],
      // Some edits at the same moment: the id breaks ties, as in the index.
      updatedAt: new Date(Date.UTC(2025, 0, 1) + (n % 4) * 60_000).toISOString(),
    }),
  ),
);
const byRecency = [...summaries].sort(byNewestEdit);

const queries = [
  'kafka',
  'Kafka consumers',
  'k',
  'ka',
  'afk', // inside a word, three letters
  'af', // inside a word, too short to count there
  'fail',
  'failover postmortem',
  'cost',
  'cafe',
  'CAFÉ ORDERS',
  'n+1',
  'c++ writer',
  '99.9%',
  'write-ahead',
  "don't",
  'σοφοσ',
  'migration',
  'nothing-matches-this',
  'log zzz',
  '"kafka"',
];

describe('a search of the listed titles and summaries', () => {
  it('finds, ranks, marks and pages as the index does over the same summaries', () => {
    const index = SearchIndex.fromStudies(summaries);
    for (const query of queries)
      for (const extra of [{}, { sort: 'title' as const }, { offset: 1, limit: 2 }, { filters: { tag: 'kafka' } }]) {
        const q = libraryQuerySchema.parse({ query, ...extra });
        expect(queryListed(byRecency, q, 0), `${query} ${JSON.stringify(extra)}`).toEqual(queryLibrary(index, q));
      }
  });

  it('finds as the index does for any titles, summaries and query made of awkward pieces', () => {
    const pieces = [
      'a', 'k', 'af', 'kaf', 'kafka', 'Kafka', 'İ', 'ı', 'ß', 'ﬁ', 'é', 'e\u0301', '\u0301', 'Σ', 'ς', '𝐀',
      '😀', 'ǅ', 'Ⅻ', '٣', '9', '99.9', '%', '+', 'n+1', 'c++', '.', '"', "'", '’', '-', ' ', '\n', '\u00ad',
    ]; // prettier-ignore
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((parts) => parts.join(''));
    const times = ['2025-01-01T00:00:00.000Z', '2025-01-01T00:01:00.000Z'];
    const study = fc.record({ title: text, summary: text, at: fc.constantFrom(...times), tagged: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(study, { maxLength: 7 }),
        text.filter((q) => q.trim() !== ''),
        fc.constantFrom(undefined, 'relevance' as const, 'title' as const),
        fc.nat(2),
        (drawn, query, sort, offset) => {
          const listed = drawn.map(({ title, summary, at, tagged }, n) =>
            toSummary(sampleStudy(n, { title, summary, updatedAt: at, tags: tagged ? ['kafka'] : [] })),
          );
          const q = libraryQuerySchema.parse({ query, sort, offset, limit: 4 });
          const recent = [...listed].sort(byNewestEdit);
          expect(queryListed(recent, q, 0)).toEqual(queryLibrary(SearchIndex.fromStudies(listed), q));
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });

  it('finds a word where it starts a word, inside one from three letters, never across words', () => {
    const ids = (query: string) =>
      Array.from(rankListed(query, new ListedTexts(byRecency)).rows, (row) => byRecency[row]!.title);
    expect(ids('nvme')).toEqual(['Write-ahead log on NVMe']);
    expect(ids('achi')).toEqual(['ΣΟΦΟΣ caching']); // inside "caching"
    expect(ids('ch')).toEqual(['Café orders at peak']); // "checkout", not inside "caching"
    expect(ids('log on')).toEqual(['Write-ahead log on NVMe']);
    expect(ids('gon')).toEqual([]); // "log on" holds it only across two words
  });

  it('makes its texts a slice at a time, and a search finds the same whether they were made or not', () => {
    const texts = new ListedTexts(byRecency);
    expect(texts.fill(2)).toBe(false);
    expect(texts.titles).toEqual(byRecency.slice(0, 2).map((s) => normalizeForSearch(s.title)));
    const whole = rankListed('cost', new ListedTexts(byRecency));
    expect(rankListed('cost', texts)).toEqual(whole); // the search makes the rest
    expect(texts.summaries).toHaveLength(byRecency.length);
    expect(texts.fill(2)).toBe(true);
    expect(texts.titles).toHaveLength(byRecency.length);
  });

  it('tells digits and letters from what stands beside them in ASCII', () => {
    for (const edge of ['/', ':', '`', '{', '@', '[']) expect(kindOf('kafka', `${edge}kafka${edge}`), edge).toBe(2);
    for (const letter of ['0', '9', 'a', 'z']) {
      expect(kindOf('kafka', `${letter}kafka`), letter).toBe(0);
      expect(kindOf('kafka', `kafka${letter}`), letter).toBe(1);
    }
  });

  it('tells a whole word from a word start and from inside a word', () => {
    expect(kindOf('kafka', 'kafka lag')).toBe(2);
    expect(kindOf('kafka', 'the kafka')).toBe(2);
    expect(kindOf('kaf', 'the kafka')).toBe(1);
    expect(kindOf('afk', 'the kafka')).toBe(0);
    expect(kindOf('af', 'the kafka')).toBe(-1);
    expect(kindOf('kafka', 'kafkaesque, then kafka')).toBe(2); // the best of every place
    expect(kindOf('kafka', 'akafka kafkas')).toBe(1);
    expect(kindOf('kafka', 'zookeeper')).toBe(-1);
    // A letter outside the Basic Multilingual Plane is one character of the word before.
    expect(kindOf('kafka', '𝐀kafka')).toBe(0);
    expect(kindOf('kafka', '😀kafka')).toBe(2); // an emoji is no letter
    expect(kindOf('kafka', 'kafka𝐀')).toBe(1);
  });
});
