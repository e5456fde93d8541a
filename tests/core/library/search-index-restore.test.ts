// Building the index in bulk from persisted word numbers (a reopen) must search exactly as the
// index built study by study, stay editable afterwards, and refuse an inconsistent word table.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { restoreInBulk, type RestoredStudy } from '../../../src/core/pure/library/search-index-restore';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import type { Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const para = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const studies: Study[] = [
  sampleStudy(1, { title: 'Queue migration', problem: para('kafka consumers fell behind the brokers') }),
  sampleStudy(2, { title: 'Cost review', problem: para('kafka brokers were oversized for the load') }),
  sampleStudy(3, { title: 'Failover drill', problem: para('the database failover took nine minutes') }),
];

/** The persisted form of `index` (as writeSearchIndex lays it out): one word table, pairs grouped by study. */
function persist(index: SearchIndex, ids: string[]) {
  const table: string[] = [];
  const at = new Map<string, number>();
  const wordOf: number[] = [];
  const bitsOf: number[] = [];
  const rows: RestoredStudy[] = [];
  for (const id of ids) {
    const body = index.indexedBody(id)!;
    const from = wordOf.length;
    body.words.forEach((word, i) => {
      if (!at.has(word)) at.set(word, table.push(word) - 1);
      wordOf.push(at.get(word)!);
      bitsOf.push(body.bits[i]!);
    });
    rows.push({ summary: index.summary(id)!, from, n: body.words.length, sections: () => body.sections });
  }
  return { postings: { table, wordOf: Uint32Array.from(wordOf), bitsOf: Uint8Array.from(bitsOf) }, rows };
}

const never = () => undefined;
const ids = (index: SearchIndex, query: string) => index.match(query).map((m) => [m.id, m.field, m.score]);

describe('the search index built in bulk', () => {
  it('answers every query as the index built study by study, and takes edits afterwards', async () => {
    const live = SearchIndex.fromStudies(studies);
    const { postings, rows } = persist(
      live,
      studies.map((s) => s.id),
    );
    const built = (await restoreInBulk(postings, rows, never))!;
    for (const query of ['kafka', 'brok', 'fail', 'queue migration', 'nine', 'oversized load', 'zebra'])
      expect(ids(built, query)).toEqual(ids(live, query));
    expect(built.bodiesIndexed).toBe(3);
    expect(built.search('nine')[0]!.snippet.text).toContain('nine minutes');
    // Edited after the restore: old words forgotten, new ones found, shared ones kept.
    built.upsert({ ...studies[0]!, problem: para('kafka partitions rebalanced') });
    expect(ids(built, 'consumers')).toEqual([]);
    expect(ids(built, 'rebalanced').map(([id]) => id)).toEqual([studies[0]!.id]);
    expect(ids(built, 'kafka').length).toBe(2);
    built.remove(studies[1]!.id);
    expect(ids(built, 'oversized')).toEqual([]);
  });

  it('leaves out the studies not taken, and a study adopted from the live index wins over the file', async () => {
    const live = SearchIndex.fromStudies(studies);
    const { postings, rows } = persist(
      live,
      studies.map((s) => s.id),
    );
    const built = (await restoreInBulk(postings, [rows[0]!, null, rows[2]!], never))!;
    expect(ids(built, 'oversized')).toEqual([]);
    expect(built.has(studies[1]!.id)).toBe(false);
    live.upsert({ ...studies[2]!, problem: para('the cache warmed slowly') });
    built.adopt(live, studies[2]!.id);
    built.adopt(live, studies[1]!.id);
    expect(ids(built, 'nine')).toEqual([]);
    expect(ids(built, 'warmed').map(([id]) => id)).toEqual([studies[2]!.id]);
    expect(ids(built, 'oversized').map(([id]) => id)).toEqual([studies[1]!.id]);
  });

  it('refuses a word table naming a word twice, and skips word numbers outside the table', async () => {
    const live = SearchIndex.fromStudies(studies);
    const { postings, rows } = persist(
      live,
      studies.map((s) => s.id),
    );
    const twice = { ...postings, table: [...postings.table.slice(0, -1), postings.table[0]!] };
    expect(await restoreInBulk(twice, rows, never)).toBeNull();
    const wordOf = postings.wordOf.map((w, i) => (i === 0 ? 1e9 : w));
    const built = (await restoreInBulk({ ...postings, wordOf }, rows, never))!;
    expect(ids(built, 'kafka').length).toBe(2);
  });
});
