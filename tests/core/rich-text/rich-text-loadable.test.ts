import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { richTextSchema } from '../../../src/core/pure/rich-text/known-types';
import { loadProblem, previewLines } from '../../../src/core/pure/rich-text/loadable';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { builtInTemplates } from '../../../src/core/pure/templates/builtin-templates';
import { markdownToSectionDoc } from '../../../src/core/pure/templates/template-draft';

const RUNS = Number(process.env.CASEBOOK_PROPERTY_RUNS ?? 200);

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const para = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const text = (value: string, marks?: RichTextNode['marks']): RichTextNode => ({ type: 'text', text: value, marks });

describe('which sections the editor can load as stored', () => {
  it("names a node type the editor does not know (a 'mention' from another tool)", () => {
    const problem = loadProblem(doc(para(text('Ask '), { type: 'mention', attrs: { id: 'ana' } })));
    expect(problem?.what).toBe("a 'mention' node");
  });

  it('shows such a section read-only with each unknown node named where it stands', () => {
    const stored = doc(
      para(text('Ask '), { type: 'mention', attrs: { id: 'ana', label: 'Ana' } }, text(' first.')),
      { type: 'kanban', attrs: {} },
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('one'))] }] },
    );
    expect(previewLines(stored)).toEqual(['Ask ⟨mention: Ana⟩ first.', '⟨kanban⟩', 'one']);
  });

  it('names a mark type the editor does not know', () => {
    expect(loadProblem(doc(para(text('hot', [{ type: 'highlight' }]))))?.what).toBe("a 'highlight' mark");
  });

  it('refuses content in a place the schema does not allow (text straight in the document)', () => {
    expect(loadProblem(doc(text('loose')))?.what).toBe('content in an arrangement this version does not allow');
  });

  it('loads every kind of content the editor itself writes, and an empty section', () => {
    expect(loadProblem({ type: 'doc' })).toBeNull();
    expect(loadProblem(doc(para()))).toBeNull();
    for (const template of Object.values(builtInTemplates)) {
      for (const markdown of Object.values(template.sections ?? {})) {
        expect(loadProblem(markdownToSectionDoc(String(markdown)))).toBeNull();
      }
    }
    const rich = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
      para(text('bold', [{ type: 'bold' }]), text(' link', [{ type: 'link', attrs: { href: 'https://x.test' } }])),
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('item'))] }] },
      { type: 'callout', attrs: { kind: 'note' }, content: [para(text('careful'))] },
      { type: 'image', attrs: { src: 'assets/a.png', alt: 'a' } },
    );
    expect(loadProblem(rich)).toBeNull();
  });

  it('any node or mark type outside the schema, Object.prototype names included, is reported, never loaded (property)', () => {
    const schema = richTextSchema();
    const names = fc.oneof(
      fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)),
      fc.string({ minLength: 1, maxLength: 64 }),
    );
    fc.assert(
      fc.property(names, fc.boolean(), fc.nat(3), (name, asMark, depth) => {
        let node: RichTextNode = asMark ? para(text('x', [{ type: name }])) : para({ type: name });
        for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
        const problem = loadProblem(doc(node));
        const known = Object.hasOwn(asMark ? schema.marks : schema.nodes, name);
        if (!known) expect(problem?.what).toBe(`a '${name}' ${asMark ? 'mark' : 'node'}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('what a section the editor cannot load says', () => {
  const unknown = (type: string, attrs?: Record<string, unknown>, ...content: RichTextNode[]): RichTextNode => ({
    type,
    ...(attrs ? { attrs } : {}),
    ...(content.length ? { content } : {}),
  });

  it('names the first unknown type in reading order, with the schema’s words as the detail', () => {
    expect(loadProblem(doc(unknown('first'), unknown('second')))).toEqual({
      what: "a 'first' node",
      detail: "a 'first' node is not part of this version's schema",
    });
    expect(loadProblem(doc(para(unknown('first'), unknown('second'))))?.what).toBe("a 'first' node");
    expect(loadProblem(doc(para(text('x', [{ type: 'firstMark' }])), unknown('second')))?.what).toBe(
      "a 'firstMark' mark",
    );
  });

  it('labels an unknown node with its label, else its id, else its type alone', () => {
    const stored = doc(
      unknown('chart'),
      unknown('chart', { label: 'Costs', id: 'c-1' }),
      unknown('chart', { label: '  ', id: 'c-2' }),
      unknown('chart', { label: 7, id: ' ' }),
    );
    expect(previewLines(stored)).toEqual(['⟨chart⟩', '⟨chart: Costs⟩', '⟨chart: c-2⟩', '⟨chart⟩']);
  });

  it('shows a line break as a space and an empty text as nothing', () => {
    const stored = doc(unknown('card', {}, para(text('one'), { type: 'hardBreak' }, { type: 'text' }, text('two'))));
    expect(previewLines(stored)).toEqual(['⟨card⟩', 'one two']);
  });

  it('keeps unknown inline nodes on the line of the text block holding them', () => {
    const stored = doc(para(unknown('chip', { label: 'A' }), unknown('chip', { label: 'B' })));
    expect(previewLines(stored)).toEqual(['⟨chip: A⟩⟨chip: B⟩']);
  });

  it('reads an unknown block holding text, or a line break, as a line of its own', () => {
    expect(previewLines(doc(unknown('note', {}, text('Remember'))))).toEqual(['Remember']);
    const stored = doc(unknown('card', {}, { type: 'hardBreak' }, unknown('chip', { label: 'C' })));
    expect(previewLines(stored)).toEqual([' ⟨chip: C⟩']);
  });

  it('leaves out lines with nothing to read', () => {
    const stored = doc(para(text('first')), para(), para(text('   ')), unknown('kanban'), para(text('last')));
    expect(previewLines(stored)).toEqual(['first', '⟨kanban⟩', 'last']);
  });
});
