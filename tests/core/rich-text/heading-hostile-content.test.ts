// A hostile file may put a block inside a heading (the editor never does): the site and the
// Markdown export show its text, the decision record's title included, as the heading's text,
// never a <section> inside an <h3> (review of issue 12, defect 15).
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { toMarkdown } from '../../helpers/through-markdown';

const section: RichTextDoc = {
  type: 'doc',
  content: [
    {
      type: 'heading',
      attrs: { level: 2 },
      content: [
        { type: 'text', text: 'Why ' },
        {
          type: 'decisionRecord',
          attrs: { title: 'Use <Postgres>', options: [{ title: 'A' }] },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ctx' }] }],
        },
      ],
    },
  ],
};

describe('a decision record inside a heading', () => {
  it('renders on the site as the heading text, escaped, with no section inside the heading', () => {
    const html = richTextToHtml(section, { headingOffset: 1 });
    expect(html).toMatch(/^<h3>Why Decision: Use &lt;Postgres&gt; A ctx<\/h3>$/);
  });

  it('is written to Markdown as the heading text, title included, with a warning', () => {
    const warnings: string[] = [];
    const markdown = toMarkdown(section, warnings);
    expect(markdown.trim()).toBe('### Why Decision: Use \\<Postgres> A ctx');
    expect(warnings).toEqual(['A block inside a heading was written as its text.']);
  });
});
