// Find in a section: matches by text across marks, never across blocks, with match case and
// whole word, at the document positions a replacement needs.
import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from '../../src/core/pure/rich-text/extensions';
import { findMatches } from '../../src/renderer/src/editor/find-highlight';

const schema = getSchema(richTextExtensions());
const text = (value: string, marks?: { type: string }[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [text('The '), text('Cache', [{ type: 'bold' }]), text(' and the cache.')] },
    { type: 'paragraph', content: [text('cached pages; ca')] },
    { type: 'paragraph', content: [text('che')] },
    {
      type: 'callout',
      attrs: { kind: 'tip' },
      content: [{ type: 'paragraph', content: [text('Über cache — ÜBER')] }],
    },
  ],
});

const found = (query: string, matchCase = false, wholeWord = false) =>
  findMatches(doc, { query, matchCase, wholeWord }).map((m) => doc.textBetween(m.from, m.to));

describe('find in a section', () => {
  it('finds every occurrence, ignoring case by default, inside words and across marks', () => {
    expect(found('cache')).toEqual(['Cache', 'cache', 'cache', 'cache']);
    expect(found('e C', true)).toEqual(['e C']); // "The Cache": plain text then bold text
  });

  it('never matches across two blocks', () => {
    expect(found('cache', false, false)).not.toContain('ca\nche');
    expect(found('pages; cache')).toEqual([]);
  });

  it('honours match case and whole word, in any script', () => {
    expect(found('cache', true)).toEqual(['cache', 'cache', 'cache']);
    expect(found('cache', false, true)).toEqual(['Cache', 'cache', 'cache']);
    expect(found('über', false, true)).toEqual(['Über', 'ÜBER']);
    expect(found('über', true, true)).toEqual([]);
  });

  it('treats the query as text, not a pattern', () => {
    expect(found('.')).toEqual(['.']);
    expect(found('c.che')).toEqual([]);
    expect(found('')).toEqual([]);
  });
});
