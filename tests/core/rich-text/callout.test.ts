// A callout in Markdown (a GFM alert on a quote's first line) and on the site, for the shapes
// a file can give it: no kind, no blocks, a first block that is not a paragraph; and quotes
// that only look like alerts.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, throughMarkdown, toMarkdown } from '../../helpers/through-markdown';

const t = (text: string): RichTextNode => ({ type: 'text', text });
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const bullets = (text: string): RichTextNode => ({
  type: 'bulletList',
  content: [{ type: 'listItem', content: [p(t(text))] }],
});

describe('a callout', () => {
  it('without a kind (a hand-edited file) is a note on the site and in Markdown', () => {
    const section = doc({ type: 'callout', content: [p(t('x'))] });
    expect(richTextToHtml(section)).toBe(
      '<aside class="callout callout-note" role="note"><p class="callout-label">Note</p><p>x</p></aside>',
    );
    expect(toMarkdown(section)).toBe('> [!NOTE]\n> x\n');
  });

  it('starting with a list keeps the alert on a line of its own, and reads back the same', () => {
    const section = doc({ type: 'callout', attrs: { kind: 'tip' }, content: [bullets('a'), p(t('b'))] });
    expect(toMarkdown(section)).toBe('> [!TIP]\n>\n> - a\n>\n> b\n');
    expect(throughMarkdown(section).back).toEqual(section);
  });

  it('without blocks is written as the alert alone and read back holding an empty paragraph', () => {
    expect(toMarkdown(doc({ type: 'callout', attrs: { kind: 'warning' } }))).toBe('> [!WARNING]\n');
    expect(fromMarkdown('> [!WARNING]\n')).toEqual([
      { type: 'callout', attrs: { kind: 'warning' }, content: [{ type: 'paragraph' }] },
    ]);
  });
});

describe('a quote that only looks like an alert', () => {
  it('stays a quote: an empty one, one starting with code, one whose marker is inline code', () => {
    expect(fromMarkdown('>\n')).toEqual([{ type: 'blockquote', content: [{ type: 'paragraph' }] }]);
    expect(fromMarkdown('> ```\n> [!NOTE]\n> ```\n')).toEqual([
      {
        type: 'blockquote',
        content: [{ type: 'codeBlock', attrs: { language: null }, content: [t('[!NOTE]')] }],
      },
    ]);
    expect(fromMarkdown('> `[!NOTE]` starts an alert\n')).toEqual([
      {
        type: 'blockquote',
        content: [p({ ...t('[!NOTE]'), marks: [{ type: 'code' }] }, t(' starts an alert'))],
      },
    ]);
    expect(fromMarkdown('> - [!NOTE]\n')[0]?.type).toBe('blockquote');
  });
});
