import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { indexChanges } from '../../../src/core/pure/library/search-index-sync';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { toSummary, type Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const para = (...texts: string[]): RichTextDoc => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

let n = 0;
function study(fields: Partial<Study> & { body?: string }): Study {
  const { body, ...rest } = fields;
  n++;
  return sampleStudy(n, {
    title: `Untitled ${n}`,
    summary: '',
    problem: para(body ?? 'nothing to see'),
    ...rest,
  });
}

/** The highlighted pieces of a result's snippet, as the user would see them marked. */
const marked = (text: string, ranges: [number, number][]): string[] => ranges.map(([a, b]) => text.slice(a, b));

describe('library search', () => {
  it('ranks matches inside a word of the body last, several of them by latest edit', () => {
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
    const studies = [
      study({ id: 'body-old', body: 'a kafka cluster', updatedAt: at(1) }),
      study({ id: 'title', title: 'Kafka rollout', updatedAt: at(2) }),
      study({ id: 'body-new', body: 'kafka lag', updatedAt: at(3) }),
      study({ id: 'summary', summary: 'Kafka, retired', updatedAt: at(0) }),
      study({ id: 'title-new', title: 'Kafka again', updatedAt: at(4) }),
    ];
    const index = SearchIndex.fromStudies(studies);
    // "afk" is inside "kafka": the titles' matches outrank the summary's, the bodies' (scored 0) come last.
    expect(index.search('afk').map((r) => r.id)).toEqual(['title-new', 'title', 'summary', 'body-new', 'body-old']);
  });

  it('re-indexing a saved study finds its new words, forgets its old ones and keeps shared ones', () => {
    const a = study({ id: 'edited', title: 'Queue migration', body: 'kafka consumers fell behind' });
    const b = study({ id: 'other', title: 'Queue costs', body: 'kafka brokers were oversized' });
    const index = SearchIndex.fromStudies([toSummary(a), b]);
    expect(index.bodiesIndexed).toBe(1);
    index.upsert(a);
    expect(index.bodiesIndexed).toBe(2);
    index.upsert({ ...a, title: 'Queue migration', problem: para('kafka partitions rebalanced') });
    expect(index.bodiesIndexed).toBe(2);
    expect(index.match('consumers')).toEqual([]);
    expect(index.match('rebalanced').map((m) => m.id)).toEqual(['edited']);
    expect(
      index
        .match('kafka')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['edited', 'other']);
    expect(index.match('queue').map((m) => m.field)).toEqual(['title', 'title']);
    index.upsert({ ...toSummary(a), title: 'Renamed' }); // back to title and summary only
    expect(index.bodiesIndexed).toBe(1);
    expect(index.match('rebalanced')).toEqual([]);
    expect(index.match('queue').map((m) => m.id)).toEqual(['other']);
  });

  it('ranks a title match above a summary match above a body match', () => {
    const body = study({ id: 'in-body', body: 'we moved the queue to kafka' });
    const summary = study({ id: 'in-summary', summary: 'Kafka consumers fell behind' });
    const title = study({ id: 'in-title', title: 'Kafka at scale' });
    const index = SearchIndex.fromStudies([body, summary, title]);
    const results = index.search('kafka');
    expect(results.map((r) => r.id)).toEqual(['in-title', 'in-summary', 'in-body']);
    expect(results.map((r) => r.field)).toEqual(['title', 'summary', 'body']);
  });

  it('ranks a whole word above a word prefix above a match inside a word', () => {
    const inside = study({ id: 'inside', title: 'Precache warming' });
    const prefix = study({ id: 'prefix', title: 'Caches everywhere' });
    const exact = study({ id: 'exact', title: 'The cache' });
    const index = SearchIndex.fromStudies([inside, prefix, exact]);
    expect(index.match('cache').map((r) => r.id)).toEqual(['exact', 'prefix', 'inside']);
  });

  it('breaks ties by the latest edit', () => {
    const older = study({ id: 'older', title: 'Billing rewrite', updatedAt: '2025-01-01T00:00:00.000Z' });
    const newer = study({ id: 'newer', title: 'Billing rewrite', updatedAt: '2025-06-01T00:00:00.000Z' });
    const index = SearchIndex.fromStudies([older, newer]);
    expect(index.match('billing').map((r) => r.id)).toEqual(['newer', 'older']);
    // Saving the older one makes it the latest edit: the order follows on the next keystroke.
    index.upsert({ ...older, updatedAt: '2025-09-01T00:00:00.000Z' });
    expect(index.match('billing').map((r) => r.id)).toEqual(['older', 'newer']);
    expect(Array.from(index.recencyRows(), (row) => index.summaryAt(row).id)).toEqual(['older', 'newer']);
  });

  it('ignores case and accents, and highlights the original spelling', () => {
    const index = SearchIndex.fromStudies([study({ id: 'cafe', title: 'Le Café Crème outage' })]);
    const cases: [string, string][] = [
      ['cafe', 'Café'],
      ['CAFÉ', 'Café'],
      ['crEme', 'Crème'],
      // Decomposed input (e + combining accent), as some keyboards and macOS file names produce.
      ['cre\u0300me', 'Crème'],
    ];
    for (const [query, shown] of cases) {
      const [result] = index.search(query);
      expect(result?.id).toBe('cafe');
      expect(marked(result!.snippet.text, result!.snippet.highlights)).toEqual([shown]);
    }
  });

  it('needs every word of the query, matching the last one as a prefix while typing', () => {
    const a = study({ id: 'a', title: 'Search cluster failover' });
    const b = study({ id: 'b', title: 'Search latency' });
    const index = SearchIndex.fromStudies([a, b]);
    expect(index.match('search fail').map((r) => r.id)).toEqual(['a']);
    expect(index.match('search fa').map((r) => r.id)).toEqual(['a']);
    expect(
      index
        .match('search')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(index.match('search zebra')).toEqual([]);
  });

  it('matches one or two letters only at the start of a word', () => {
    const index = SearchIndex.fromStudies([study({ id: 'x', title: 'Rollout plan' })]);
    expect(index.match('ro').map((r) => r.id)).toEqual(['x']);
    expect(index.match('ll')).toEqual([]);
    expect(index.match('llou').map((r) => r.id)).toEqual(['x']);
  });

  it('gives a short snippet around a body match, with the section and the matched words marked', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const s = study({
      id: 'long',
      title: 'Nightly jobs',
      problem: para('nothing here'),
      decisions: para(`${filler}we added a circuit breaker to the payment client ${filler}`),
    });
    const [result] = SearchIndex.fromStudies([s]).search('circuit breaker');
    expect(result?.section).toBe('decisions');
    expect(result!.snippet.text.length).toBeLessThanOrEqual(170);
    expect(result!.snippet.text.startsWith('…')).toBe(true);
    expect(result!.snippet.text.endsWith('…')).toBe(true);
    expect(marked(result!.snippet.text, result!.snippet.highlights)).toEqual(['circuit', 'breaker']);
  });

  it('marks matched words in the title even when the best match is elsewhere', () => {
    const s = study({ id: 't', title: 'Queue backlog', summary: 'the queue grew', body: 'backlog of jobs' });
    const [result] = SearchIndex.fromStudies([s]).search('backlog');
    expect(marked(s.title, result!.titleHighlights)).toEqual(['backlog']);
  });

  it('follows saves and deletions', () => {
    const s = study({ id: 'edit', title: 'Cache stampede' });
    const index = SearchIndex.fromStudies([s, study({ id: 'other', title: 'Other' })]);
    index.upsert({ ...s, title: 'Thundering herd' });
    expect(index.match('stampede')).toEqual([]);
    expect(index.match('herd').map((r) => r.id)).toEqual(['edit']);
    index.remove('edit');
    expect(index.match('herd')).toEqual([]);
    expect(index.size).toBe(1);
    // A word that only the removed study had is gone; a new study can bring it back.
    index.upsert(study({ id: 'again', title: 'Herd immunity' }));
    expect(index.match('herd').map((r) => r.id)).toEqual(['again']);
  });

  it('finds nothing for an empty or punctuation-only query', () => {
    const index = SearchIndex.fromStudies([study({ title: 'Anything' })]);
    expect(index.match('')).toEqual([]);
    expect(index.match('  -- ')).toEqual([]);
  });
});

describe('keeping the index in step with the workspace', () => {
  it('names the studies to re-read (new or saved since indexing) and to drop', () => {
    const kept = study({ id: 'kept' });
    const edited = study({ id: 'edited' });
    const gone = study({ id: 'gone' });
    const index = SearchIndex.fromStudies([kept, edited, gone]);
    const current = [kept, { ...edited, updatedAt: '2030-01-01T00:00:00.000Z' }, study({ id: 'new' })];
    expect(indexChanges(index, current)).toEqual({ toRead: ['edited', 'new'], toRemove: ['gone'] });
  });

  it('searches titles and summaries at once from summaries, and bodies once the full study arrives', () => {
    const full = study({ id: 'full', title: 'Quarterly review', body: 'the replica lag grew' });
    const index = SearchIndex.fromStudies([toSummary(full)]);
    expect(index.match('quarterly').map((r) => r.id)).toEqual(['full']);
    expect(index.match('replica')).toEqual([]);
    expect(indexChanges(index, [full])).toEqual({ toRead: ['full'], toRemove: [] });
    index.upsert(full);
    expect(index.match('replica').map((r) => r.id)).toEqual(['full']);
    expect(indexChanges(index, [full])).toEqual({ toRead: [], toRemove: [] });
  });
});
