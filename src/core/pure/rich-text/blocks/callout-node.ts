// The callout as an editor node: its schema and commands (setCallout, toggleCallout,
// setCalloutKind). Its Markdown and site forms are in callout.ts.
import { mergeAttributes, Node } from '@tiptap/core';
import { calloutKind, calloutLabels, type CalloutKind } from './callout';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    callout: {
      /** Wraps the selected blocks in a callout of `kind`. */
      setCallout: (kind?: CalloutKind) => ReturnType;
      /** Wraps in a callout, or lifts the blocks out of the callout they are in. */
      toggleCallout: (kind?: CalloutKind) => ReturnType;
      /** Changes the kind of the callout around the selection. */
      setCalloutKind: (kind: CalloutKind) => ReturnType;
    };
  }
}

export const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: 'block+',
  defining: true,

  addAttributes() {
    return {
      kind: {
        default: 'note',
        parseHTML: (element) => calloutKind(element.getAttribute('data-kind')),
        renderHTML: (attributes) => ({ 'data-kind': calloutKind(attributes.kind) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'aside[data-callout]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const kind = calloutKind(node.attrs.kind);
    return [
      'aside',
      mergeAttributes(HTMLAttributes, {
        'data-callout': '',
        class: `callout callout-${kind}`,
        role: 'note',
        'aria-label': calloutLabels[kind],
      }),
      0,
    ];
  },

  addCommands() {
    return {
      setCallout:
        (kind = 'note') =>
        ({ commands }) =>
          commands.wrapIn(this.name, { kind }),
      toggleCallout:
        (kind = 'note') =>
        ({ commands }) =>
          commands.toggleWrap(this.name, { kind }),
      setCalloutKind:
        (kind) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { kind }),
    };
  },
});
