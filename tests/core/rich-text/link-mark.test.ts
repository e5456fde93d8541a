// A link mark in each output: the site writes it only for a safe target, the Markdown export
// keeps its target and a real title, an unsafe or missing target leaves the text unlinked with a
// warning, and an import keeps a reference to no definition as the text it was.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { link as linkModule } from '../../../src/core/pure/rich-text/marks/link';
import { mdastToBlocks } from '../../../src/core/pure/markdown/mdast-to-doc';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, toMarkdown } from '../../helpers/through-markdown';

type Mark = NonNullable<RichTextNode['marks']>[number];
const linked = (mark: Mark): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'docs', marks: [mark] }] }],
});
const link = (attrs?: Record<string, unknown>): Mark => ({ type: 'link', ...(attrs ? { attrs } : {}) });

describe('a link on the site', () => {
  it('is written for a safe target, escaped, and left out for a missing or unsafe one', () => {
    expect(richTextToHtml(linked(link({ href: 'https://a.test/?q="x"&y' })))).toBe(
      '<p><a href="https://a.test/?q=&quot;x&quot;&amp;y">docs</a></p>',
    );
    expect(richTextToHtml(linked(link()))).toBe('<p>docs</p>');
    expect(richTextToHtml(linked(link({ href: 'javascript:alert(1)' })))).toBe('<p>docs</p>');
  });
});

describe('a link in the Markdown export', () => {
  it('keeps its target and a title that has text', () => {
    expect(toMarkdown(linked(link({ href: 'https://a.test', title: 'The docs' })))).toBe(
      '[docs](https://a.test "The docs")\n',
    );
    for (const title of ['', null, 5, undefined])
      expect(toMarkdown(linked(link({ href: 'https://a.test', title })))).toBe('[docs](https://a.test)\n');
  });

  it('keeps the text of a link with no or an unsafe target, and says so', () => {
    const warnings: string[] = [];
    expect(toMarkdown(linked(link()), warnings)).toBe('docs\n');
    expect(toMarkdown(linked(link({ href: 'vbscript:x' })), warnings)).toBe('docs\n');
    expect(warnings).toEqual([
      'The link to "" is not http, https, mailto or relative; its text was kept without the link.',
      'The link to "vbscript:x" is not http, https, mailto or relative; its text was kept without the link.',
    ]);
  });

  it('compares as its target and title alone, an empty title as none', () => {
    const normal = (mark: Mark) => markdownNormalForm(linked(mark)).content?.[0]?.content?.[0]?.marks?.[0]?.attrs;
    const plain = normal(link({ href: 'https://a.test' }));
    expect(plain).toMatchObject({ href: 'https://a.test', title: null });
    expect(normal(link({ href: 'https://a.test', title: '', target: '_self', rel: 'me' }))).toEqual(plain);
    expect(normal(link({ href: 'https://a.test', title: 'T' }))).toEqual({ ...plain, title: 'T' });
    expect(normal(link())).toMatchObject({ title: null });
  });
});

describe("the link's Markdown form on its own", () => {
  // The export filters unsafe links before they get here (markdownProblem); the form must not
  // depend on that filter to keep a javascript: target out of a file.
  const children = [{ type: 'text' as const, value: 'docs' }];

  it('refuses a missing or unsafe target by itself', () => {
    expect(linkModule.toMdast(link(), children)).toBeNull();
    expect(linkModule.toMdast(link({ href: ' javascript:alert(1)' }), children)).toBeNull();
  });

  it('carries a title only when it is text', () => {
    const form = (title: unknown) => linkModule.toMdast(link({ href: 'https://a.test', title }), children);
    expect(form('The docs')).toEqual({ type: 'link', url: 'https://a.test', title: 'The docs', children });
    for (const title of ['', 5, null, undefined]) expect(form(title)).toMatchObject({ title: null });
  });

  it('compares a link without attributes as one with no target and no title', () => {
    expect(linkModule.normalForm!(undefined)).toEqual({ href: undefined, title: null });
  });
});

describe('a link reference read from Markdown', () => {
  it('to no definition stays the text as written', () => {
    expect(fromMarkdown('See [the docs][nowhere] now.')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'See [the docs][nowhere] now.' }] },
    ]);
  });

  it('to no definition, without a place in the source, is its plain text', () => {
    const blocks = mdastToBlocks(
      [
        {
          type: 'paragraph',
          children: [
            {
              type: 'linkReference',
              identifier: 'x',
              label: 'x',
              referenceType: 'full',
              children: [{ type: 'text', value: 'label' }],
            },
          ],
        },
      ],
      { source: '', definitions: new Map(), images: [], warn: () => {} },
    );
    expect(blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'label' }] }]);
  });
});
