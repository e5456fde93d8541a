// The site HTML of a section: text with its marks, unknown nodes and marks reduced to their
// text (nothing silently disappears), and headings stepped per section, not per block.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const para = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const text = (value: string, ...marks: RichTextNode['marks'] & object): RichTextNode => ({
  type: 'text',
  text: value,
  ...(marks.length ? { marks } : {}),
});

describe('the site HTML of text', () => {
  it('wraps text in each of its marks, the first mark innermost', () => {
    expect(richTextToHtml(doc(para(text('b', { type: 'bold' }))))).toBe('<p><strong>b</strong></p>');
    expect(richTextToHtml(doc(para(text('x', { type: 'bold' }, { type: 'italic' }))))).toBe(
      '<p><em><strong>x</strong></em></p>',
    );
  });

  it('keeps the text of an unknown mark and of an unsafe link, without the mark', () => {
    const unsafe = { type: 'link', attrs: { href: 'javascript:alert(1)' } };
    expect(richTextToHtml(doc(para(text('hot', { type: 'highlight' }, { type: 'bold' }))))).toBe(
      '<p><strong>hot</strong></p>',
    );
    expect(richTextToHtml(doc(para(text('click', unsafe))))).toBe('<p>click</p>');
  });

  it('renders a text node without text as nothing', () => {
    expect(richTextToHtml(doc(para(text('a'), { type: 'text' }, text('b'))))).toBe('<p>ab</p>');
  });

  it('renders an unknown node as its children, so its text still shows', () => {
    const card: RichTextNode = { type: 'kanban', content: [para(text('Keep me'))] };
    expect(richTextToHtml(doc(card, para(text('after'))))).toBe('<p>Keep me</p><p>after</p>');
    expect(richTextToHtml(doc(para(text('a'), { type: 'mention', content: [text('Ana')] })))).toBe('<p>aAna</p>');
  });

  it('steps the headings of a section, not those of a single block rendered alone', () => {
    const deep: RichTextNode = { type: 'heading', attrs: { level: 4 }, content: [text('Deep')] };
    expect(richTextToHtml(doc(deep))).toBe('<h2>Deep</h2>');
    expect(richTextToHtml(deep)).toBe('<h4>Deep</h4>');
  });
});
