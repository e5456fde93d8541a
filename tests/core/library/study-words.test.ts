// A study indexed from what a worker thread answers (studyWordsOf, put) is searched exactly as
// one upserted on the main thread: same matches, fields, scores and snippets.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import { FIELD_BITS } from '../../../src/core/pure/library/postings';
import { fieldBitsOf, studyWordsOf, wordBitsOf } from '../../../src/core/pure/library/study-words';
import { sampleStudy, withLessons } from '../../helpers/study-files';

const studies = [
  withLessons(1, 'Café latency fell; the p99 of überfast caches'),
  sampleStudy(2, { title: '', summary: '' }),
  withLessons(3, 'Retries with jitter'),
];

describe('a study indexed from its words', () => {
  it('searches as one indexed in full, accents, empty fields and all', () => {
    const upserted = SearchIndex.fromStudies(studies);
    const put = new SearchIndex();
    for (const study of studies) put.put(structuredClone(studyWordsOf(study)));
    for (const query of ['cafe', 'uberfast', 'p99', 'jitter', 'study', 'retr', 'latency fell'])
      expect(put.search(query), query).toEqual(upserted.search(query));
    expect(put.bodiesIndexed).toBe(3);
  });

  it('keeps each word once, with the bits of every field it is in, and no empty word', () => {
    const empty = { problem: '', decisions: '', tradeoffs: '', lessons: '' };
    const bits = fieldBitsOf('  Kafka lag! ', '"Kafka", again', { ...empty, lessons: '— lag, lag —' });
    expect([...bits]).toEqual([
      ['kafka', FIELD_BITS.title | FIELD_BITS.summary],
      ['lag', FIELD_BITS.title | FIELD_BITS.body],
      ['again', FIELD_BITS.summary],
    ]);
    expect(fieldBitsOf('', '...', empty).size).toBe(0);
    expect(wordBitsOf({ words: '', bits: new Uint8Array(0) }).size).toBe(0);
    expect([...wordBitsOf(studyWordsOf(withLessons(1, 'x')))]).toContainEqual(['x', FIELD_BITS.body]);
  });

  it('replaces what the index knew of the study', () => {
    const index = SearchIndex.fromStudies([withLessons(1, 'old words')]);
    index.put(studyWordsOf(withLessons(1, 'new text')));
    expect(index.search('old')).toEqual([]);
    expect(index.search('new').map((r) => r.id)).toEqual(['study-1']);
  });
});
