// A timeline entry in the editor: a list item holding a group named "Entry N" with a labelled
// time input, a kind select, the entry's editable text (NodeViewContent) and buttons to add,
// move and remove entries. Each field change is one undoable transaction (updateAttributes).
// Keys: Tab in the entry's text goes to its time field, Enter in the time field back to the
// text; Enter / Backspace in the text are the core node's (timeline-node.ts).
import { useCallback, useEffect, useState, useSyncExternalStore, type ChangeEvent, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { NodeViewContent, NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import {
  boundedTime,
  MAX_TIME_CHARS,
  timelineEntryAttrs,
  timelineKinds,
  type TimelineKind,
} from '../../../core/pure/rich-text/blocks/timeline-attrs';
import { TimelineEntry } from '../../../core/pure/rich-text/blocks/timeline-node';
import { placeOf, subscribePlaces } from './timeline-places';
import '../styles/timeline.css';

const kindOptions = new Map<TimelineKind, string>([
  ['', 'Event'],
  ['detection', 'Detection'],
  ['mitigation', 'Mitigation'],
  ['resolution', 'Resolution'],
]);

/** "n/count" of the entry, kept by its timeline's view (timeline-places.ts). */
function useEntryPlace(editor: Editor, node: PmNode, getPos: () => number | undefined): { n: number; count: number } {
  const place = useSyncExternalStore(
    useCallback((onChange: () => void) => subscribePlaces(editor, onChange), [editor]),
    () => placeOf(node) ?? placeByPosition(editor, getPos),
  );
  const [n, count] = place.split('/').map(Number) as [number, number];
  return { n, count };
}

/** The place read from the document, for an entry its timeline has not numbered (yet). */
function placeByPosition(editor: Editor, getPos: () => number | undefined): string {
  const pos = getPos();
  if (typeof pos !== 'number' || pos > editor.state.doc.content.size) return '1/1';
  const $pos = editor.state.doc.resolve(pos);
  return `${$pos.index() + 1}/${$pos.parent.childCount}`;
}

/**
 * Focuses the first enabled control matching `selectors` in the entry view at `pos`, once it is
 * drawn (a moved entry may be redrawn); the editor when there is none.
 */
function focusInEntry(editor: Editor, pos: number, ...selectors: string[]): void {
  requestAnimationFrame(() => {
    const dom = editor.view.nodeDOM(pos);
    const found = selectors
      .map((s) => (dom instanceof HTMLElement ? dom.querySelector<HTMLElement>(s) : null))
      .find((el) => el && !(el as HTMLButtonElement).disabled);
    if (found) found.focus();
    else editor.view.focus();
  });
}

function TimelineEntryView({ node, editor, getPos, updateAttributes }: ReactNodeViewProps) {
  const { kind } = timelineEntryAttrs(node.attrs);
  const stored = typeof node.attrs.time === 'string' ? node.attrs.time : '';
  // The input keeps what is typed (a trailing space while writing "Day 2"); undo and other
  // changes to the attribute come back through `stored`.
  const [time, setTime] = useState(stored);
  useEffect(() => setTime(stored), [stored]);
  const { n, count } = useEntryPlace(editor, node, getPos);
  const editable = editor.isEditable;

  const onTime = (event: ChangeEvent<HTMLInputElement>) => {
    const value = boundedTime(event.target.value);
    setTime(value);
    updateAttributes({ time: value });
  };
  const toText = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const pos = getPos();
    if (typeof pos !== 'number') return;
    // Synchronously (TipTap's focus command waits a frame): the next key typed is the text's.
    const { view } = editor;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos + node.nodeSize - 1)));
    view.focus();
  };
  const act = (run: (pos: number) => void) => () => {
    const pos = getPos();
    if (typeof pos === 'number') run(pos);
  };
  const move = (by: -1 | 1) =>
    act((pos) => {
      const $pos = editor.state.doc.resolve(pos);
      const neighbour = $pos.parent.maybeChild($pos.index() + by);
      if (!neighbour || !editor.commands.moveTimelineEntry(pos, by)) return;
      const moved = by < 0 ? pos - neighbour.nodeSize : pos + neighbour.nodeSize;
      const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
      focusInEntry(editor, moved, `[data-entry-action="${same}"]`, `[data-entry-action="${other}"]`);
    });
  const add = act((pos) => {
    if (editor.commands.addTimelineEntryAfter(pos)) focusInEntry(editor, pos + node.nodeSize, 'input');
  });
  const remove = act((pos) => {
    if (editor.commands.removeTimelineEntry(pos)) editor.view.focus();
  });

  return (
    <NodeViewWrapper className="timeline-entry-group" role="group" aria-label={`Entry ${n}`}>
      <div className="timeline-entry-fields" contentEditable={false}>
        <label className="timeline-entry-field">
          <span>Time</span>
          <input
            type="text"
            className="timeline-entry-time"
            value={time}
            maxLength={MAX_TIME_CHARS}
            placeholder="14:02"
            spellCheck={false}
            autoComplete="off"
            readOnly={!editable}
            onChange={onTime}
            onKeyDown={toText}
          />
        </label>
        <label className="timeline-entry-field">
          <span>Kind</span>
          <select
            className={`timeline-entry-kind${kind ? ` timeline-kind-${kind}` : ''}`}
            value={kind}
            disabled={!editable}
            onChange={(event) => updateAttributes({ kind: timelineEntryAttrs({ kind: event.target.value }).kind })}
          >
            {timelineKinds.map((k) => (
              <option key={k} value={k}>
                {kindOptions.get(k)}
              </option>
            ))}
          </select>
        </label>
        {editable && (
          <span className="timeline-entry-actions">
            <button type="button" aria-label={`Add entry after entry ${n}`} title="Add entry" onClick={add}>
              +
            </button>
            <button
              type="button"
              data-entry-action="up"
              aria-label={`Move entry ${n} up`}
              title="Move up"
              disabled={n === 1}
              onClick={move(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              data-entry-action="down"
              aria-label={`Move entry ${n} down`}
              title="Move down"
              disabled={n === count}
              onClick={move(1)}
            >
              ↓
            </button>
            <button type="button" aria-label={`Remove entry ${n}`} title="Remove entry" onClick={remove}>
              ×
            </button>
          </span>
        )}
      </div>
      <NodeViewContent className="timeline-entry-text" />
    </NodeViewWrapper>
  );
}

/** The entry with its editor view and the Tab key that reaches its fields. */
export const EditableTimelineEntry = TimelineEntry.extend({
  addNodeView() {
    return ReactNodeViewRenderer(TimelineEntryView, {
      as: 'li',
      className: 'timeline-entry-item',
      // The kind on the list item too, for the dot on the line (CSS).
      attrs: ({ node }) => ({ 'data-kind': timelineEntryAttrs(node.attrs).kind }),
    });
  },
  addKeyboardShortcuts() {
    return {
      ...this.parent?.(),
      Tab: () => {
        const { $from } = this.editor.state.selection;
        if ($from.parent.type.name !== 'timelineEntry') return false;
        const dom = this.editor.view.nodeDOM($from.before());
        const input = dom instanceof HTMLElement ? dom.querySelector('input') : null;
        input?.focus();
        return input !== null;
      },
    };
  },
});
