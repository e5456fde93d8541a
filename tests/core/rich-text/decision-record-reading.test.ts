// The decision record beyond its golden pair: hand-written Markdown in every shape the reader
// takes (and the warnings it gives), fields cut to their bounds, and hostile attrs.
import { describe, expect, it } from 'vitest';
import { decisionAttrs, LIMITS } from '../../../src/core/pure/rich-text/blocks/decision-attrs';
import { docToPlainText, type RichTextDoc, type RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown } from '../../helpers/through-markdown';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const para = (text: string): RichTextNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const record = (attrs: Record<string, unknown>, content: RichTextNode[]): RichTextNode => ({
  type: 'decisionRecord',
  attrs,
  content,
});
/** The first block read from `md`, and the warnings reading it gave. */
function read(md: string): { block: RichTextNode | undefined; blocks: RichTextNode[]; warnings: string[] } {
  const warnings: string[] = [];
  const blocks = fromMarkdown(md, warnings);
  return { block: blocks[0], blocks, warnings };
}
const CUT = "Text longer than a decision record's field holds was cut.";

describe('a hand-written decision record read from Markdown', () => {
  it('takes every metadata line, options without bold titles and points in any case', () => {
    const { block, warnings } = read(
      [
        '### Decision: T',
        '',
        '- Status: Accepted',
        '- status: rejected',
        '- Date: 2026',
        '- Deciders: A',
        '- Superseded by: ADR-2',
        '- Ticket: X',
        '',
        'ctx',
        '',
        '#### Considered options',
        '',
        '1. Plain title (chosen)',
        '   desc line',
        '   - good: g',
        '   - plain point',
        '2. **B** (chosen) tail desc',
        '   more',
        '   > quote',
        '3. **C**',
        '',
        '#### Consequences',
        '',
        '- BAD : c',
        '',
      ].join('\n'),
    );
    expect(block).toEqual(
      record(
        {
          title: 'T',
          status: 'accepted',
          date: '2026',
          deciders: 'A',
          supersededBy: 'ADR-2',
          meta: [{ key: 'Ticket', value: 'X' }],
          options: [
            {
              title: 'Plain title',
              description: 'desc line',
              points: [
                { kind: 'good', text: 'g' },
                { kind: 'good', text: 'plain point' },
              ],
            },
            { title: 'B', description: '(chosen) tail desc more', points: [] },
            { title: 'C', description: '', points: [] },
          ],
          chosen: 0,
          consequences: [{ kind: 'bad', text: 'c' }],
        },
        [para('ctx')],
      ),
    );
    expect(warnings).toEqual([
      'A decision record names its status twice; the first was kept.',
      'A decision point without "Good:" or "Bad:" was read as a good point: "plain point".',
      'A block inside a considered option that is not a list of points was dropped.',
    ]);
  });

  it('keeps the first of two chosen options, and reads a mark only where the writer puts it', () => {
    const two = read('### Decision: T\n\n#### Considered options\n\n1. **A** (chosen)\n2. **B** (CHOSEN)\n   desc\n');
    expect(decisionAttrs(two.block!.attrs)).toMatchObject({
      chosen: 0,
      options: [{ title: 'A' }, { title: 'B', description: 'desc' }],
    });
    expect(two.warnings).toEqual(['A decision marks more than one option "(chosen)"; option 1 was kept.']);
    const below = read('### Decision: T\n\n#### Considered options\n\n1. **A**\n   (chosen)\n');
    expect(decisionAttrs(below.block!.attrs)).toMatchObject({
      chosen: null,
      options: [{ title: 'A', description: '(chosen)' }],
    });
  });

  it('reads an item of only points as an untitled option, and markup in a title or description as its text', () => {
    const { block, warnings } = read(
      '### Decision: T\n\n#### Considered options\n\n1. - Good: loose\n2. **_B_** desc *em*\n',
    );
    expect(decisionAttrs(block!.attrs).options).toEqual([
      { title: '', description: '', points: [{ kind: 'good', text: 'loose' }] },
      { title: 'B', description: 'desc em', points: [] },
    ]);
    expect(warnings).toEqual([
      "Formatting in a decision record's option description was dropped; its text was kept.",
      "Formatting in a decision record's option title was dropped; its text was kept.",
    ]);
  });

  it('reads a list that is not all `Key: value` lines, or a numbered one, as context, not metadata', () => {
    for (const md of [
      '### Decision: T\n\n- Status: accepted\n- no colon\n',
      '### Decision: T\n\n1. Status: accepted\n',
    ]) {
      const { block } = read(md);
      expect(decisionAttrs(block!.attrs).status, md).toBe('proposed');
      expect(docToPlainText(doc(block!)), md).toContain('Status: accepted');
    }
  });

  it('ends the record at a part heading without its list, keeping the heading and what follows', () => {
    const options = read('### Decision: T\n\n- Status: accepted\n\n#### Considered options\n\nno list\n');
    expect(options.blocks.map((b) => b.type)).toEqual(['decisionRecord', 'heading', 'paragraph']);
    expect(decisionAttrs(options.block!.attrs).options).toEqual([]);
    const numbered = read('### Decision: T\n\n#### Consequences\n\n1. x\n');
    expect(numbered.blocks.map((b) => b.type)).toEqual(['decisionRecord', 'heading', 'orderedList']);
    const shallower = read('### Decision: T\n\n> quote\n\n# Heading\n\ntext\n');
    expect(shallower.blocks.map((b) => b.type)).toEqual(['decisionRecord', 'heading', 'paragraph']);
  });

  it('reads a MADR "superseded by" status, a later "Superseded by" line winning', () => {
    const { block, warnings } = read('### Decision: T\n\n- Status: superseded by X\n- Superseded by: Y\n');
    expect(decisionAttrs(block!.attrs)).toMatchObject({ status: 'superseded', supersededBy: 'Y' });
    expect(warnings).toEqual([]);
  });

  it('cuts each field at its bound, and says so only past it', () => {
    const cases: [string, (a: ReturnType<typeof decisionAttrs>) => number, number][] = [
      [`### Decision: ${'t'.repeat(501)}\n`, (a) => a.title.length, LIMITS.line],
      [`### Decision: T\n\n- Date: ${'d'.repeat(61)}\n`, (a) => a.date.length, LIMITS.short],
      [`### Decision: T\n\n- Deciders: ${'d'.repeat(501)}\n`, (a) => a.deciders.length, LIMITS.line],
      [`### Decision: T\n\n- Superseded by: ${'d'.repeat(501)}\n`, (a) => a.supersededBy.length, LIMITS.line],
      [`### Decision: T\n\n- Ticket: ${'x'.repeat(501)}\n`, (a) => a.meta[0]!.value.length, LIMITS.line],
      [
        `### Decision: T\n\n#### Considered options\n\n1. **${'o'.repeat(501)}**\n`,
        (a) => a.options[0]!.title.length,
        LIMITS.line,
      ],
      [
        `### Decision: T\n\n#### Considered options\n\n1. **A**\n   ${'x'.repeat(2001)}\n`,
        (a) => a.options[0]!.description.length,
        LIMITS.text,
      ],
      [
        `### Decision: T\n\n#### Considered options\n\n1. **A**\n   - Bad: ${'p'.repeat(501)}\n`,
        (a) => a.options[0]!.points[0]!.text.length,
        LIMITS.line,
      ],
      [
        `### Decision: T\n\n#### Consequences\n\n- Bad: ${'x'.repeat(501)}\n`,
        (a) => a.consequences[0]!.text.length,
        LIMITS.line,
      ],
    ];
    for (const [md, length, bound] of cases) {
      const { block, warnings } = read(md);
      expect(length(decisionAttrs(block!.attrs)), md.slice(0, 60)).toBe(bound);
      expect(warnings, md.slice(0, 60)).toEqual([CUT]);
    }
    const atBound = read(
      `### Decision: ${'t'.repeat(500)}\n\n- Date: ${'d'.repeat(60)}\n\n#### Considered options\n\n1. **A**\n   ${'x'.repeat(2000)}\n`,
    );
    expect(atBound.warnings).toEqual([]);
    expect(decisionAttrs(atBound.block!.attrs).options[0]!.description).toHaveLength(LIMITS.text);
  });
});

