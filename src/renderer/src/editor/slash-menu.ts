// The "/" slash menu: typing "/" at the start of a word opens a list of blocks to insert,
// filtered by what follows ("/tab" → Table). TipTap's Suggestion plugin finds the "/query";
// this module keeps the menu's state in a tiny store that <SlashMenu> renders, so nothing
// re-renders while the author types ordinary text.
import { Extension, type Editor, type Range } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion from '@tiptap/suggestion';
import { matchSlashCommands, type EditorCommand } from '../commands/editor-commands';

export interface SlashMenuState {
  items: EditorCommand[];
  selected: number;
  rect: DOMRect | null;
  choose: (item: EditorCommand) => void;
}

let state: SlashMenuState | null = null;
const listeners = new Set<() => void>();

function setState(next: SlashMenuState | null): void {
  state = next;
  for (const listener of listeners) listener();
}

export function slashMenuState(): SlashMenuState | null {
  return state;
}

export function subscribeSlashMenu(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function selectSlashItem(index: number): void {
  if (state) setState({ ...state, selected: index });
}

function move(delta: number): void {
  if (!state || state.items.length === 0) return;
  const n = state.items.length;
  setState({ ...state, selected: (state.selected + delta + n) % n });
}

export const SlashMenu = Extension.create({
  name: 'slashMenu',

  addProseMirrorPlugins() {
    return [
      Suggestion<EditorCommand, EditorCommand>({
        editor: this.editor,
        pluginKey: new PluginKey('slashMenu'),
        char: '/',
        items: ({ query }) => matchSlashCommands(query),
        command: ({ editor, range, props }: { editor: Editor; range: Range; props: EditorCommand }) => {
          editor.chain().focus().deleteRange(range).run();
          props.run(editor);
        },
        render: () => ({
          onStart: (props) =>
            setState({ items: props.items, selected: 0, rect: props.clientRect?.() ?? null, choose: props.command }),
          onUpdate: (props) =>
            setState({ items: props.items, selected: 0, rect: props.clientRect?.() ?? null, choose: props.command }),
          onExit: () => setState(null),
          onKeyDown: ({ event }) => {
            if (!state) return false;
            if (event.key === 'ArrowDown') move(1);
            else if (event.key === 'ArrowUp') move(-1);
            else if (event.key === 'Enter' || event.key === 'Tab') {
              const item = state.items[state.selected];
              if (!item) return false;
              state.choose(item);
            } else if (event.key === 'Escape') setState(null);
            else return false;
            return true;
          },
        }),
      }),
    ];
  },
});
