// A section's plain text (search, reading time, the checks): one line per text block, the text
// a block keeps in its attributes first, empty lines left out. Checked against the rule written
// out line by line, over drawn documents of every shape that rule distinguishes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attrText } from '../../../src/core/pure/rich-text/attr-text';
import { docToPlainText, type RichTextNode } from '../../../src/core/pure/schemas/rich-text';

/** The rule as a list of lines: what docToPlainText must give, however it builds it. */
function linesOf(node: RichTextNode): string[] {
  const held = [...attrText(node.type, node.attrs)];
  const children = node.content ?? [];
  const inline = (n: RichTextNode): string =>
    (n.content ?? []).map((c) => (c.type === 'hardBreak' ? '\n' : (c.text ?? inline(c)))).join('');
  if (children.some((c) => c.type === 'text' || c.type === 'hardBreak')) return [[...held, inline(node)].join(' ')];
  return [...held, ...children.flatMap(linesOf)];
}
const byRule = (doc: RichTextNode): string =>
  linesOf(doc)
    .filter((line) => line.length > 0)
    .join('\n');

const text = fc.constantFrom('', ' ', 'Kafka', 'lag', 'é', '\n');
const inline: fc.Arbitrary<RichTextNode> = fc.oneof(
  text.map((t) => ({ type: 'text', text: t })),
  fc.constant({ type: 'hardBreak' }),
  // An inline node holding inline content (a mention-like node): its text is read through.
  fc
    .array(text, { maxLength: 2 })
    .map((ts) => ({ type: 'inlineBox', content: ts.map((t) => ({ type: 'text', text: t })) })),
);
const { block } = fc.letrec<{ block: RichTextNode }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small' },
    fc.array(inline, { maxLength: 4 }).map((content) => ({ type: 'paragraph', content })),
    fc.constant({ type: 'paragraph' }),
    fc.constant({ type: 'horizontalRule' }),
    fc
      .tuple(fc.constantFrom('', '09:00', '  '), fc.array(inline, { maxLength: 3 }))
      .map(([time, content]) => ({ type: 'timelineEntry', attrs: { time }, content })),
    fc
      .tuple(
        fc.constantFrom('', 'Use Postgres'),
        fc.constantFrom('', 'Boring'),
        fc.array(tie('block'), { maxLength: 2 }),
      )
      .map(([title, description, content]) => ({
        type: 'decisionRecord',
        attrs: { title, options: [{ title: 'Postgres', description, points: [] }] },
        content,
      })),
    fc.array(tie('block'), { maxLength: 3 }).map((content) => ({ type: 'blockquote', content })),
  ),
}));
const doc = fc.array(block, { maxLength: 4 }).map((content): RichTextNode => ({ type: 'doc', content }));

describe('a section as plain text', () => {
  it('is its lines by the rule, over drawn documents', () => {
    fc.assert(
      fc.property(doc, (d) => {
        expect(docToPlainText(d)).toBe(byRule(d));
      }),
      { numRuns: 3_000, seed: 11 },
    );
  });

  it('puts each text block on its own line, breaks inside one as they are', () => {
    const section: RichTextNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'First' }, { type: 'hardBreak' }, { type: 'text', text: 'more' }],
        },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '' }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted' }] }] },
      ],
    };
    expect(docToPlainText(section)).toBe('First\nmore\nQuoted');
  });

  it('starts a block’s line with the text its attributes hold, separated by a space', () => {
    const entry: RichTextNode = {
      type: 'timelineEntry',
      attrs: { time: '09:00' },
      content: [{ type: 'text', text: 'Paged' }],
    };
    expect(docToPlainText({ type: 'doc', content: [entry] })).toBe('09:00 Paged');
    expect(docToPlainText({ type: 'doc', content: [{ ...entry, content: [{ type: 'text', text: '' }] }] })).toBe(
      '09:00 ',
    );
    const decision: RichTextNode = {
      type: 'decisionRecord',
      attrs: { title: 'Use Postgres', options: [] },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Context' }] }],
    };
    expect(docToPlainText({ type: 'doc', content: [decision] })).toBe('Decision: Use Postgres\nContext');
  });
});
