// A numbered list keeps its start through Markdown, and stays a list whatever start it holds:
// CommonMark reads at most nine digits before the dot, and only whole numbers.
import { describe, expect, it } from 'vitest';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { throughMarkdown, toMarkdown } from '../../helpers/through-markdown';

const numbered = (start: unknown): RichTextDoc => ({
  type: 'doc',
  content: [
    {
      type: 'orderedList',
      attrs: { start },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'item' }] }] }],
    },
  ],
});

describe('a numbered list in Markdown', () => {
  it('keeps a start Markdown can carry', () => {
    for (const [start, line] of [
      [3, '3. item\n'],
      ['7', '7. item\n'],
      [0, '0. item\n'],
      [999_999_999, '999999999. item\n'],
      [undefined, '1. item\n'],
      [null, '1. item\n'],
    ] as const) {
      const { markdown, back } = throughMarkdown(numbered(start));
      expect(markdown, String(start)).toBe(line);
      expect(back.content?.[0]?.type).toBe('orderedList');
    }
  });

  it('writes any other start as 1, so the list reads back as a list', () => {
    for (const start of [1_234_567_890, 2.5, -2, 'abc', Number.NaN]) {
      const { markdown, back } = throughMarkdown(numbered(start));
      expect(markdown, String(start)).toBe('1. item\n');
      expect(back.content?.[0]).toMatchObject({ type: 'orderedList', attrs: { start: 1 } });
    }
  });
});

const item = (...texts: string[]): RichTextNode => ({
  type: 'listItem',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

describe('a list on the site and in Markdown', () => {
  it('numbers from its start on the site, writing no start for 1 or one that is not a number', () => {
    const ol = (attrs?: Record<string, unknown>): RichTextDoc => ({
      type: 'doc',
      content: [{ type: 'orderedList', ...(attrs ? { attrs } : {}), content: [item('a')] }],
    });
    expect(richTextToHtml(ol({ start: 3 }))).toBe('<ol start="3"><li><p>a</p></li></ol>');
    for (const attrs of [undefined, { start: 1 }, { start: 'x' }, { start: 0 }]) {
      expect(richTextToHtml(ol(attrs)), JSON.stringify(attrs)).toBe('<ol><li><p>a</p></li></ol>');
    }
    expect(toMarkdown(ol())).toBe('1. a\n');
  });

  it('is tight, with a blank line only inside an item of several blocks', () => {
    const bullets: RichTextDoc = {
      type: 'doc',
      content: [{ type: 'bulletList', content: [item('a'), item('b', 'c')] }],
    };
    expect(toMarkdown(bullets)).toBe('- a\n- b\n\n  c\n');
    expect(throughMarkdown(bullets).back).toEqual(bullets);
  });

  it('keeps a numbered list nested under an item’s text, whatever its start', () => {
    const nested: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            {
              ...item('a'),
              content: [...item('a').content!, { type: 'orderedList', attrs: { start: 3 }, content: [item('b')] }],
            },
          ],
        },
      ],
    };
    expect(throughMarkdown(nested).back).toEqual(markdownNormalForm(nested));
  });
});
