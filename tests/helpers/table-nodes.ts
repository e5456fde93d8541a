// Rich-text table nodes for the table tests: text with marks, paragraphs, cells, rows, tables.
import type { RichTextNode } from '../../src/core/pure/schemas/rich-text';
import { p, t } from './rich-text-nodes';

export { p, t };
export const cell = (
  type: 'tableHeader' | 'tableCell',
  text: string,
  attrs?: Record<string, unknown>,
): RichTextNode => ({
  type,
  ...(attrs ? { attrs } : {}),
  content: [p(t(text))],
});
export const row = (...content: RichTextNode[]): RichTextNode => ({ type: 'tableRow', content });
export const table = (...rows: RichTextNode[]): RichTextNode => ({ type: 'table', content: rows });
