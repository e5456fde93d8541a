// The decision record as an editor node: its schema and the insert command. The record's
// fields live in attrs (normalised by decision-attrs.ts wherever they are read); its context
// is the node's content. The editor swaps in a React view with the same name and schema
// (renderer/src/editor/decision-record-view.tsx). Markdown and site: decision-record.ts.
import { mergeAttributes, Node } from '@tiptap/core';
import { decisionAttrs, emptyDecision, type DecisionRecordAttrs } from './decision-attrs';
import { contextTypes } from './decision-record-markdown';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    decisionRecord: {
      /** Inserts an empty decision record (two empty options) where the selection is. */
      insertDecisionRecord: () => ReturnType;
    };
  }
}

const fields: (keyof DecisionRecordAttrs)[] = [
  'title',
  'status',
  'date',
  'deciders',
  'supersededBy',
  'meta',
  'options',
  'chosen',
  'consequences',
];

export const DecisionRecord = Node.create({
  name: 'decisionRecord',
  group: 'block',
  content: `(${[...contextTypes].join(' | ')})+`,
  defining: true,
  isolating: true,

  addAttributes() {
    const empty = decisionAttrs({});
    // Written and read as one JSON attribute on the element (copy and paste), not one each.
    return Object.fromEntries(fields.map((key) => [key, { default: empty[key], rendered: false }]));
  },

  parseHTML() {
    return [
      {
        tag: 'section[data-decision-record]',
        getAttrs: (element) => {
          try {
            return decisionAttrs(JSON.parse(element.getAttribute('data-decision-record') ?? '{}'));
          } catch {
            return decisionAttrs({});
          }
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = decisionAttrs(node.attrs);
    return [
      'section',
      mergeAttributes(HTMLAttributes, {
        'data-decision-record': JSON.stringify(a),
        class: 'decision-record',
        'aria-label': a.title ? `Decision: ${a.title}` : 'Decision',
      }),
      0,
    ];
  },

  addCommands() {
    return {
      insertDecisionRecord:
        () =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: emptyDecision(), content: [{ type: 'paragraph' }] }),
    };
  },
});
