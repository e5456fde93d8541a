// The decision record node with its React card (DecisionRecordView.tsx) as the editor's view:
// the same name and schema as core's DecisionRecord, swapped in by editor-extensions.ts.
import { Selection } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { DecisionRecord } from '../../../../core/pure/rich-text/blocks/decision-record-node';
import { DecisionRecordView } from './DecisionRecordView';

export const DecisionRecordEditor = DecisionRecord.extend({
  addNodeView() {
    return ReactNodeViewRenderer(DecisionRecordView, { contentDOMElementTag: 'div' });
  },

  addKeyboardShortcuts() {
    return {
      ...this.parent?.(),
      // Escape in the record's context leaves the record, as it does from its fields.
      Escape: ({ editor }) => {
        const { $from } = editor.state.selection;
        for (let depth = $from.depth; depth > 0; depth--) {
          if ($from.node(depth).type.name !== this.name) continue;
          const after = $from.after(depth);
          const { tr } = editor.state;
          editor.view.dispatch(tr.setSelection(Selection.near(tr.doc.resolve(after), 1)).scrollIntoView());
          return true;
        }
        return false;
      },
    };
  },
});
