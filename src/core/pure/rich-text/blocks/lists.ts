// Bullet and numbered lists and their items. Task lists (task-list.ts) share the item rules:
// an editor list item starts with a paragraph, and a blank line separates an item's blocks.
import type { BlockContent, List, ListItem } from 'mdast';
import { blockReader, type BlockModule, type MdastReadState, type MdastWriteState } from '../block-module';
import { positiveInt } from '../html-escape';
import type { RichTextNode } from '../../schemas/rich-text';

/** Items of a list node as mdast; `checked` makes them GFM tasks. */
export function listItemsToMdast(
  node: RichTextNode,
  state: MdastWriteState,
  checked?: (item: RichTextNode) => boolean,
): ListItem[] {
  return (node.content ?? []).map((item) => {
    const children = item.content ?? [];
    const blocks = state.blocks(children) as BlockContent[];
    // `- [ ]` needs text after it to be a task; an empty task gets an encoded space, which
    // import reads back as empty (isEmptyTaskText).
    if (checked && blocks[0]?.type !== 'paragraph') {
      // Stryker disable next-line ArrayDeclaration: mdast-util-to-markdown also encodes the space after an empty box
      blocks.unshift({ type: 'paragraph', children: [{ type: 'verbatim', value: '&#x20;' }] });
    }
    return {
      type: 'listItem' as const,
      ...(checked ? { checked: checked(item) } : {}),
      // A blank line before nested blocks: without it an ordered list not starting at 1, or a
      // quote holding one, would read as paragraph text (it may not interrupt a paragraph).
      spread: children.length > 1,
      children: blocks,
    };
  });
}

/** An item's blocks as the editor holds them: starting with a paragraph. */
export function listItemBlocks(item: ListItem, state: MdastReadState): RichTextNode[] {
  return startsWithParagraph(state.blocks(item.children));
}

export function startsWithParagraph(content: RichTextNode[]): RichTextNode[] {
  return content[0]?.type === 'paragraph' ? content : [{ type: 'paragraph' }, ...content];
}

/** A list with `[ ]` / `[x]` items is a task list (GFM). */
export const isTaskList = (node: List): boolean =>
  !node.ordered && node.children.some((item) => typeof item.checked === 'boolean');

const unordered = (node: RichTextNode, state: MdastWriteState): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: listItemsToMdast(node, state),
});

export const bulletList: BlockModule = {
  html: (_node, { inner }) => `<ul>${inner()}</ul>`,
  toMdast: (node, state) => [unordered(node, state)],
  // The catch-all for lists: task and numbered lists are claimed first.
  fromMdast: [
    blockReader(
      'list',
      (node, state) => [
        {
          type: 'bulletList',
          content: node.children.map((item) => ({ type: 'listItem', content: listItemBlocks(item, state) })),
        },
      ],
      true,
    ),
  ],
  probe: [
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'item' }] }] }],
    },
  ],
};

// The start a Markdown list can carry (CommonMark: at most nine digits). Any other (a typed
// `1234567890.`, a hand-edited 2.5) would turn the list into a paragraph: it is written as 1.
const markdownStart = (value: unknown): number => {
  const n = Number(value ?? 1);
  // Stryker disable next-line ConditionalExpression: mdast-util-to-markdown writes a negative start as 1 itself
  return Number.isInteger(n) && n >= 0 && n <= 999_999_999 ? n : 1;
};

export const orderedList: BlockModule = {
  html: (node, { inner }) => {
    const start = positiveInt(node.attrs?.start);
    return `<ol${start && start !== 1 ? ` start="${start}"` : ''}>${inner()}</ol>`;
  },
  toMdast: (node, state) => [
    {
      type: 'list',
      ordered: true,
      start: markdownStart(node.attrs?.start),
      spread: false,
      children: listItemsToMdast(node, state),
    },
  ],
  fromMdast: [
    blockReader('list', (node, state) =>
      node.ordered
        ? [
            {
              type: 'orderedList',
              attrs: { start: node.start ?? 1 },
              content: node.children.map((item) => ({ type: 'listItem', content: listItemBlocks(item, state) })),
            },
          ]
        : null,
    ),
  ],
  // Markdown carries the start number only (not the list type).
  normalForm: { attrs: (attrs) => ({ start: attrs.start }) },
  probe: [
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'item' }] }] }],
    },
  ],
};

// Written and read by its list.
export const listItem: BlockModule = {
  html: (_node, { inner }) => `<li>${inner()}</li>`,
  normalForm: { content: startsWithParagraph },
};
