// Keeps the selection visible while focus is elsewhere (typing a link address in the link
// popover): the browser stops painting an unfocused editor's selection, so a decoration marks
// the same range until the popover closes.
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const key = new PluginKey<DecorationSet>('keptSelection');

export const KeptSelection = Extension.create({
  name: 'keptSelection',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const meta = tr.getMeta(key) as 'show' | 'hide' | undefined;
            if (meta === 'hide') return DecorationSet.empty;
            if (meta === 'show') {
              const { from, to } = tr.selection;
              if (from === to) return DecorationSet.empty;
              return DecorationSet.create(tr.doc, [Decoration.inline(from, to, { class: 'kept-selection' })]);
            }
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

/** Marks (or stops marking) the editor's current selection. */
export function keepSelectionVisible(editor: Editor, on: boolean): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(key, on ? 'show' : 'hide').setMeta('addToHistory', false));
}
