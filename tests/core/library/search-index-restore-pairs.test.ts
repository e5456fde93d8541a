// A persisted index is read back as written, but it may be damaged: an id twice makes the
// caller index from the study files instead, and a word listed twice for one study is one match.
import { describe, expect, it } from 'vitest';
import { FIELD_BITS } from '../../../src/core/pure/library/postings';
import { restoreInBulk, type RestoredStudy } from '../../../src/core/pure/library/search-index-restore';
import type { SectionTexts } from '../../../src/core/pure/library/search-index';
import { toSummary } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const texts = (problem: string): SectionTexts => ({ problem, decisions: '', tradeoffs: '', lessons: '' });
const never = () => undefined;

function row(n: number, from: number, count: number, problem = ''): RestoredStudy {
  return {
    summary: toSummary(sampleStudy(n, { title: `Kafka ${n}` })),
    from,
    n: count,
    sections: () => texts(problem),
  };
}

describe('a persisted index read back', () => {
  it('is refused when it names one study twice', async () => {
    const postings = { table: ['kafka'], wordOf: Uint32Array.from([0, 0]), bitsOf: Uint8Array.from([4, 4]) };
    const twice = [row(1, 0, 1), { ...row(1, 1, 1) }];
    expect(await restoreInBulk(postings, twice, never)).toBeNull();
  });

  it('counts a word listed twice for one study once, in the best field it was listed in', async () => {
    const postings = {
      table: ['kafka', 'lag'],
      wordOf: Uint32Array.from([0, 0, 1, 0]),
      bitsOf: Uint8Array.from([FIELD_BITS.body, FIELD_BITS.title, FIELD_BITS.body, FIELD_BITS.body]),
    };
    const index = (await restoreInBulk(postings, [row(1, 0, 3, 'kafka lag'), row(2, 3, 1, 'kafka')], never))!;
    // What the index writes back to disk holds the word once, in both fields.
    const body = index.indexedBody('study-1')!;
    expect([...body.words].sort()).toEqual(['kafka', 'lag']);
    expect(body.bits[body.words.indexOf('kafka')]).toBe(FIELD_BITS.body | FIELD_BITS.title);
    const matches = index.match('kafka');
    expect(matches.map((m) => [m.id, m.field])).toEqual([
      ['study-1', 'title'],
      ['study-2', 'body'],
    ]);
    expect(index.match('lag').map((m) => m.id)).toEqual(['study-1']);
    // The study's words are its own: a save that drops "lag" forgets it.
    index.upsert({ ...sampleStudy(1, { title: 'Kafka 1' }), problem: { type: 'doc', content: [] } });
    expect(index.match('lag')).toEqual([]);
    expect(index.match('kafka').map((m) => m.id)).toEqual(['study-1', 'study-2']);
    // …and a save that keeps "kafka" only in the body ranks it as a body match.
    const para = { type: 'paragraph', content: [{ type: 'text', text: 'kafka' }] };
    index.upsert({ ...sampleStudy(1, { title: 'Renamed' }), problem: { type: 'doc', content: [para] } });
    expect(index.match('kafka').map((m) => [m.id, m.field])).toEqual([
      ['study-2', 'body'],
      ['study-1', 'body'],
    ]);
  });

  it('leaves a word number outside the table out of the study, and out of what is written back', async () => {
    const postings = {
      table: ['kafka', 'lag'],
      wordOf: Uint32Array.from([0, 7, 1]),
      bitsOf: Uint8Array.from([4, 1, 1]),
    };
    const index = (await restoreInBulk(postings, [row(1, 0, 3, 'kafka lag')], never))!;
    expect(index.indexedBody('study-1')!.words).toEqual(['kafka', 'lag']);
    expect(index.match('lag').map((m) => m.id)).toEqual(['study-1']);
  });
});
