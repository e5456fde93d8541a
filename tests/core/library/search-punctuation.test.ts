import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/pure/library/search-index';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import type { Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';

const para = (...texts: string[]): RichTextDoc => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const list = (...items: string[]): RichTextDoc => ({
  type: 'doc',
  content: [
    {
      type: 'bulletList',
      content: items.map((text) => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      })),
    },
  ],
});

let n = 0;
function study(id: string, fields: Partial<Study>): Study {
  n++;
  return sampleStudy(n, { id, title: `Untitled ${n}`, summary: '', problem: para('nothing to see'), ...fields });
}

const marked = (text: string, ranges: [number, number][]): string[] => ranges.map(([a, b]) => text.slice(a, b));

describe('search for terms with punctuation', () => {
  const index = SearchIndex.fromStudies([
    study('n-plus-one', { problem: para('Every page ran an N+1 query against the orders table.') }),
    study('n-and-one', { problem: para('Nine nodes ran 1 query each; no pattern here.') }),
    study('cpp', { title: 'Porting the parser to C++', problem: para('templates everywhere') }),
    study('c-lang', { title: 'Rewriting the codec in C', problem: para('a compiler upgrade') }),
    study('latency', { summary: 'p95 fell from 900 ms to 120 ms; 99.9% of requests under 1 s.' }),
    study('uptime', { summary: 'Uptime reached 99 and then 9 percent more' }),
    study('dotted', { problem: para('Moved the build from node.js scripts to make') }),
  ]);
  const ids = (query: string): string[] =>
    index
      .match(query)
      .map((m) => m.id)
      .sort();

  it('finds only the studies holding the term as written', () => {
    expect(ids('N+1')).toEqual(['n-plus-one']);
    expect(ids('c++')).toEqual(['cpp']);
    expect(ids('99.9%')).toEqual(['latency']);
    expect(ids('p95')).toEqual(['latency']);
    expect(ids('node.js')).toEqual(['dotted']);
    // Sentence punctuation around a term is not part of it; plain words still combine.
    expect(ids('"N+1",')).toEqual(['n-plus-one']);
    expect(ids('orders N+1')).toEqual(['n-plus-one']);
    expect(ids('C')).toEqual(['c-lang', 'cpp']);
    // A term of punctuation alone holds no word: it asks for nothing.
    expect(ids('orders +++')).toEqual(['n-plus-one']);
  });

  it('marks the whole term, in the title or in the body snippet where it is', () => {
    const [inBody] = index.search('n+1');
    expect(inBody!.field).toBe('body');
    expect(marked(inBody!.snippet.text, inBody!.snippet.highlights)).toEqual(['N+1']);
    const [inTitle] = index.search('C++');
    expect(inTitle!.field).toBe('title');
    expect(marked(inTitle!.study.title, inTitle!.titleHighlights)).toEqual(['C++']);
  });

  it('keeps list items and paragraphs apart in snippets', () => {
    const items = SearchIndex.fromStudies([
      study('listed', { problem: list('Cache warmed', 'Queue drained', 'Alerts quiet') }),
      study('paragraphs', { problem: para('First the cache.', 'Then the queue.') }),
    ]);
    const [listed] = items.search('drained');
    expect(listed!.snippet.text).toBe('Cache warmed · Queue drained · Alerts quiet');
    expect(marked(listed!.snippet.text, listed!.snippet.highlights)).toEqual(['drained']);
    const [paragraphs] = items.search('queue');
    expect(paragraphs!.snippet.text).toBe('First the cache. · Then the queue.');
  });
});
