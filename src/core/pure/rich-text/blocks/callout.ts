// The callout block: a note, tip or warning box holding ordinary blocks. Written to Markdown as
// a GFM alert (`> [!NOTE]` on the quote's first line) and to the site as <aside class="callout">.
// The kinds and their labels are declared here once; the editor node (callout-node.ts) and
// the editor's kind picker read them too.
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import { blockReader, type BlockModule } from '../block-module';
import { atLeastOneBlock } from './blockquote';

export const calloutKinds = ['note', 'tip', 'warning'] as const;
export type CalloutKind = (typeof calloutKinds)[number];

export const calloutLabels: Record<CalloutKind, string> = { note: 'Note', tip: 'Tip', warning: 'Warning' };

/** Any stored or pasted value becomes a known kind, so a hand-edited file cannot break rendering. */
export function calloutKind(value: unknown): CalloutKind {
  return calloutKinds.includes(value as CalloutKind) ? (value as CalloutKind) : 'note';
}

// GitHub's other two alerts, read as the nearest kind Casebook has.
const ALERT_ALIASES: Record<string, CalloutKind> = { important: 'note', caution: 'warning' };
const ALERT = new RegExp(`^\\[!(${[...calloutKinds, ...Object.keys(ALERT_ALIASES)].join('|')})\\][ \\t]*(\\n|$)`, 'i');

/** The callout's kind and the quote's blocks after the alert line, or null for a plain quote. */
function alertIn(children: RootContent[]): { kind: CalloutKind; rest: RootContent[] } | null {
  const first = children[0];
  if (first?.type !== 'paragraph') return null;
  const lead = first.children[0];
  // Stryker disable next-line OptionalChaining: a parsed paragraph always holds a child
  if (lead?.type !== 'text') return null;
  const match = ALERT.exec(lead.value);
  if (!match) return null;
  const name = match[1]!.toLowerCase();
  const text = lead.value.slice(match[0].length);
  const inline = [...(text ? [{ ...lead, value: text }] : []), ...first.children.slice(1)];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty paragraph is read as no block anyway
  const rest = inline.length > 0 ? [{ ...first, children: inline }, ...children.slice(1)] : children.slice(1);
  return { kind: ALERT_ALIASES[name] ?? calloutKind(name), rest };
}

export const callout: BlockModule = {
  // role="note" keeps the aside from being a landmark of its own inside the article.
  html: (node, { inner }) => {
    const kind = calloutKind(node.attrs?.kind);
    return `<aside class="callout callout-${kind}" role="note"><p class="callout-label">${calloutLabels[kind]}</p>${inner()}</aside>`;
  },
  toMdast: (node, state) => {
    const marker: PhrasingContent = { type: 'verbatim', value: `[!${calloutKind(node.attrs?.kind).toUpperCase()}]` };
    const blocks = state.blocks(node.content ?? []) as BlockContent[];
    const [first, ...rest] = blocks;
    const head: BlockContent[] =
      first?.type === 'paragraph'
        ? [{ type: 'paragraph', children: [marker, { type: 'verbatim', value: '\n' }, ...first.children] }, ...rest]
        : [{ type: 'paragraph', children: [marker] }, ...blocks];
    return [{ type: 'blockquote', children: head }];
  },
  fromMdast: [
    blockReader('blockquote', (node, state) => {
      const alert = alertIn(node.children);
      return alert
        ? [{ type: 'callout', attrs: { kind: alert.kind }, content: atLeastOneBlock(state.blocks(alert.rest)) }]
        : null;
    }),
  ],
  normalForm: { attrs: (attrs) => ({ kind: calloutKind(attrs.kind) }), content: atLeastOneBlock },
  probe: [
    {
      type: 'callout',
      attrs: { kind: 'warning' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'careful' }] }],
    },
  ],
};
