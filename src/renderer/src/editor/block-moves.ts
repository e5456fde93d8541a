// What the block handle's menu and its keys do to the top-level block holding the selection:
// move it up or down past its neighbour, duplicate it, delete it. Plain ProseMirror commands
// (state, dispatch), so they run the same from the menu, the keyboard and the unit tests.
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection, Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { BLOCK_ID_ATTR } from '../../../core/pure/rich-text/block-ids';

type Dispatch = ((tr: Transaction) => void) | undefined;

interface Block {
  index: number;
  node: PMNode;
  start: number;
  end: number;
}

/** The top-level block the selection starts in (or the one a block selection selects). */
export function selectedBlock(state: EditorState): Block | null {
  const { doc, selection } = state;
  const index = selection.$from.index(0);
  if (index >= doc.childCount) return null;
  let start = 0;
  for (let i = 0; i < index; i++) start += doc.child(i).nodeSize;
  const node = doc.child(index);
  return { index, node, start, end: start + node.nodeSize };
}

/** The selection moved by `delta`, or a caret at the block's start when it reached outside it. */
function shifted(state: EditorState, tr: Transaction, block: Block, delta: number): Selection {
  const sel = state.selection;
  const inside = sel.from >= block.start && sel.to <= block.end;
  if (sel instanceof NodeSelection && inside) return NodeSelection.create(tr.doc, sel.from + delta);
  if (sel instanceof TextSelection && inside) return TextSelection.create(tr.doc, sel.anchor + delta, sel.head + delta);
  return Selection.near(tr.doc.resolve(Math.min(block.start + delta + 1, tr.doc.content.size)));
}

export function moveBlock(direction: -1 | 1) {
  return (state: EditorState, dispatch?: Dispatch): boolean => {
    const block = selectedBlock(state);
    if (!block) return false;
    const neighbour = block.index + direction;
    if (neighbour < 0 || neighbour >= state.doc.childCount) return false;
    if (!dispatch) return true;
    const other = state.doc.child(neighbour);
    const delta = direction * other.nodeSize;
    const tr = state.tr.delete(block.start, block.end);
    tr.insert(block.start + (direction < 0 ? -other.nodeSize : other.nodeSize), block.node);
    dispatch(tr.setSelection(shifted(state, tr, block, delta)).scrollIntoView());
    return true;
  };
}

export function duplicateBlock(state: EditorState, dispatch?: Dispatch): boolean {
  const block = selectedBlock(state);
  if (!block) return false;
  if (!dispatch) return true;
  // The copy is a block of its own: without the original's id, UniqueID gives it a new one.
  const copy = block.node.type.create(
    { ...block.node.attrs, [BLOCK_ID_ATTR]: null },
    block.node.content,
    block.node.marks,
  );
  const tr = state.tr.insert(block.end, copy);
  dispatch(tr.setSelection(shifted(state, tr, block, block.node.nodeSize)).scrollIntoView());
  return true;
}

export function deleteBlock(state: EditorState, dispatch?: Dispatch): boolean {
  const block = selectedBlock(state);
  if (!block) return false;
  if (!dispatch) return true;
  const { doc, schema } = state;
  // The last block gives way to an empty paragraph: a section is never without one.
  const tr =
    doc.childCount === 1
      ? state.tr.replaceWith(block.start, block.end, Fragment.from(schema.nodes.paragraph!.create()))
      : state.tr.delete(block.start, block.end);
  const at = Math.min(block.start, tr.doc.content.size);
  dispatch(tr.setSelection(Selection.near(tr.doc.resolve(at))).scrollIntoView());
  return true;
}

/** Puts the selection in (or on) the block at `start`, so a command acts on that block. */
export function selectBlockAt(state: EditorState, start: number): Transaction {
  const node = state.doc.nodeAt(start);
  const selection =
    node && node.isTextblock
      ? TextSelection.create(state.doc, start + 1)
      : node && NodeSelection.isSelectable(node)
        ? NodeSelection.create(state.doc, start)
        : Selection.near(state.doc.resolve(start + 1));
  return state.tr.setSelection(selection);
}
