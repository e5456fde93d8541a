// Binds every command in the table that has a shortcut, on each section editor. Its priority
// is above StarterKit's, so where both bind a key the table wins.
import { Extension, type KeyboardShortcutCommand } from '@tiptap/core';
import { adoptDomSelection } from './dom-selection';
import { editorCommands } from './editor-commands';

export const CommandKeymap = Extension.create({
  name: 'commandKeymap',
  priority: 1000,
  addKeyboardShortcuts() {
    const bindings: Record<string, KeyboardShortcutCommand> = {};
    for (const command of editorCommands) {
      // A read-only study (newer file, read-only workspace) is never changed from the keyboard.
      // The DOM's selection first: a Shift+Arrow just before may not have reached the editor yet.
      if (command.shortcut)
        bindings[command.shortcut] = ({ editor }) => {
          if (!editor.isEditable) return false;
          adoptDomSelection(editor.view);
          return command.run(editor);
        };
    }
    return bindings;
  },
});
