// Hand-written decision records at the edges of the reader's shape: metadata lines that are
// and are not `Key: value`, points and options written loosely, parts at the end of the file,
// lists over their bound, and the Markdown the writer makes of padded fields.
import { describe, expect, it } from 'vitest';
import { decisionAttrs, type DecisionRecordAttrs } from '../../../src/core/pure/rich-text/blocks/decision-attrs';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { fromMarkdown, toMarkdown } from '../../helpers/through-markdown';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
function read(md: string): { types: string[]; a: DecisionRecordAttrs; warnings: string[] } {
  const warnings: string[] = [];
  const blocks = fromMarkdown(md, warnings);
  const record = blocks.find((b) => b.type === 'decisionRecord');
  return { types: blocks.map((b) => b.type), a: decisionAttrs(record?.attrs), warnings };
}
const points = (n: number, indent = '') => Array.from({ length: n }, (_, i) => `${indent}- Good: p${i}`).join('\n');

describe('metadata lines', () => {
  it('reads `Key: value` with or without space after the colon, space before it trimmed, markup as text', () => {
    const { a, warnings } = read(
      '### Decision: T\n\n- Status:accepted\n- Deciders: *Ana*\n- Ticket  : v\n- Cost:x y\n- Superseded by: ADR-2\n',
    );
    expect(a).toMatchObject({
      status: 'accepted',
      deciders: 'Ana',
      supersededBy: 'ADR-2',
      meta: [
        { key: 'Ticket', value: 'v' },
        { key: 'Cost', value: 'x y' },
      ],
    });
    expect(warnings).toEqual(["Formatting in a decision record's metadata was dropped; its text was kept."]);
  });

  it('takes a list as context when an item holds more than its line or a key is longer than 60', () => {
    for (const md of [
      '### Decision: T\n\n- Status: accepted\n  - nested\n',
      `### Decision: T\n\n- Status: accepted\n- ${'k'.repeat(61)}: v\n`,
    ]) {
      const { types, a, warnings } = read(md);
      expect(types, md).toEqual(['decisionRecord']);
      expect(a.status, md).toBe('proposed');
      expect(a.meta, md).toEqual([]);
      expect(warnings, md).toEqual([]);
    }
    const long = read(`### Decision: T\n\n- ${'k'.repeat(60)}: v\n`);
    expect(long.a.meta).toEqual([{ key: 'k'.repeat(60), value: 'v' }]);
    expect(long.warnings).toEqual([]);
  });

  it('reads "superseded by" only at the start of a status, however many spaces follow', () => {
    expect(read('### Decision: T\n\n- Status: superseded by  ADR-5\n').a).toMatchObject({
      status: 'superseded',
      supersededBy: 'ADR-5',
    });
    const not = read('### Decision: T\n\n- Status: not superseded by X\n');
    expect(not.a).toMatchObject({ status: 'proposed', supersededBy: '' });
    expect(not.warnings).toEqual(['The decision status "not superseded by X" is unknown; it reads as proposed.']);
  });

  it('keeps an image in the title as its alt text, naming where it was', () => {
    const { a, warnings } = read('### Decision: Use ![logo](x.png) now\n');
    expect(a.title).toBe('Use logo now');
    expect(warnings).toEqual([
      `The image "logo" ("x.png") in a decision record's title was left out and its alt text kept: images stand on their own line.`,
    ]);
  });
});

describe('points and options written loosely', () => {
  it('reads a point in a quote, with markup, or without a space after the colon; "Not good:" is no label', () => {
    const { a, warnings } = read(
      '### Decision: T\n\n#### Consequences\n\n- > Bad: quoted\n- Good: *fast*\n- Not good: x\n- Good:x\n',
    );
    expect(a.consequences).toEqual([
      { kind: 'bad', text: 'quoted' },
      { kind: 'good', text: 'fast' },
      { kind: 'good', text: 'Not good: x' },
      { kind: 'good', text: 'x' },
    ]);
    expect(warnings).toEqual([
      "Formatting in a decision record's points was dropped; its text was kept.",
      'A decision point without "Good:" or "Bad:" was read as a good point: "Not good: x".',
    ]);
  });

  it('reads "(chosen)" only as a mark of its own at the end of the title line', () => {
    const { a, warnings } = read(
      '### Decision: T\n\n#### Considered options\n\n1. **A**(chosen)\n2. **B** (chosen)x\n3. Use *fast* db\n4. Plain (chosen) title\n5. Plain(chosen)\n6. D\n7. **E**\n   1. Good: x\n8.\n',
    );
    expect(a.options).toEqual([
      { title: 'A', description: '', points: [] },
      { title: 'B', description: '(chosen)x', points: [] },
      { title: 'Use fast db', description: '', points: [] },
      { title: 'Plain (chosen) title', description: '', points: [] },
      { title: 'Plain', description: '', points: [] },
      { title: 'D', description: '', points: [] },
      { title: 'E', description: '', points: [] },
      { title: '', description: '', points: [] },
    ]);
    expect(a.chosen).toBe(0);
    expect(warnings).toEqual([
      "Formatting in a decision record's option description was dropped; its text was kept.",
      'A decision marks more than one option "(chosen)"; option 1 was kept.',
      'A block inside a considered option that is not a list of points was dropped.',
    ]);
  });

  it('says so when the points of one list alone are over the bound', () => {
    const optionPoints = read(`### Decision: T\n\n#### Considered options\n\n1. **A**\n${points(31, '   ')}\n`);
    expect(optionPoints.a.options[0]!.points).toHaveLength(30);
    expect(optionPoints.warnings).toEqual(['Only the first 30 points of each list in a decision were kept.']);
    const consequences = read(`### Decision: T\n\n#### Consequences\n\n${points(31)}\n`);
    expect(consequences.a.consequences).toHaveLength(30);
    expect(consequences.warnings).toEqual(['Only the first 30 points of each list in a decision were kept.']);
    expect(read(`### Decision: T\n\n#### Consequences\n\n${points(30)}\n`).warnings).toEqual([]);
  });
});

