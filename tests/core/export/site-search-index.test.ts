// The site's search index as the browser reads it: every word of the site once, in code-unit
// order, and for each the studies holding it and in which fields (decoded here by the format
// site-search-index.ts documents); each study's path, title, summary, tags, categories and
// section excerpts; words cut to the limits a reader would never notice.
import { describe, expect, it } from 'vitest';
import {
  FIELD_CHARS,
  SEARCH_FIELDS,
  searchIndexData,
  searchIndexScript,
} from '../../../src/core/pure/export/site-search-index';
import {
  cutAt,
  distinctWords,
  SEARCH_LIMITS,
  searchDoc,
  sectionSearch,
  type SearchDoc,
} from '../../../src/core/pure/export/site-search-doc';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import { doc, makeStudy, sampleSite } from '../../site/sample-site';

const sdoc = (path: string, title: string, words: string, over: Partial<SearchDoc> = {}): SearchDoc => ({
  path,
  title,
  summary: '',
  tags: [],
  categories: [],
  words,
  excerpts: ['', '', '', ''],
  ...over,
});

/** word → "path:field+field" for each study holding it, decoded as the browser decodes it. */
function decode(data: Record<string, unknown>): Record<string, string[]> {
  const docs = data.docs as string[][];
  const terms = (data.terms as string).split(' ');
  const postings = (data.postings as string).split(' ');
  const out: Record<string, string[]> = {};
  terms.forEach((term, i) => {
    let at = 0;
    out[term] = [...postings[i]!.matchAll(/([0-9a-z]+)(.)/g)].map(([, gap, field]) => {
      at += parseInt(gap!, 36);
      const bits = FIELD_CHARS.indexOf(field!);
      return `${docs[at]![0]}:${SEARCH_FIELDS.filter((_, b) => bits & (1 << b)).join('+')}`;
    });
  });
  return out;
}

describe('the search index', () => {
  it('lists each word once, sorted, with the studies holding it and the fields it is in', () => {
    const data = searchIndexData([
      sdoc('a/', 'Kafka queues', 'kafka lag', { summary: 'Kafka', tags: ['ops'], categories: ['Failure'] }),
      sdoc('b/', 'Other', 'lag'),
      sdoc('c/', 'Lag', 'kafka', { tags: ['Kafka'] }),
    ]);
    expect(data.terms).toBe('failure kafka lag ops other queues');
    expect(decode(data)).toEqual({
      failure: ['a/:categories'],
      kafka: ['a/:title+summary+body', 'c/:tags+body'],
      lag: ['a/:body', 'b/:body', 'c/:title'],
      ops: ['a/:tags'],
      other: ['b/:title'],
      queues: ['a/:title'],
    });
  });

  it('sorts words by code unit, as the browser compares them', () => {
    const data = searchIndexData([sdoc('a/', '', 'é z a ä b')]);
    expect(data.terms).toBe('a b z ä é');
  });

  it('carries what each result shows, the section names and the word splitter', () => {
    const data = searchIndexData([
      sdoc('a/', 'T', '', { summary: 'S', tags: ['t'], categories: ['c'], excerpts: ['p', 'd', '', 'l'] }),
    ]);
    expect(data.version).toBe(2);
    expect(data.sections).toEqual(['Problem', 'Decisions', 'Tradeoffs', 'Lessons']);
    expect(data.docs).toEqual([['a/', 'T', 'S', ['t'], ['c'], ['p', 'd', '', 'l']]]);
    expect(new RegExp(data.split as string).test('a-b')).toBe(true);
  });

  it('counts studies apart by their distance, however many there are', () => {
    const many = Array.from({ length: 40 }, (_, i) => sdoc(`s${i}/`, i % 37 === 0 ? 'rare' : 'common', ''));
    expect(decode(searchIndexData(many)).rare).toEqual(['s0/:title', 's37/:title']);
  });

  it('stays right across many exports (the remembered word ids are dropped, never mixed up)', () => {
    for (let n = 0; n < 6000; n++) searchIndexData([sdoc('x/', '', `w${n} v${n}`)]);
    expect(decode(searchIndexData([sdoc('a/', '', 'late word'), sdoc('b/', 'word', '')]))).toEqual({
      late: ['a/:body'],
      word: ['a/:body', 'b/:title'],
    });
  });

  it('is a classic script setting CASEBOOK_SEARCH', () => {
    const script = searchIndexScript([sdoc('a/', 'T', 'w')]);
    expect(script.startsWith('/* Casebook search index (generated at export) */\nwindow.CASEBOOK_SEARCH = {')).toBe(
      true,
    );
    expect(script.endsWith('};\n')).toBe(true);
    const json = script.slice(script.indexOf('= ') + 2, -2);
    expect(JSON.parse(json)).toEqual(searchIndexData([sdoc('a/', 'T', 'w')]));
  });
});

