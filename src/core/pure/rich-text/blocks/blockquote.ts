// A quotation: blocks inside `>`. A quote whose first line is a GFM alert (`> [!NOTE]`) is
// a callout instead (callout.ts reads those first).
import { blockReader, type BlockModule } from '../block-module';
import type { BlockContent } from 'mdast';
import type { RichTextNode } from '../../schemas/rich-text';

/** The editor requires a block in a quote, callout or cell: an empty one holds an empty paragraph. */
export const atLeastOneBlock = (content: RichTextNode[]): RichTextNode[] =>
  content.length > 0 ? content : [{ type: 'paragraph' }];

export const blockquote: BlockModule = {
  html: (_node, { inner }) => `<blockquote>${inner()}</blockquote>`,
  toMdast: (node, state) => [{ type: 'blockquote', children: state.blocks(node.content ?? []) as BlockContent[] }],
  fromMdast: [
    blockReader(
      'blockquote',
      (node, state) => [{ type: 'blockquote', content: atLeastOneBlock(state.blocks(node.children)) }],
      true,
    ),
  ],
  normalForm: { content: atLeastOneBlock },
  probe: [{ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quote' }] }] }],
};
