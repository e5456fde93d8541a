// Binds every command in the table that has a shortcut, on each section editor. Its priority
// is above StarterKit's, so where both bind a key (Mod-Alt-2…4 for H2–H4) the table wins.
import { Extension, type KeyboardShortcutCommand } from '@tiptap/core';
import { editorCommands } from './editor-commands';

export const CommandKeymap = Extension.create({
  name: 'commandKeymap',
  priority: 1000,
  addKeyboardShortcuts() {
    const bindings: Record<string, KeyboardShortcutCommand> = {};
    for (const command of editorCommands) {
      // A read-only study (newer file, read-only workspace) is never changed from the keyboard.
      if (command.shortcut) bindings[command.shortcut] = ({ editor }) => editor.isEditable && command.run(editor);
    }
    return bindings;
  },
});
