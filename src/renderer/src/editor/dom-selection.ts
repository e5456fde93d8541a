// ProseMirror learns of a caret moved by the browser (Home, End, a click) from the
// `selectionchange` event, one task later. A key bound to a command can arrive before that
// task under load (input is scheduled ahead of it), and the command would act on the old
// caret: Home then Tab indented the end of the line; Shift+Arrow then Mod-K linked one letter
// short. Commands that depend on the caret's place adopt the DOM's selection first.
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Makes the editor's selection the DOM's when they differ and the DOM's lies in `parentType`
 * (any textblock when none is named; a node or cell selection is never replaced then).
 */
export function adoptDomSelection(view: EditorView, parentType?: string): void {
  const dom = (view.root as Document).getSelection?.();
  if (!dom?.anchorNode || !dom.focusNode) return;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return; // a node ProseMirror does not map (a widget): keep its own selection
  }
  const { doc, selection } = view.state;
  if (selection.anchor === anchor && selection.head === head) return;
  if (parentType === undefined && !(selection instanceof TextSelection)) return;
  const inside = (pos: number) => {
    if (pos < 0 || pos > doc.content.size) return false;
    const parent = doc.resolve(pos).parent;
    return parentType === undefined ? parent.inlineContent : parent.type.name === parentType;
  };
  if (!inside(anchor) || !inside(head)) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, anchor, head)));
}
