// The timeline as editor nodes: a `timeline` holding `timelineEntry` textblocks (a time and a
// kind in attrs, the entry's text as inline content), its insert command, the entry commands
// the editor view's buttons call, and the keys: Enter splits an entry (at its end: a new entry),
// Enter in an empty last entry leaves the timeline, Backspace in an empty entry removes it.
// Its Markdown and site forms are in timeline.ts; the editor's entry view is in the renderer.
import { mergeAttributes, Node, type Editor } from '@tiptap/core';
import { Fragment, type Node as PmNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { boundedTime, timelineEntryAttrs, type TimelineKind } from './timeline-attrs';
import { TIMELINE_TITLE } from './timeline';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    timeline: {
      /** Inserts a timeline with one empty entry and puts the cursor in it. */
      insertTimeline: () => ReturnType;
      /** Adds an empty entry after the entry at `pos` and puts the cursor in it. */
      addTimelineEntryAfter: (pos: number) => ReturnType;
      /** Removes the entry at `pos` (the whole timeline if it is the only one). */
      removeTimelineEntry: (pos: number) => ReturnType;
      /** Swaps the entry at `pos` with the one before (-1) or after (1) it. */
      moveTimelineEntry: (pos: number, by: -1 | 1) => ReturnType;
    };
  }
}

const emptyEntry = (state: EditorState): PmNode => state.schema.nodes.timelineEntry!.create({ time: '', kind: '' });

/** The entry at `pos` and its timeline, or null when `pos` is not before an entry. */
function entryAt(doc: PmNode, pos: number): { entry: PmNode; index: number; parent: PmNode; parentPos: number } | null {
  if (pos < 0 || pos > doc.content.size) return null;
  const $pos = doc.resolve(pos);
  const entry = $pos.nodeAfter;
  if (entry?.type.name !== 'timelineEntry' || $pos.parent.type.name !== 'timeline') return null;
  return { entry, index: $pos.index(), parent: $pos.parent, parentPos: $pos.before() };
}

/** Removes the entry at `pos` and puts the cursor at the end of the one before (or the start of the next). */
function removeEntry(state: EditorState, tr: Transaction, pos: number): boolean {
  const at = entryAt(tr.doc, pos);
  if (!at) return false;
  if (at.parent.childCount === 1) {
    const paragraph = state.schema.nodes.paragraph!.create();
    tr.replaceWith(at.parentPos, at.parentPos + at.parent.nodeSize, paragraph);
    tr.setSelection(TextSelection.create(tr.doc, at.parentPos + 1));
    return true;
  }
  tr.delete(pos, pos + at.entry.nodeSize);
  const cursor = at.index > 0 ? pos - 1 : pos + 1;
  tr.setSelection(TextSelection.near(tr.doc.resolve(cursor), at.index > 0 ? -1 : 1));
  return true;
}

/** Enter inside an entry. */
function enter(editor: Editor): boolean {
  const { state } = editor;
  const { $from, $to, empty } = state.selection;
  if ($from.parent.type.name !== 'timelineEntry' || !$from.sameParent($to)) return false;
  const entryPos = $from.before();
  const timeline = $from.node(-1);
  const last = $from.index(-1) === timeline.childCount - 1;
  return editor.commands.command(({ tr, dispatch }) => {
    if (!dispatch) return true;
    if (empty && $from.parent.content.size === 0 && last && timeline.childCount > 1) {
      // Enter in an empty last entry leaves the timeline, as in a list.
      const after = $from.after(-1) - $from.parent.nodeSize;
      tr.delete(entryPos, entryPos + $from.parent.nodeSize);
      tr.insert(after, state.schema.nodes.paragraph!.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1));
      return true;
    }
    if (!empty) tr.deleteSelection();
    tr.split(tr.mapping.map($from.pos), 1, [
      { type: state.schema.nodes.timelineEntry!, attrs: { time: '', kind: '' } },
    ]);
    tr.scrollIntoView();
    return true;
  });
}

/** Backspace in an empty entry removes it. */
function backspace(editor: Editor): boolean {
  const { $from, empty } = editor.state.selection;
  if (!empty || $from.parent.type.name !== 'timelineEntry' || $from.parent.content.size > 0) return false;
  return editor.commands.command(({ tr, state, dispatch }) =>
    dispatch ? removeEntry(state, tr, $from.before()) : true,
  );
}

export const Timeline = Node.create({
  name: 'timeline',
  group: 'block',
  content: 'timelineEntry+',
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: 'div[data-timeline]', contentElement: 'ol' }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'div',
      mergeAttributes(HTMLAttributes, { 'data-timeline': '', class: 'timeline-block' }),
      ['p', { class: 'timeline-block-title', contenteditable: 'false' }, TIMELINE_TITLE],
      ['ol', { class: 'timeline-block-entries', 'aria-label': TIMELINE_TITLE }, 0],
    ];
  },

  addCommands() {
    return {
      insertTimeline:
        () =>
        ({ commands }) =>
          // Replaces the empty paragraph the cursor is in; the cursor ends inside the entry.
          commands.insertContent({
            type: this.name,
            content: [{ type: 'timelineEntry', attrs: { time: '', kind: '' } }],
          }),
      addTimelineEntryAfter:
        (pos) =>
        ({ tr, state, dispatch }) => {
          const at = entryAt(tr.doc, pos);
          if (!at) return false;
          if (dispatch) {
            const after = pos + at.entry.nodeSize;
            tr.insert(after, emptyEntry(state));
            tr.setSelection(TextSelection.create(tr.doc, after + 1));
          }
          return true;
        },
      removeTimelineEntry:
        (pos) =>
        ({ tr, state, dispatch }) =>
          entryAt(tr.doc, pos) !== null && (!dispatch || removeEntry(state, tr, pos)),
      moveTimelineEntry:
        (pos, by) =>
        ({ tr, dispatch }) => {
          const at = entryAt(tr.doc, pos);
          const other = at ? at.index + by : -1;
          if (!at || other < 0 || other >= at.parent.childCount) return false;
          if (dispatch) {
            const neighbour = at.parent.child(other);
            const from = by < 0 ? pos - neighbour.nodeSize : pos;
            const pair = by < 0 ? [at.entry, neighbour] : [neighbour, at.entry];
            tr.replaceWith(from, from + at.entry.nodeSize + neighbour.nodeSize, Fragment.from(pair));
          }
          return true;
        },
    };
  },
});

export const TimelineEntry = Node.create({
  name: 'timelineEntry',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      time: {
        default: '',
        parseHTML: (element) => boundedTime(element.getAttribute('data-time') ?? ''),
        renderHTML: (attributes) => ({ 'data-time': timelineEntryAttrs(attributes).time }),
      },
      kind: {
        default: '' satisfies TimelineKind,
        parseHTML: (element) => timelineEntryAttrs({ kind: element.getAttribute('data-kind') }).kind,
        renderHTML: (attributes) => ({ 'data-kind': timelineEntryAttrs(attributes).kind }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'li[data-timeline-entry]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['li', mergeAttributes(HTMLAttributes, { 'data-timeline-entry': '' }), 0];
  },

  addKeyboardShortcuts() {
    return { Enter: () => enter(this.editor), Backspace: () => backspace(this.editor) };
  },
});
