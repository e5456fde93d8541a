// The paragraph: plain text with marks. Markdown has no empty paragraph, so an empty one is
// layout and is not written; a break at its end means nothing in Markdown and is dropped.
import { blockReader, type BlockModule } from '../block-module';
import type { RichTextNode } from '../../schemas/rich-text';

export const paragraph: BlockModule = {
  html: (_node, { inner }) => {
    const html = inner();
    return html ? `<p>${html}</p>` : '';
  },
  toMdast: (node, state) => {
    const content = state.inline(node, 'flow');
    return content.length === 0 ? [] : [{ type: 'paragraph', children: content }];
  },
  // The catch-all: a table reader first claims paragraphs that are only pipe rows.
  fromMdast: [blockReader('paragraph', (node, state) => paragraphToBlocks(state.phrasing(node.children, [])), true)],
  normalForm: { content: withoutTrailingBreaks },
  probe: [{ type: 'paragraph', content: [{ type: 'text', text: 'plain' }] }],
};

export function withoutTrailingBreaks(content: RichTextNode[]): RichTextNode[] {
  let end = content.length;
  while (end > 0 && content[end - 1]!.type === 'hardBreak') end--;
  return content.slice(0, end);
}

/** A paragraph of `content`, which is never empty here. */
const para = (content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });

// The editor's images are blocks; Markdown's sit inside paragraphs. Split around them.
function paragraphToBlocks(inline: RichTextNode[]): RichTextNode[] {
  if (!inline.some((n) => n.type === 'image')) return inline.length > 0 ? [para(inline)] : [];
  const out: RichTextNode[] = [];
  let run: RichTextNode[] = [];
  const flush = () => {
    // Soft line breaks and spaces next to an image carry no content.
    while (run[0]?.type === 'hardBreak') run.shift();
    while (run.length && run[run.length - 1]!.type === 'hardBreak') run.pop();
    if (run.some((n) => n.type !== 'text' || (n.text ?? '').trim() !== '')) out.push(para(run));
    run = [];
  };
  for (const node of inline) {
    if (node.type === 'image') {
      flush();
      out.push(node);
    } else run.push(node);
  }
  flush();
  return out;
}
