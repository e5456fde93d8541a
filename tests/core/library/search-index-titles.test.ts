// A large workspace's titles and summaries indexed in bulk when it opens must search exactly as
// upserting each summary would: same matches, same fields, same order, nothing indexed in full.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { indexTitlesInBulk } from '../../../src/core/pure/library/search-index-titles';
import { toSummary } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const never = () => undefined;

const summaries = [
  sampleStudy(1, { title: 'Kafka lag at peak', summary: 'Consumers fell behind: kafka, again.' }),
  sampleStudy(2, { title: 'Café checkout outage', summary: 'The cafe payment service timed out' }),
  sampleStudy(3, { title: 'Cost review', summary: 'Brokers oversized for the load; kafka cost halved' }),
  sampleStudy(4, { title: 'Failover drill', summary: '' }),
  sampleStudy(5, { title: '', summary: 'Untitled, about failover and lag' }),
].map(toSummary);

const queries = ['kafka', 'kaf', 'cafe', 'café', 'lag', 'failover', 'review', 'at peak', 'summary', 'afk', 'x'];

describe('titles and summaries indexed in bulk', () => {
  it('search as the same summaries upserted one by one', async () => {
    const bulk = (await indexTitlesInBulk(summaries, never))!;
    const oneByOne = SearchIndex.fromStudies(summaries);
    for (const query of queries) expect(bulk.search(query), query).toEqual(oneByOne.search(query));
    expect(bulk.size).toBe(summaries.length);
    expect(bulk.bodiesIndexed).toBe(0);
  });

  it('keep a word found in both title and summary as one match, ranked by the title', async () => {
    const bulk = (await indexTitlesInBulk(summaries, never))!;
    const [first, ...rest] = bulk.search('kafka');
    expect(first).toMatchObject({ id: 'study-1', field: 'title' });
    expect(rest.map((r) => [r.id, r.field])).toEqual([['study-3', 'summary']]);
  });

  it('stay editable: a study read in full later replaces its title-only entry', async () => {
    const bulk = (await indexTitlesInBulk(summaries, never))!;
    bulk.upsert(sampleStudy(4, { title: 'Failover drill' }));
    expect(bulk.bodiesIndexed).toBe(1);
    expect(bulk.search('body').map((r) => r.id)).toEqual(['study-4']);
    bulk.remove('study-1');
    expect(bulk.search('peak')).toEqual([]);
  });

  it('refuse two summaries with one id (the caller indexes them one by one)', async () => {
    expect(await indexTitlesInBulk([...summaries, summaries[0]!], never)).toBeNull();
  });
});
