// The block handle's actions on the block holding the caret: move up and down past the
// neighbour (the caret goes with it), duplicate, delete (a section keeps one paragraph).
import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from '../../src/core/pure/rich-text/extensions';
import { deleteBlock, duplicateBlock, moveBlock } from '../../src/renderer/src/editor/block-moves';

const schema = getSchema(richTextExtensions());
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function stateWithCaretIn(texts: string[], which: number, offset = 2): EditorState {
  const doc = schema.nodeFromJSON({ type: 'doc', content: texts.map(para) });
  let pos = 0;
  for (let i = 0; i < which; i++) pos += doc.child(i).nodeSize;
  return EditorState.create({ doc, selection: TextSelection.create(doc, pos + 1 + offset) });
}

function run(state: EditorState, command: (s: EditorState, d?: (tr: Transaction) => void) => boolean) {
  let next = state;
  const ok = command(state, (tr) => (next = state.apply(tr)));
  return { ok, state: next, texts: [...Array(next.doc.childCount).keys()].map((i) => next.doc.child(i).textContent) };
}

const caretBlockText = (state: EditorState) => state.selection.$from.parent.textContent;

describe('block moves', () => {
  it('moves the caret block up and down, caret and all', () => {
    const up = run(stateWithCaretIn(['one', 'two', 'three'], 2), moveBlock(-1));
    expect(up.texts).toEqual(['one', 'three', 'two']);
    expect(caretBlockText(up.state)).toBe('three');
    expect(up.state.selection.$from.parentOffset).toBe(2);
    const down = run(stateWithCaretIn(['one', 'two', 'three'], 0), moveBlock(1));
    expect(down.texts).toEqual(['two', 'one', 'three']);
    expect(caretBlockText(down.state)).toBe('one');
  });

  it('does nothing past the first or last block', () => {
    expect(run(stateWithCaretIn(['one', 'two'], 0), moveBlock(-1)).ok).toBe(false);
    expect(run(stateWithCaretIn(['one', 'two'], 1), moveBlock(1)).ok).toBe(false);
  });

  it('duplicates the block below itself and puts the caret in the copy', () => {
    const copy = run(stateWithCaretIn(['one', 'two'], 0), duplicateBlock);
    expect(copy.texts).toEqual(['one', 'one', 'two']);
    expect(copy.state.selection.$from.index(0)).toBe(1);
  });

  it('deletes the block, and leaves an empty paragraph when it was the only one', () => {
    expect(run(stateWithCaretIn(['one', 'two'], 0), deleteBlock).texts).toEqual(['two']);
    const last = run(stateWithCaretIn(['only'], 0), deleteBlock);
    expect(last.texts).toEqual(['']);
    expect(last.state.doc.child(0).type.name).toBe('paragraph');
  });
});
