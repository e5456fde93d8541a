// Bold, italic, strikethrough, underline and inline code. Markdown has no underline, so it is
// written as `<u>…</u>` (markdown-syntax.ts) and read back from those tags (mdast-to-doc.ts).
// Inline code is the text itself in Markdown (it excludes every other mark in the editor).
import type { MarkModule } from '../block-module';
import { phrasingReader } from '../block-module';
import { textRun } from '../blocks/document';

const wrapped =
  (open: string, close: string): MarkModule['html'] =>
  () => [open, close];

export const bold: MarkModule = {
  html: wrapped('<strong>', '</strong>'),
  toMdast: (_mark, children) => ({ type: 'strong', children }),
  fromPhrasing: [
    phrasingReader('strong', (node, marks, state) => state.phrasing(node.children, [...marks, { type: 'bold' }])),
  ],
  probe: [{ type: 'text', text: 'b', marks: [{ type: 'bold' }] }],
};

export const italic: MarkModule = {
  html: wrapped('<em>', '</em>'),
  toMdast: (_mark, children) => ({ type: 'emphasis', children }),
  fromPhrasing: [
    phrasingReader('emphasis', (node, marks, state) => state.phrasing(node.children, [...marks, { type: 'italic' }])),
  ],
  probe: [{ type: 'text', text: 'i', marks: [{ type: 'italic' }] }],
};

export const strike: MarkModule = {
  html: wrapped('<s>', '</s>'),
  toMdast: (_mark, children) => ({ type: 'delete', children }),
  fromPhrasing: [
    phrasingReader('delete', (node, marks, state) => state.phrasing(node.children, [...marks, { type: 'strike' }])),
  ],
  probe: [{ type: 'text', text: 's', marks: [{ type: 'strike' }] }],
};

export const underline: MarkModule = {
  html: wrapped('<u>', '</u>'),
  toMdast: (_mark, children) => ({ type: 'underline', children }),
  probe: [{ type: 'text', text: 'u', marks: [{ type: 'underline' }] }],
};

export const code: MarkModule = {
  html: wrapped('<code>', '</code>'),
  toMdast: () => null,
  fromPhrasing: [phrasingReader('inlineCode', (node) => textRun(node.value, [{ type: 'code' }]))],
  probe: [{ type: 'text', text: 'c', marks: [{ type: 'code' }] }],
};
