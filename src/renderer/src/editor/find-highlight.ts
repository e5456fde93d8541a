// Find & replace inside one section editor: a search over the document's text blocks and a
// small plugin that paints the matches as decorations (the current one stronger). Replacing
// is an ordinary transaction, so undo in that section takes it back.
import { Extension, type Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface FindOptions {
  query: string;
  matchCase: boolean;
  wholeWord: boolean;
}

export interface Match {
  from: number;
  to: number;
}

interface HighlightState {
  decorations: DecorationSet;
}

const findKey = new PluginKey<HighlightState>('findHighlight');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function findPattern({ query, matchCase, wholeWord }: FindOptions): RegExp | null {
  if (!query) return null;
  const body = escapeRegExp(query);
  // "Whole word": not preceded or followed by a letter, digit or underscore, in any script.
  const source = wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(source, matchCase ? 'gu' : 'giu');
}

/** Every match in `doc`, in document order. Matches never span two blocks. */
export function findMatches(doc: PmNode, options: FindOptions): Match[] {
  const pattern = findPattern(options);
  if (!pattern) return [];
  const matches: Match[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Text of the block with the document position of each character's start.
    let text = '';
    const starts: number[] = [];
    node.forEach((child, offset) => {
      if (child.isText) {
        for (let i = 0; i < child.text!.length; i++) starts.push(pos + 1 + offset + i);
        text += child.text;
      } else {
        starts.push(pos + 1 + offset);
        text += '\ufffc'; // an inline non-text node (image, hard break) breaks a match
      }
    });
    for (const m of text.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      const end = m.index + m[0].length - 1;
      matches.push({ from: starts[m.index]!, to: starts[end]! + 1 });
    }
    return false;
  });
  return matches;
}

/** Paints `matches` in `editor`, `current` (an index into matches, or -1) stronger. */
export function showMatches(editor: Editor, matches: Match[], current: number): void {
  const decorations = DecorationSet.create(
    editor.state.doc,
    matches.map((m, i) =>
      Decoration.inline(m.from, m.to, { class: i === current ? 'find-match find-match-current' : 'find-match' }),
    ),
  );
  editor.view.dispatch(editor.state.tr.setMeta(findKey, { decorations }).setMeta('addToHistory', false));
}

export function clearMatches(editor: Editor): void {
  if (editor.isDestroyed) return;
  const current = findKey.getState(editor.state);
  if (current && current.decorations !== DecorationSet.empty) showMatches(editor, [], -1);
}

export const FindHighlight = Extension.create({
  name: 'findHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: findKey,
        state: {
          init: () => ({ decorations: DecorationSet.empty }),
          apply(tr, value) {
            const next = tr.getMeta(findKey) as HighlightState | undefined;
            if (next) return next;
            // Typing while the panel is open moves the marks with the text (cheap when empty).
            return tr.docChanged ? { decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
          },
        },
        props: {
          decorations: (state: EditorState) => findKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