describe('more loosely written lines', () => {
  it('reads the lines after a plain title as one description, and images in a plain title as their alt text', () => {
    const { a, warnings } = read(
      '### Decision: T\n\n#### Considered options\n\n1. Plain\n   line two\n   line three\n2. Use *new ![logo](x.png) db* now\n3. Use ![logo](x.png) now\n',
    );
    expect(a.options.map((o) => [o.title, o.description])).toEqual([
      ['Plain', 'line two line three'],
      ['Use new logo db now', ''],
      ['Use logo now', ''],
    ]);
    const image = `The image "logo" ("x.png") in a decision record's option description was left out and its alt text kept: images stand on their own line.`;
    expect(warnings).toEqual([
      image,
      "Formatting in a decision record's option description was dropped; its text was kept.",
      image,
    ]);
  });

  it('takes a metadata list with a quoted or an empty item as context', () => {
    for (const md of [
      '### Decision: T\n\n- Status: accepted\n- > Ticket: x\n',
      '### Decision: T\n\n- Status: accepted\n-\n',
    ]) {
      const { a, warnings } = read(md);
      expect(a.status, md).toBe('proposed');
      expect(a.meta, md).toEqual([]);
      expect(warnings, md).toEqual([]);
    }
  });

  it('reads an empty point as an empty good one, and quotes at most 40 characters of an unlabelled one', () => {
    const { a, warnings } = read(`### Decision: T\n\n#### Consequences\n\n- Good: a\n-\n- ${'w'.repeat(45)}\n`);
    expect(a.consequences).toEqual([
      { kind: 'good', text: 'a' },
      { kind: 'good', text: '' },
      { kind: 'good', text: 'w'.repeat(45) },
    ]);
    expect(warnings).toEqual([
      'A decision point without "Good:" or "Bad:" was read as a good point: "".',
      `A decision point without "Good:" or "Bad:" was read as a good point: "${'w'.repeat(40)}".`,
    ]);
  });
});

describe('where a record ends', () => {
  it('leaves a part heading at the end of the file, or another heading and its list, outside the record', () => {
    expect(read('### Decision: T\n\n#### Considered options\n').types).toEqual(['decisionRecord', 'heading']);
    expect(read('### Decision: T\n\n#### Consequences\n').types).toEqual(['decisionRecord', 'heading']);
    expect(read('### Decision: T\n\n#### Notes\n\n1. one\n').types).toEqual([
      'decisionRecord',
      'heading',
      'orderedList',
    ]);
  });

  it('reads the blocks after a record that does not start the section exactly once', () => {
    expect(read('Intro\n\n### Decision: A\n\nWhy.\n\n### Next\n\nAfter.\n').types).toEqual([
      'paragraph',
      'decisionRecord',
      'heading',
      'paragraph',
    ]);
  });
});

describe('the Markdown written', () => {
  it('trims every field, writes "Decision:" for no title and no empty list for an option without points', () => {
    const record: RichTextNode = {
      type: 'decisionRecord',
      attrs: {
        title: '',
        date: ' d ',
        deciders: ' a ',
        supersededBy: ' s ',
        meta: [{ key: ' k ', value: ' v ' }],
        options: [
          { title: 'A', description: ' x ', points: [] },
          { title: 'B', points: [{ kind: 'bad', text: 'p' }] },
        ],
      },
    };
    const blank: RichTextNode = {
      type: 'decisionRecord',
      attrs: { title: ' T ', date: ' ', deciders: ' ', supersededBy: ' ' },
    };
    expect(toMarkdown(doc(blank))).toBe('### Decision: T\n\n- Status: proposed\n');
    expect(toMarkdown(doc(record))).toBe(
      '### Decision:\n\n- Status: proposed\n- Date: d\n- Deciders: a\n- Superseded by: s\n- k: v\n\n' +
        '#### Considered options\n\n1. **A**\n   x\n2. **B**\n   - Bad: p\n',
    );
  });
});

describe('a hard line break in a field', () => {
  it('reads as a space, as a soft one does, and ends the title line of an option without a bold title', () => {
    const { a, warnings } = read(
      '### Decision: T\n\n- Deciders: Ana  \n  Bo\n\n#### Considered options\n\n1. Title\\\n   desc\n2. **B** one\\\n   two\n',
    );
    expect(a.deciders).toBe('Ana Bo');
    expect(a.options).toEqual([
      { title: 'Title', description: 'desc', points: [] },
      { title: 'B', description: 'one two', points: [] },
    ]);
    expect(warnings).toEqual([]);
  });
});
