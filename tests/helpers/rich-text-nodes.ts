// Rich-text nodes for tests: text with marks, paragraphs, a section's document.
import type { RichTextDoc, RichTextNode } from '../../src/core/pure/schemas/rich-text';

export const t = (text: string, ...marks: string[]): RichTextNode =>
  marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text };
export const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
export const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
