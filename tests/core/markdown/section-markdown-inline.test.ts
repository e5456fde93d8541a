// The Markdown a section exports to, line by line: the editor's flat marks become nested
// Markdown (one link for a run of text with the same link, whatever other marks it carries),
// and what has no Markdown form keeps its text, with a warning naming it.
import { describe, expect, it } from 'vitest';
import { docToMdast } from '../../../src/core/pure/markdown/doc-to-mdast';
import { mdastToMarkdown } from '../../../src/core/pure/markdown/markdown-syntax';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';

type Mark = NonNullable<RichTextNode['marks']>[number];
const t = (text: string, marks?: Mark[]): RichTextNode => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const link = (href: string, title?: string): Mark => ({
  type: 'link',
  attrs: { href, ...(title !== undefined ? { title } : {}) },
});
const bold: Mark = { type: 'bold' };
const italic: Mark = { type: 'italic' };

function exported(...content: RichTextNode[]): { markdown: string; warnings: string[] } {
  const warnings: string[] = [];
  const doc: RichTextDoc = { type: 'doc', content };
  const blocks = docToMdast(doc, { imageSrc: (src) => src, warn: (message) => warnings.push(message) });
  return { markdown: mdastToMarkdown({ type: 'root', children: blocks }), warnings };
}
const md = (...content: RichTextNode[]): string => exported(...content).markdown;

describe('a section’s inline Markdown', () => {
  it('writes a run of text under one link as one link, even where other marks change inside it', () => {
    expect(md(p(t('a', [bold, link('https://x.io')]), t('b', [link('https://x.io')])))).toBe(
      '[**a**b](https://x.io)\n',
    );
    expect(md(p(t('a', [link('https://x.io')]), t('b', [link('https://x.io')])))).toBe('[ab](https://x.io)\n');
  });

  it('keeps links with another address or title apart', () => {
    expect(md(p(t('a', [link('https://x.io')]), t('b', [link('https://y.io')])))).toBe(
      '[a](https://x.io)[b](https://y.io)\n',
    );
    expect(md(p(t('a', [link('https://x.io', 'one')]), t('b', [link('https://x.io', 'two')])))).toBe(
      '[a](https://x.io "one")[b](https://x.io "two")\n',
    );
  });

  it('writes the same marks the same way whatever order the editor stored them in', () => {
    expect(md(p(t('x', [bold, italic])), p(t('x', [italic, bold])))).toBe('**_x_**\n\n**_x_**\n');
  });

  it('joins neighbouring text with the same marks, and skips empty text', () => {
    expect(md(p(t(''), t('a', [bold]), t('b', [bold])))).toBe('**ab**\n');
    expect(md(p(t('a', [{ type: 'code' }]), t('b', [{ type: 'code' }])))).toBe('`ab`\n');
  });

  it('escapes underscores in text, so snake_case stays as typed', () => {
    expect(md(p(t('snake_case_name')))).toBe('snake\\_case\\_name\n');
  });

  it('drops line breaks at the end of a paragraph and keeps those inside it', () => {
    expect(md(p(t('a'), { type: 'hardBreak' }, { type: 'hardBreak' }))).toBe('a\n');
    expect(md(p(t('a'), { type: 'hardBreak' }, t('b')))).toBe('a\\\nb\n');
  });
});

describe('what has no Markdown form', () => {
  it('keeps the text of an unknown block as a paragraph, and says so', () => {
    const { markdown, warnings } = exported({
      type: 'kanban',
      content: [t('card one'), { type: 'hardBreak' }, p(t('card two'))],
    });
    expect(markdown).toBe('card one   card two\n');
    expect(warnings).toEqual(['A "kanban" block has no Markdown form; its text was kept as a paragraph.']);
  });

  it('keeps text under an unknown mark without it, and says so', () => {
    const { markdown, warnings } = exported(p(t('a '), t('noted', [{ type: 'comment' }]), t(' b')));
    expect(markdown).toBe('a noted b\n');
    expect(warnings).toEqual(['A "comment" mark has no Markdown form; its text was kept without it.']);
  });

  it('keeps the text of an unknown inline node, and says so', () => {
    const { markdown, warnings } = exported(p(t('ask '), { type: 'mention', content: [t('Ana')] }, t(' first')));
    expect(markdown).toBe('ask Ana first\n');
    expect(warnings).toEqual(['An inline "mention" has no Markdown form; its text was kept.']);
  });
});