describe('decision record attrs from a hostile file', () => {
  it('makes every string one line and keeps only extra metadata with a real key', () => {
    const a = decisionAttrs({
      title: 'a\r\nb\rc\nd',
      meta: [
        { key: ' ', value: 'x' },
        { key: 'a:b', value: 'y' },
        { key: ' Superseded By ', value: 'z' },
        { key: 'Ok', value: 'w' },
      ],
      consequences: [{ kind: 'bad', text: 'c' }, { kind: 'BAD', text: 'd' }, 7],
    });
    expect(a.title).toBe('a b c d');
    expect(a.meta).toEqual([{ key: 'Ok', value: 'w' }]);
    expect(a.consequences).toEqual([
      { kind: 'bad', text: 'c' },
      { kind: 'good', text: 'd' },
      { kind: 'good', text: '' },
    ]);
  });

  it('keeps a chosen index only when it names one of the options', () => {
    const chosen = (value: unknown) => decisionAttrs({ options: [{}, {}], chosen: value }).chosen;
    expect([0, 1, 2, -1, 1.5, '1', null].map(chosen)).toEqual([0, 1, null, null, null, null, null]);
  });

  it('reads a status in any case and spacing, anything else as proposed', () => {
    expect(decisionAttrs({ status: '  ACCEPTED ' }).status).toBe('accepted');
    expect(decisionAttrs({ status: 3 }).status).toBe('proposed');
    expect(decisionAttrs(['x']).title).toBe('');
  });
});
