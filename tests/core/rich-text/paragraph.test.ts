// Paragraphs and line breaks: an empty paragraph is layout (nothing on the site, nothing in
// Markdown), a break at the end of a paragraph or heading means nothing in Markdown, a break in
// a heading stays on its one line, and images inside a Markdown paragraph become blocks of
// their own with the text around them.
import { describe, expect, it } from 'vitest';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, throughMarkdown, toMarkdown } from '../../helpers/through-markdown';

const t = (text: string): RichTextNode => ({ type: 'text', text });
const br: RichTextNode = { type: 'hardBreak' };
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const h = (...content: RichTextNode[]): RichTextNode => ({ type: 'heading', attrs: { level: 2 }, content });
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const img = (src: string) => ({ type: 'image', attrs: { src, alt: src[0], title: null } });

describe('a paragraph on the site', () => {
  it('is left out when empty, and breaks its lines where the author did', () => {
    expect(richTextToHtml(doc({ type: 'paragraph' }, p(t('a'), br, t('b'))))).toBe('<p>a<br>b</p>');
  });
});

describe('line breaks in Markdown', () => {
  it('are a backslash in a paragraph and <br> in a heading, which holds one line', () => {
    expect(toMarkdown(doc(p(t('a'), br, t('b'))))).toBe('a\\\nb\n');
    expect(toMarkdown(doc(h(t('a'), br, t('b'))))).toBe('### a<br>b\n');
    expect(fromMarkdown('### a<br>b\n')).toEqual([h(t('a'), br, t('b'))]);
  });

  it('are dropped at the end of a paragraph or heading, as the normal form says', () => {
    const section = doc(p(t('a'), br, br), h(t('b'), br), p(br, br), p(t('c'), br, t('d')));
    const normal = markdownNormalForm(section);
    expect(normal).toEqual(doc(p(t('a')), h(t('b')), p(t('c'), br, t('d'))));
    expect(throughMarkdown(section).back).toEqual(normal);
  });
});

describe('a Markdown paragraph read back', () => {
  it('is split around its images, text before and after kept as paragraphs', () => {
    expect(fromMarkdown('a ![i](i.png) b\n')).toEqual([p(t('a ')), img('i.png'), p(t(' b'))]);
  });

  it('drops the spaces and line breaks around an image, which carry no content', () => {
    expect(fromMarkdown('![a](a.png) ![b](b.png)\n')).toEqual([img('a.png'), img('b.png')]);
    expect(fromMarkdown('![a](a.png)\\\nb\\\n![c](c.png)\n')).toEqual([img('a.png'), p(t('b')), img('c.png')]);
  });

  it('keeps a paragraph of one encoded space, as the export writes it', () => {
    const section = doc(p(t(' ')));
    expect(toMarkdown(section)).toBe('&#x20;\n');
    expect(throughMarkdown(section).back).toEqual(section);
  });

  it('is left out when nothing in it is kept: an empty link, empty underline tags', () => {
    expect(fromMarkdown('[](https://x.io)\n\n<u></u>\n\nx\n')).toEqual([p(t('x'))]);
  });
});
