// The decision record node with its React card (DecisionRecordView.tsx) as the editor's view:
// the same name and schema as core's DecisionRecord, swapped in by editor-extensions.ts.
import { ReactNodeViewRenderer } from '@tiptap/react';
import { DecisionRecord } from '../../../../core/pure/rich-text/blocks/decision-record-node';
import { DecisionRecordView } from './DecisionRecordView';

export const DecisionRecordEditor = DecisionRecord.extend({
  addNodeView() {
    return ReactNodeViewRenderer(DecisionRecordView, { contentDOMElementTag: 'div' });
  },
});
