// The decision record in the editor: a card with the record's fields as labelled controls, its
// context as editable rich text (NodeViewContent), each considered option a named group with
// its points and a "Chosen" toggle, and the consequences. Everything works by keyboard: each
// add / remove / move is a button naming its item, and focus follows the item it moved. Every
// change is one transaction on this node's attrs (undoable); only this card re-renders.
import { closeHistory } from '@tiptap/pm/history';
import { Selection } from '@tiptap/pm/state';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { memo, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import {
  decisionAttrs,
  decisionStatuses,
  decisionStatusLabels,
  LIMITS,
  type DecisionRecordAttrs,
} from '../../../../core/pure/rich-text/blocks/decision-attrs';
import { DecisionOptions } from './DecisionOptions';
import { DecisionPoints } from './DecisionPoints';
import { TextField } from './decision-fields';
import { takeDecisionTitleFocus } from './decision-focus';
import '../../styles/decision-record.css';

function DecisionRecordCard({ node, editor, getPos }: ReactNodeViewProps) {
  const a = useMemo(() => decisionAttrs(node.attrs), [node.attrs]);
  const root = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const id = useId();
  // One transaction per change. Typing in one field is one undo step (the history groups it);
  // moving to another field, or any button, starts a new one, so Undo takes back one edit of
  // the record rather than the record's insertion along with everything typed into it.
  const lastField = useRef<string | null>(null);
  // A read-only study (e.g. a workspace from a newer Casebook) shows the card but refuses changes.
  const readOnly = !editor.isEditable;
  const set = (patch: Partial<DecisionRecordAttrs>) => {
    if (!editor.isEditable) return;
    const active = document.activeElement as HTMLElement | null;
    const field = active && /^(INPUT|SELECT)$/.test(active.tagName) ? (active.dataset.focusKey ?? null) : null;
    const newStep = field === null || field !== lastField.current;
    lastField.current = field;
    const pos = getPos();
    if (typeof pos !== 'number') return;
    editor.commands.command(({ tr }) => {
      const current = tr.doc.nodeAt(pos);
      if (current?.type.name !== 'decisionRecord') return false;
      tr.setNodeMarkup(pos, undefined, { ...current.attrs, ...patch });
      if (newStep) closeHistory(tr);
      return true;
    });
  };

  const card = () => root.current?.closest('.decision-card') ?? null;
  useEffect(() => {
    if (takeDecisionTitleFocus()) {
      card()?.querySelector<HTMLElement>('[data-focus-key="title"]')?.focus();
    }
  }, []);
  // After an add, remove or move has re-rendered the card, focus what it named (in the
  // effect after that render, or in the next frame if the render came first).
  const applyFocus = () => {
    const key = pendingFocus.current;
    const target = key ? card()?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  };
  useEffect(applyFocus);
  const focus = (key: string) => {
    pendingFocus.current = key;
    requestAnimationFrame(applyFocus);
  };

  // Removing the record would leave focus on a button that is gone: put the caret where the
  // record stood (the start of what follows it, or the end of what came before) instead.
  const removeRecord = () => {
    const pos = getPos();
    if (!editor.isEditable || typeof pos !== 'number') return;
    editor.commands.command(({ tr }) => {
      const node = tr.doc.nodeAt(pos);
      if (node?.type.name !== 'decisionRecord') return false;
      tr.delete(pos, pos + node.nodeSize);
      tr.setSelection(Selection.near(tr.doc.resolve(Math.min(pos, tr.doc.content.size))));
      return true;
    });
    editor.view.focus();
  };

  const editContext = () => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    // Focus at once (TipTap's focus command waits a frame, and keys typed meanwhile would be lost).
    editor.commands.setTextSelection(pos + 2);
    editor.view.focus();
  };

  // Escape from any field leaves the record: the caret goes to the text after it, so the
  // author writes on without tabbing through every field (the editor keeps a paragraph there).
  const leaveRecord = () => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    editor.commands.command(({ tr }) => {
      const node = tr.doc.nodeAt(pos);
      if (node?.type.name !== 'decisionRecord') return false;
      tr.setSelection(Selection.near(tr.doc.resolve(pos + node.nodeSize), 1));
      return true;
    });
    editor.view.focus();
  };

  // Undo and redo from inside a field: ProseMirror's keymap does not see keys typed in inputs.
  const historyKeys = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      leaveRecord();
      return;
    }
    if (!(e.ctrlKey || e.metaKey) || e.altKey || !editor.isEditable) return;
    const key = e.key.toLowerCase();
    const redo = (key === 'z' && e.shiftKey) || key === 'y';
    if (key !== 'z' && !redo) return;
    e.preventDefault();
    if (redo) editor.commands.redo();
    else editor.commands.undo();
  };

  return (
    <NodeViewWrapper
      as="section"
      className={`decision-card decision-card-${a.status}`}
      aria-label={a.title ? `Decision record: ${a.title}` : 'Decision record'}
    >
      <div ref={root} contentEditable={false} className="decision-card-fields" onKeyDown={historyKeys}>
        <div className="decision-card-top">
          <span className="decision-card-kind" aria-hidden="true">
            Decision
          </span>
          <span className={`decision-card-status decision-card-status-${a.status}`} aria-hidden="true">
            {decisionStatusLabels[a.status]}
          </span>
        </div>
        <TextField
          label="Decision title"
          value={a.title}
          focusKey="title"
          maxLength={LIMITS.line}
          placeholder="What was decided?"
          className="decision-title-field"
          readOnly={readOnly}
          onChange={(title) => set({ title })}
        />
        <div className="decision-card-meta">
          <label className="decision-field">
            {/* Not just "Status": the study's own Status field is on the same screen. */}
            <span className="decision-field-label">Decision status</span>
            <select
              value={a.status}
              data-focus-key="status"
              disabled={readOnly}
              onChange={(e) => set({ status: decisionAttrs({ status: e.target.value }).status })}
            >
              {decisionStatuses.map((s) => (
                <option key={s} value={s}>
                  {decisionStatusLabels[s]}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label="Date"
            value={a.date}
            focusKey="date"
            maxLength={LIMITS.short}
            readOnly={readOnly}
            placeholder="2026-03-02"
            onChange={(date) => set({ date })}
          />
          <TextField
            label="Deciders"
            value={a.deciders}
            focusKey="deciders"
            maxLength={LIMITS.line}
            readOnly={readOnly}
            onChange={(deciders) => set({ deciders })}
          />
          {(a.status === 'superseded' || a.supersededBy) && (
            <TextField
              label="Superseded by"
              value={a.supersededBy}
              focusKey="supersededBy"
              maxLength={LIMITS.line}
              readOnly={readOnly}
              onChange={(supersededBy) => set({ supersededBy })}
            />
          )}
          {a.meta.map((m, i) => (
            <TextField
              key={i}
              label={m.key}
              value={m.value}
              focusKey={`meta${i}`}
              maxLength={LIMITS.line}
              readOnly={readOnly}
              onChange={(value) => set({ meta: a.meta.map((x, k) => (k === i ? { ...x, value } : x)) })}
            />
          ))}
        </div>
        <div className="decision-context-head">
          <span className="decision-field-label" id={`${id}-context`}>
            Context
          </span>
          <button type="button" className="decision-add" disabled={readOnly} onClick={editContext}>
            Write the context
          </button>
        </div>
      </div>
      <NodeViewContent className="decision-context" role="group" aria-labelledby={`${id}-context`} />
      <div contentEditable={false} className="decision-card-fields" onKeyDown={historyKeys}>
        <DecisionOptions a={a} set={set} focus={focus} readOnly={readOnly} />
        <fieldset className="decision-group">
          <legend className="decision-group-title">Consequences</legend>
          <DecisionPoints
            points={a.consequences}
            noun="consequence"
            owner=""
            keyPrefix="c"
            focus={focus}
            readOnly={readOnly}
            onChange={(consequences) => set({ consequences: consequences.slice(0, LIMITS.points) })}
          />
        </fieldset>
        <button type="button" className="decision-remove-record" disabled={readOnly} onClick={removeRecord}>
          Remove decision record
        </button>
      </div>
    </NodeViewWrapper>
  );
}

export const DecisionRecordView = memo(DecisionRecordCard);
