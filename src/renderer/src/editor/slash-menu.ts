// The "/" slash menu: typing "/" at the start of a word opens a list of blocks to insert,
// filtered by what follows ("/tab" → Table). TipTap's Suggestion plugin finds the "/query";
// this module keeps the menu's state in a tiny store that <SlashMenu> renders, so nothing
// re-renders while the author types ordinary text.
import { Extension, type Editor, type Range } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion, { type SuggestionProps } from '@tiptap/suggestion';
import { slashCommands, type EditorCommand } from './editor-commands';

/** Slash-menu matches for what was typed after "/": label words first, then keywords. */
export function matchSlashCommands(query: string): EditorCommand[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...slashCommands];
  const starts = (text: string) =>
    text
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(q));
  const byLabel = slashCommands.filter((c) => c.label.toLowerCase().startsWith(q) || starts(c.label));
  const byKeyword = slashCommands.filter((c) => !byLabel.includes(c) && c.keywords.some((k) => starts(k)));
  return [...byLabel, ...byKeyword];
}

export interface SlashMenuState {
  /** The editable element the menu belongs to (it points screen readers at the chosen option). */
  dom: HTMLElement;
  items: EditorCommand[];
  selected: number;
  /** Where the "/" query is now (measured again whenever the popup is placed). */
  rect: () => DOMRect | null;
  choose: (item: EditorCommand) => void;
}

export const SLASH_MENU_ID = 'slash-menu-list';
export const slashOptionId = (item: EditorCommand): string => `slash-${item.id}`;

let state: SlashMenuState | null = null;
const listeners = new Set<() => void>();

function setState(next: SlashMenuState | null): void {
  // The editor keeps focus while the menu is open; aria-activedescendant tells assistive
  // technology which option Enter would insert.
  const dom = next?.dom ?? state?.dom;
  const chosen = next?.items[next.selected];
  if (dom && chosen) {
    dom.setAttribute('aria-controls', SLASH_MENU_ID);
    dom.setAttribute('aria-activedescendant', slashOptionId(chosen));
  } else if (dom) {
    dom.removeAttribute('aria-controls');
    dom.removeAttribute('aria-activedescendant');
  }
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

function menuFor(props: SuggestionProps<EditorCommand, EditorCommand>): SlashMenuState {
  return {
    dom: props.editor.view.dom,
    items: props.items,
    selected: 0,
    rect: () => props.clientRect?.() ?? null,
    choose: props.command,
  };
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
          onStart: (props) => setState(menuFor(props)),
          onUpdate: (props) => setState(menuFor(props)),
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
