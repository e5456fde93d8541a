// The document itself, its text and hard line breaks: what every other block is made of.
// Text is written and read by the serializers' inline walks (marks nest around it there).
import type { BlockModule } from '../block-module';
import type { Mark } from '../block-module';
import type { RichTextNode } from '../../schemas/rich-text';
import { joinFollowingBlocks } from './decision-record';

export const doc: BlockModule = {
  html: (_node, { inner }) => inner(),
  // The editor requires a block in a document; an empty one holds an empty paragraph.
  normalForm: {
    content: (content) => (content.length > 0 ? joinFollowingBlocks(content) : [{ type: 'paragraph' }]),
  },
};

// The leaf every mark applies to: html.ts and doc-to-mdast.ts render it with its marks, and
// mdast-to-doc.ts reads Markdown text into it.
export const text: BlockModule = {};

/** A text node carrying `marks`, or nothing for empty text (the editor holds no empty text). */
export function textRun(value: string, marks: Mark[]): RichTextNode[] {
  if (value === '') return [];
  return [marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }];
}

export const hardBreak: BlockModule = {
  html: () => '<br>',
  // A heading or table cell must stay on one line, so a break there is `<br>`.
  toPhrasing: (_node, _state, where) => (where === 'flow' ? { type: 'break' } : { type: 'html', value: '<br>' }),
  fromPhrasing: [{ mdast: 'break', read: () => [{ type: 'hardBreak' }] }],
  probe: [
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'line' }, { type: 'hardBreak' }, { type: 'text', text: "'quoted'" }],
    },
  ],
};
