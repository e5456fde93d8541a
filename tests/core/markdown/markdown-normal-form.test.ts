// The rule a section is compared by after a trip through Markdown (markdownNormalForm): what
// Markdown cannot carry is dropped or reset, the rest is kept as the editor holds it.
import { describe, expect, it } from 'vitest';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';

const t = (text: string, marks?: RichTextNode['marks']): RichTextNode => ({
  type: 'text',
  text,
  ...(marks ? { marks } : {}),
});
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const para = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });

describe('a section after a trip through Markdown', () => {
  it('has no empty paragraphs, but keeps one where the document would otherwise be empty', () => {
    expect(markdownNormalForm(doc(para(t('a')), { type: 'paragraph' }, para(t('b'))))).toEqual(
      doc(para(t('a')), para(t('b'))),
    );
    expect(markdownNormalForm(doc({ type: 'paragraph' }))).toEqual(doc({ type: 'paragraph' }));
  });

  it('has no block ids, and keeps the other attributes', () => {
    const withIds = doc(
      { type: 'paragraph', attrs: { id: 'abc' }, content: [t('a')] },
      { type: 'heading', attrs: { level: 2, id: 'x' }, content: [t('h')] },
    );
    expect(markdownNormalForm(withIds)).toEqual(
      doc(para(t('a')), { type: 'heading', attrs: { level: 2 }, content: [t('h')] }),
    );
  });

  it('keeps a link’s target and title, and resets what Markdown cannot write', () => {
    const link = (attrs: Record<string, unknown>) => doc(para(t('a', [{ type: 'link', attrs }])));
    const normal = markdownNormalForm(link({ href: 'https://x.io', target: null, rel: 'me', class: 'c', title: 'T' }));
    expect(normal).toEqual(markdownNormalForm(link({ href: 'https://x.io', title: 'T' })));
    expect(normal.content?.[0]?.content?.[0]?.marks?.[0]?.attrs).toMatchObject({
      href: 'https://x.io',
      title: 'T',
      class: null,
    });
    expect(markdownNormalForm(link({ href: 'https://x.io', title: '' }))).toEqual(
      markdownNormalForm(link({ href: 'https://x.io', title: null })),
    );
  });

  it('keeps marks Markdown can write', () => {
    expect(markdownNormalForm(doc(para(t('a', [{ type: 'bold' }]))))).toEqual(doc(para(t('a', [{ type: 'bold' }]))));
  });
});
