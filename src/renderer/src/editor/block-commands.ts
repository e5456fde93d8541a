// What the block handle's menu does, on keys too (the keyboard's way to move a block): entries
// of the command table (editor-commands.ts), bound on every section and listed with the others.
import type { Editor } from '@tiptap/core';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { deleteBlock, duplicateBlock, moveBlock } from './block-moves';
import type { EditorCommand } from './editor-commands';

type BlockCommand = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean;

const action = (id: string, label: string, shortcut: string, command: BlockCommand): EditorCommand => ({
  id,
  label,
  shortcut,
  keywords: [],
  inToolbar: false,
  inSlashMenu: false,
  inBubble: false,
  run: (e: Editor) => {
    const done = command(e.state, (tr) => e.view.dispatch(tr));
    if (done) e.commands.focus();
    return done;
  },
});

export const blockActions: readonly EditorCommand[] = [
  action('moveBlockUp', 'Move block up', 'Mod-Shift-ArrowUp', moveBlock(-1)),
  action('moveBlockDown', 'Move block down', 'Mod-Shift-ArrowDown', moveBlock(1)),
  action('duplicateBlock', 'Duplicate block', 'Mod-Shift-d', duplicateBlock),
  action('deleteBlock', 'Delete block', 'Mod-Shift-Backspace', deleteBlock),
];
