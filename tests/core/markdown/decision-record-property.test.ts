// Property: any decision record (with any text in its fields, Markdown's own characters
// included) goes through its Markdown form and back as markdownNormalForm says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionStatuses } from '../../../src/core/pure/rich-text/blocks/decision-attrs';
import { markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { throughMarkdown } from '../../helpers/through-markdown';

const RUNS = Number(process.env.MARKDOWN_PROPERTY_RUNS ?? 200);

// Words, Markdown's punctuation, spaces and a little beyond ASCII.
const piece = fc.constantFrom(
  ...'abc XYZ 12 . , : ; ( ) [ ] * _ ` # > - + | \\ ! < & " \' ~ = é 中 (chosen) Good: Bad: 1. - **'.split(' '),
  ' ',
  '  ',
);
const line = (max: number) => fc.array(piece, { maxLength: max }).map((parts) => parts.join(''));
const point = fc.record({ kind: fc.constantFrom('good' as const, 'bad' as const), text: line(6) });
const option = fc.record({
  title: line(5),
  description: line(6),
  points: fc.array(point, { maxLength: 3 }),
});
const metaKey = fc.constantFrom('Ticket', 'Cost', 'Reviewed by', 'Links', 'Scope #1');

const recordArb: fc.Arbitrary<RichTextNode> = fc
  .record({
    title: line(6),
    status: fc.constantFrom(...decisionStatuses),
    date: fc.constantFrom('', '2026-03-02', 'Q3 2025'),
    deciders: line(4),
    supersededBy: line(3),
    meta: fc.array(fc.record({ key: metaKey, value: line(4) }), { maxLength: 3 }),
    options: fc.array(option, { maxLength: 4 }),
    chosen: fc.option(fc.nat(4), { nil: null }),
    consequences: fc.array(point, { maxLength: 3 }),
    context: fc.array(line(8), { maxLength: 2 }),
  })
  .map(({ context, ...attrs }) => ({
    type: 'decisionRecord',
    attrs,
    content:
      context.length > 0
        ? context.map((text) =>
            text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' },
          )
        : [{ type: 'paragraph' }],
  }));

// Headings an author may well write whose text is a structured block's own heading.
const lookAlike = fc.oneof(
  line(4).map((text) => ({ level: 2, text: `Decision:${text}` })),
  fc.constantFrom('Timeline', 'Considered options', 'consequences').map((text) => ({ level: 3, text })),
);

// What may stand around a record in a section: a heading, a paragraph, another record.
const neighbour: fc.Arbitrary<RichTextNode> = fc.oneof(
  recordArb,
  line(5).map((text) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `H ${text}` }] })),
  lookAlike.map(({ level, text }) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] })),
  line(5).map((text) => ({ type: 'paragraph', content: [{ type: 'text', text: `p ${text}` }] })),
);

describe('decision record Markdown round trip', () => {
  it('gives back any record, and the blocks around it, as the normal form says', () => {
    fc.assert(
      fc.property(
        fc.array(neighbour, { maxLength: 2 }),
        recordArb,
        fc.array(neighbour, { maxLength: 2 }),
        (before, rec, after) => {
          const section: RichTextDoc = { type: 'doc', content: [...before, rec, ...after] };
          const { back, markdown } = throughMarkdown(section);
          expect(back, markdown).toEqual(markdownNormalForm(section));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