describe('what a study gives the search', () => {
  it('cuts long text at a word boundary when there is one late enough, with an ellipsis', () => {
    expect(cutAt('short', 10)).toBe('short');
    expect(cutAt('exactly10!', 10)).toBe('exactly10!');
    expect(cutAt('one two three four', 10)).toBe('one two…');
    expect(cutAt('abcdefg hijklmnop', 10)).toBe('abcdefg…'); // space at 7 > 6
    expect(cutAt('abcdef ghijklmnop', 10)).toBe('abcdef ghi…'); // space at 6: too early
    expect(cutAt('abcdefghijklmnop', 10)).toBe('abcdefghij…');
    expect(cutAt('ab         cdefghij', 10)).toBe('ab…');
  });

  it('keeps distinct lower-case words in order, none longer than a reader types, up to a limit', () => {
    expect([...distinctWords('Hello, hello WORLD! a-b c_d')]).toEqual(['hello', 'world', 'a', 'b', 'c', 'd']);
    const long = 'x'.repeat(SEARCH_LIMITS.wordLength);
    expect([...distinctWords(`${long} ${long}y ok`)]).toEqual([long, 'ok']);
    expect([...distinctWords('a b c d', new Set(), 2)]).toEqual(['a', 'b']);
    expect([...distinctWords('b c', new Set(['a']), 2)]).toEqual(['a', 'b']);
  });

  it('takes the sections’ words in turn, and the start of each section on one line', () => {
    const study = makeStudy({
      title: 'S',
      problem: doc({ type: 'paragraph', content: [{ type: 'text', text: 'p1 p2  p3\n\tp4' }] }),
      decisions: doc({ type: 'paragraph', content: [{ type: 'text', text: 'd1 p1' }] }),
      tradeoffs: doc(),
      lessons: doc({ type: 'paragraph', content: [{ type: 'text', text: 'l1' }] }),
    });
    const s = sectionSearch(study);
    expect(s.words).toBe('p1 d1 l1 p2 p3 p4');
    expect(s.excerpts).toEqual(['p1 p2 p3 p4', 'd1 p1', '', 'l1']);
  });

  it('holds a study’s path, title (named when empty), summary, tags and categories, cut to size', () => {
    const study = makeStudy({
      title: `A\n${'t'.repeat(500)}`,
      summary: ' One\u0000line\n ',
      tags: Array.from({ length: 40 }, (_, i) => (i === 0 ? `tag ${'x'.repeat(100)}` : `t${i}`)),
      categories: ['Failure Analysis'],
    });
    const [s] = buildSiteModel(sampleSite(), [study], false).studies;
    const d = searchDoc(s!, { words: 'w', excerpts: ['a', 'b', 'c', 'd'] });
    expect(d.path).toBe(s!.path);
    expect(d.title).toBe(`A ${'t'.repeat(398)}…`); // 400 characters: the only space is too early
    expect(d.summary).toBe('One line');
    expect(d.tags).toHaveLength(SEARCH_LIMITS.tags);
    expect(d.tags[0]).toBe(`tag ${'x'.repeat(56)}…`); // 60 characters
    expect(d.tags[1]).toBe('t1');
    expect(d.categories).toEqual(['Failure Analysis']);
    expect([d.words, d.excerpts]).toEqual(['w', ['a', 'b', 'c', 'd']]);
    const [untitled] = buildSiteModel(sampleSite(), [makeStudy({ title: ' ', slug: 'u' })], false).studies;
    expect(searchDoc(untitled!, { words: '', excerpts: [] }).title).toBe('Untitled case study');
  });
});
