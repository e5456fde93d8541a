// A numbered list keeps its start through Markdown, and stays a list whatever start it holds:
// CommonMark reads at most nine digits before the dot, and only whole numbers.
import { describe, expect, it } from 'vitest';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { throughMarkdown } from '../../helpers/through-markdown';

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
