// Where each timeline entry stands ("entry 2 of 5"), for the names of its view's group and
// buttons. Kept by each timeline's node view when that timeline changes — an entry added,
// moved, removed or edited — and never when text elsewhere changes, so typing in the rest of
// the study costs the entry views nothing (a listener per entry on every transaction did).
import type { Editor, NodeViewRenderer } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Timeline } from '../../../core/pure/rich-text/blocks/timeline-node';
import { TIMELINE_TITLE } from '../../../core/pure/rich-text/blocks/timeline';

/** "n/count" by entry node (ProseMirror nodes are immutable: a changed entry is a new key). */
const places = new WeakMap<PmNode, string>();
const listeners = new WeakMap<Editor, Set<() => void>>();

function number(editor: Editor, timeline: PmNode): void {
  timeline.forEach((entry, _offset, index) => places.set(entry, `${index + 1}/${timeline.childCount}`));
  for (const listener of listeners.get(editor) ?? []) listener();
}

/** Subscribes to renumbering in `editor`'s timelines. */
export function subscribePlaces(editor: Editor, listener: () => void): () => void {
  let set = listeners.get(editor);
  if (!set) listeners.set(editor, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}

export function placeOf(entry: PmNode): string | undefined {
  return places.get(entry);
}

/** The timeline's editor view: the schema's own DOM, numbering its entries as it changes. */
const timelineView: NodeViewRenderer = ({ node, editor, HTMLAttributes }) => {
  const dom = document.createElement('div');
  for (const [name, value] of Object.entries(HTMLAttributes)) dom.setAttribute(name, String(value));
  dom.setAttribute('data-timeline', '');
  dom.className = 'timeline-block';
  const title = document.createElement('p');
  title.className = 'timeline-block-title';
  title.contentEditable = 'false';
  title.textContent = TIMELINE_TITLE;
  const list = document.createElement('ol');
  list.className = 'timeline-block-entries';
  list.setAttribute('aria-label', TIMELINE_TITLE);
  dom.append(title, list);
  // Before its entries are drawn (ProseMirror updates a node view before its children).
  number(editor, node);
  return {
    dom,
    contentDOM: list,
    update: (next) => {
      if (next.type !== node.type) return false;
      if (next !== node) number(editor, next);
      node = next;
      return true;
    },
  };
};

export const EditableTimeline = Timeline.extend({
  addNodeView() {
    return timelineView;
  },
});
