// The decision record block (issue 12, modelled on MADR 4): a title, a status, a date, the
// deciders, other metadata lines, the considered options with Good / Bad points, the chosen
// option and the consequences — all plain strings in the node's attrs (decision-attrs.ts,
// which also normalises hostile attrs) — and the context, which is rich text: the node's own
// content (paragraphs, lists, quotes, code; no headings, which would end the record in Markdown).
// Markdown both ways: decision-record-markdown.ts; site HTML: decision-record-html.ts; the
// editor node: decision-record-node.ts.
import { blockReader, type BlockModule } from '../block-module';
import type { RichTextNode } from '../../schemas/rich-text';
import { atLeastOneBlock } from './blockquote';
import { decisionAttrs, type DecisionRecordAttrs } from './decision-attrs';
import { decisionHtml } from './decision-record-html';
import { contextTypes, decisionToMdast, optionTitle, readDecision } from './decision-record-markdown';

const trimmed = (p: { kind: 'good' | 'bad'; text: string }) => ({ kind: p.kind, text: p.text.trim() });

/** What a record's attrs read back as from Markdown: strings trimmed, an empty option title named. */
export function decisionNormalAttrs(raw: unknown): DecisionRecordAttrs {
  const a = decisionAttrs(raw);
  return {
    ...a,
    title: a.title.trim(),
    date: a.date.trim(),
    deciders: a.deciders.trim(),
    supersededBy: a.supersededBy.trim(),
    meta: a.meta.map((m) => ({ key: m.key.trim(), value: m.value.trim() })),
    options: a.options.map((o, i) => ({
      title: optionTitle(o, i),
      description: o.description.trim(),
      points: o.points.map(trimmed),
    })),
    consequences: a.consequences.map(trimmed),
  };
}

const hasNoLists = (node: RichTextNode): boolean => {
  const a = decisionAttrs(node.attrs);
  return a.options.length === 0 && a.consequences.length === 0;
};

/**
 * In Markdown a record runs to the next heading, so the blocks that follow a record with
 * neither options nor consequences (up to a heading) read back as part of its context.
 * Part of the normal form of a section's top level (document.ts).
 */
export function joinFollowingBlocks(content: RichTextNode[]): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (const node of content) {
    const last = out[out.length - 1];
    if (last?.type === 'decisionRecord' && hasNoLists(last) && contextTypes.has(node.type)) {
      const own = (last.content ?? []).filter((c) => !(c.type === 'paragraph' && !c.content?.length));
      out[out.length - 1] = { ...last, content: [...own, node] };
    } else out.push(node);
  }
  return out;
}

export const decisionRecord: BlockModule = {
  html: decisionHtml,
  toMdast: decisionToMdast,
  // Before the plain heading reader (the catch-all).
  fromMdast: [blockReader('heading', readDecision)],
  normalForm: {
    attrs: (attrs) => decisionNormalAttrs(attrs),
    content: (content) => atLeastOneBlock(content.filter((c) => contextTypes.has(c.type))),
  },
  probe: [
    {
      type: 'decisionRecord',
      attrs: {
        title: 'Move to <ECS>',
        status: 'accepted',
        date: '2026-03-02',
        deciders: 'Platform team',
        meta: [{ key: 'Ticket', value: 'OPS-12' }],
        options: [
          { title: 'Stay', description: 'Keep the cluster', points: [{ kind: 'bad', text: 'on-call stays' }] },
          { title: 'Fargate', description: '', points: [{ kind: 'good', text: 'no control plane' }] },
        ],
        chosen: 1,
        consequences: [{ kind: 'good', text: 'fewer pages' }],
      },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'costly' }] }],
    },
  ],
};
