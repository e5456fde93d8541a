// Task lists: GFM `- [ ]` / `- [x]` items. On the site the state is text for screen readers
// and a box drawn by CSS, so the list reads without JavaScript.
import { blockReader, type BlockModule } from '../block-module';
import type { RichTextNode } from '../../schemas/rich-text';
import { isTaskList, listItemBlocks, listItemsToMdast, startsWithParagraph } from './lists';

/** A task whose text is one plain space is how export writes an empty task (`- [ ] &#x20;`). */
function isEmptyTaskText(node: RichTextNode): boolean {
  const only = node.type === 'paragraph' && node.content?.length === 1 ? node.content[0]! : null;
  return only?.type === 'text' && only.text === ' ' && !only.marks?.length;
}

export const taskList: BlockModule = {
  html: (_node, { inner }) => `<ul class="task-list">${inner()}</ul>`,
  toMdast: (node, state) => [
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: listItemsToMdast(node, state, (item) => item.attrs?.checked === true),
    },
  ],
  fromMdast: [
    blockReader('list', (node, state) => {
      if (!isTaskList(node)) return null;
      const items = node.children.map((item): RichTextNode => {
        const content = listItemBlocks(item, state);
        if (isEmptyTaskText(content[0]!)) content[0] = { type: 'paragraph' };
        return { type: 'taskItem', attrs: { checked: item.checked === true }, content };
      });
      return [{ type: 'taskList', content: items }];
    }),
  ],
  probe: [
    {
      type: 'taskList',
      content: [
        {
          type: 'taskItem',
          attrs: { checked: true },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'done' }] }],
        },
      ],
    },
  ],
};

// Written and read by its task list.
export const taskItem: BlockModule = {
  html: (node, { inner }) => {
    const done = node.attrs?.checked === true;
    return `<li class="task${done ? ' task-done' : ''}"><span class="visually-hidden">${done ? 'Done: ' : 'To do: '}</span>${inner()}</li>`;
  },
  normalForm: {
    content: (content) =>
      startsWithParagraph(
        content[0] && isEmptyTaskText(content[0]) ? [{ type: 'paragraph' }, ...content.slice(1)] : content,
      ),
  },
};
