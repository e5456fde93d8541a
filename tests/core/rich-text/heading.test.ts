// Headings in Markdown and on the site: levels kept inside a section's range, a heading that
// reads like a structured block's heading escaped only where it would be taken for one, and a
// closing `#` sequence ignored when a block is recognised by its heading.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, throughMarkdown, toMarkdown } from '../../helpers/through-markdown';

type Mark = NonNullable<RichTextNode['marks']>[number];
const t = (text: string, marks?: Mark[]): RichTextNode => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const bold: Mark = { type: 'bold' };
const h = (level: number | undefined, ...content: RichTextNode[]): RichTextNode => ({
  type: 'heading',
  ...(level === undefined ? {} : { attrs: { level } }),
  ...(content.length ? { content } : {}),
});
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const entry = '\n\n- **14:02** x\n';
/** A level-3 heading comes after a level 2 (a skipped level is stepped up), so both are written. */
const under = (heading: RichTextNode) => doc(h(2, t('S')), heading);
const md3 = (heading: RichTextNode) => toMarkdown(under(heading)).replace('### S\n\n', '');

describe('a heading without a level (a hand-edited file)', () => {
  it('is an H2: <h2> on the site, ### in Markdown', () => {
    expect(richTextToHtml(doc(h(undefined, t('a'))))).toBe('<h2>a</h2>');
    expect(toMarkdown(doc(h(undefined, t('a'))))).toBe('### a\n');
  });
});

describe('a heading that reads like a structured block’s', () => {
  it('is escaped only at the level where it would start one', () => {
    expect(toMarkdown(doc(h(2, t('Decision: x'))))).toBe('### Decision\\: x\n');
    expect(md3(h(3, t('Decision: x')))).toBe('#### Decision: x\n');
    expect(md3(h(3, t('Timeline')))).toBe('#### &#x54;imeline\n');
    expect(toMarkdown(doc(h(2, t('Timeline'))))).toBe('### Timeline\n');
    expect(fromMarkdown('### S\n\n#### Decision: x\n')).toEqual([h(2, t('S')), h(3, t('Decision: x'))]);
  });

  it('is escaped after leading spaces, and when the name runs on into a mark', () => {
    for (const section of [
      doc(h(2, t(' Decision: x'))),
      under(h(3, t(' Timeline'))),
      under(h(3, t('Time'), t('line', [bold]))),
    ]) {
      const { markdown, back } = throughMarkdown(section);
      expect(markdown).toMatch(/\\:|&#x54;/);
      expect(
        back.content?.map((b) => b.type),
        markdown,
      ).toEqual(section.content?.map((b) => b.type));
    }
  });

  it('is left as written when a mark comes first: the `*` keeps it from being read as a block', () => {
    expect(toMarkdown(doc(h(2, t('Decision: x', [bold]))))).toBe('### **Decision: x**\n');
    expect(md3(h(3, t(' '), t('Timeline', [bold])))).toBe('#### &#x20;**Timeline**\n');
    for (const section of [doc(h(2, t('Decision: x', [bold]))), under(h(3, t(' '), t('Timeline', [bold])))]) {
      expect(throughMarkdown(section).back.content?.every((b) => b.type === 'heading')).toBe(true);
    }
  });

  it('may be empty', () => {
    expect(toMarkdown(doc(h(2)))).toBe('###\n');
  });
});

describe('a structured block’s heading read from Markdown', () => {
  it('is recognised with a closing sequence of #s, spaces after it included', () => {
    for (const md of [`#### Timeline ##${entry}`, `#### Timeline # ${entry}`, `#### Timeline${entry}`]) {
      expect(fromMarkdown(md)[0]?.type, md).toBe('timeline');
    }
    expect(fromMarkdown(`#### Timeline x ##${entry}`)[0]?.type).toBe('heading');
  });

  it('loses an image, with a warning naming the heading', () => {
    const warnings: string[] = [];
    expect(fromMarkdown('### a ![i](i.png)\n', warnings)).toEqual([h(2, t('a '))]);
    expect(warnings.join('\n')).toContain('a heading');
  });
});
