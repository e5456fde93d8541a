// Headings inside a section map onto the page one level below the section's h2 and never skip
// a level, in the site, the preview and the Markdown export, whatever levels the file holds.
import { describe, expect, it } from 'vitest';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { docToMdast } from '../../../src/core/pure/markdown/doc-to-mdast';
import { steppedHeadings } from '../../../src/core/pure/rich-text/heading-steps';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';

const heading = (level: number, text: string): RichTextNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content }) as RichTextDoc;

const siteTags = (d: RichTextDoc) => [...richTextToHtml(d, { headingOffset: 1 }).matchAll(/<(h\d)>/g)].map((m) => m[1]);
const markdownDepths = (d: RichTextDoc) =>
  docToMdast(d, { imageSrc: (s) => s, warn: () => {} }).flatMap((b) => (b.type === 'heading' ? [b.depth] : []));

describe('heading levels in the exports', () => {
  it('map the editor levels 1:1 onto h3, h4 and h5 under the section h2', () => {
    const d = doc(heading(2, 'a'), heading(3, 'b'), heading(4, 'c'));
    expect(siteTags(d)).toEqual(['h3', 'h4', 'h5']);
    expect(markdownDepths(d)).toEqual([3, 4, 5]);
  });

  it('lower a heading that would skip a level, on the site and in Markdown', () => {
    const d = doc(heading(4, 'first'), heading(2, 'back up'), heading(4, 'jump'), heading(3, 'then'));
    expect(siteTags(d)).toEqual(['h3', 'h3', 'h4', 'h4']);
    expect(markdownDepths(d)).toEqual([3, 3, 4, 4]);
  });

  it('count a decision record or timeline as the h3 it renders', () => {
    const record: RichTextNode = { type: 'decisionRecord', attrs: { title: 'Use Postgres' } };
    const html = richTextToHtml(doc(record, heading(4, 'after')), { headingOffset: 1 });
    expect(html).toContain('<h4>after</h4>');
  });

  it('read a hand-edited level out of range (1, 9) as the site and Markdown both do, skipping none', () => {
    const d = doc(heading(2, 'a'), heading(3, 'b'), heading(9, 'nine'), heading(1, 'one'));
    expect(siteTags(d)).toEqual(['h3', 'h4', 'h5', 'h3']);
    expect(markdownDepths(d)).toEqual([3, 4, 5, 3]);
  });

  it('leave the stored document as it was', () => {
    const d = doc(heading(4, 'deep'));
    richTextToHtml(d, { headingOffset: 1 });
    expect(d.content?.[0]?.attrs?.level).toBe(4);
  });
});

describe('stepping the headings of a section', () => {
  it('reads a heading without a level as the top one', () => {
    const bare: RichTextNode = { type: 'heading', content: [{ type: 'text', text: 'bare' }] };
    expect(siteTags(doc(bare, heading(4, 'next')))).toEqual(['h3', 'h4']);
    expect(steppedHeadings(doc(bare)).content?.[0]?.attrs?.level).toBe(2);
  });

  it('hands back the very document when no heading skips, so an export of many studies copies none', () => {
    const d = doc(heading(2, 'a'), { type: 'blockquote', content: [heading(3, 'b')] }, heading(3, 'c'));
    expect(steppedHeadings(d)).toBe(d);
    const skipping = doc({ type: 'paragraph', content: [{ type: 'text', text: 'p' }] }, heading(4, 'x'));
    const stepped = steppedHeadings(skipping);
    expect(stepped).not.toBe(skipping);
    expect(stepped.content?.[0]).toBe(skipping.content?.[0]);
    expect(stepped.content?.[1]?.attrs?.level).toBe(2);
  });
});
