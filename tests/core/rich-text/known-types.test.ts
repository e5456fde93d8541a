// The write-time rule: a study is saved only with node and mark types the editor knows. The
// first unknown type in reading order is named, with its section, so the author can find it.
import { describe, expect, it } from 'vitest';
import { assertKnownTypes, unknownTypeIn } from '../../../src/core/pure/rich-text/known-types';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { casebookRefusal } from '../../helpers/casebook-failure';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const para = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const text = (value: string, ...marks: string[]): RichTextNode => ({
  type: 'text',
  text: value,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
const quote = (...content: RichTextNode[]): RichTextNode => ({ type: 'blockquote', content });

describe('the first type the editor does not know', () => {
  it('is none for an empty section or one of known nodes and marks, however nested', () => {
    expect(unknownTypeIn({ type: 'doc' })).toBeNull();
    expect(unknownTypeIn(doc())).toBeNull();
    const known = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Title', 'bold', 'italic')] },
      quote(quote(para(text('deep', 'link', 'code')))),
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('item', 'strike', 'underline'))] }] },
    );
    expect(unknownTypeIn(known)).toBeNull();
  });

  it('is a node or a mark, named as stored', () => {
    expect(unknownTypeIn(doc({ type: 'kanban' }))).toEqual({ kind: 'node', type: 'kanban' });
    expect(unknownTypeIn(doc(para(text('hot', 'highlight'))))).toEqual({ kind: 'mark', type: 'highlight' });
    expect(unknownTypeIn(doc(para(text('hot', 'bold', 'highlight'))))).toEqual({ kind: 'mark', type: 'highlight' });
  });

  it('is found in the first child and the last, at any depth', () => {
    expect(unknownTypeIn(doc(quote(para({ type: 'mention' }, text('after')))))).toEqual({
      kind: 'node',
      type: 'mention',
    });
    expect(
      unknownTypeIn(doc(para(text('a')), quote(para(text('b')), quote(para(text('c'), { type: 'emoji' }))))),
    ).toEqual({
      kind: 'node',
      type: 'emoji',
    });
  });

  it('is the first in reading order: earlier blocks, then a block before its children', () => {
    expect(unknownTypeIn(doc({ type: 'first' }, { type: 'second' }))).toEqual({ kind: 'node', type: 'first' });
    expect(unknownTypeIn(doc(para({ type: 'first' }, { type: 'second' })))).toEqual({ kind: 'node', type: 'first' });
    expect(unknownTypeIn(doc(para(text('x', 'firstMark')), para({ type: 'second' })))).toEqual({
      kind: 'mark',
      type: 'firstMark',
    });
    expect(unknownTypeIn(doc({ type: 'outer', content: [{ type: 'inner' }] }))).toEqual({
      kind: 'node',
      type: 'outer',
    });
  });

  it('is never a name Object.prototype holds mistaken for a known type', () => {
    expect(unknownTypeIn(doc({ type: 'constructor' }))).toEqual({ kind: 'node', type: 'constructor' });
    expect(unknownTypeIn(doc(para(text('x', 'toString'))))).toEqual({ kind: 'mark', type: 'toString' });
  });
});

describe('saving only what the editor can show', () => {
  it('lets sections of known content, and sections not sent, through', () => {
    expect(() => assertKnownTypes({}, 'save the study')).not.toThrow();
    expect(() => assertKnownTypes({ problem: doc(para(text('fine', 'bold'))) }, 'save the study')).not.toThrow();
  });

  it('refuses an unknown node, naming the section, the type and what was being done', () => {
    const err = casebookRefusal(() =>
      assertKnownTypes({ lessons: doc(para(text('ok')), { type: 'kanban' }) }, 'save the study'),
    );
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe(
      'Cannot save the study: the Lessons section holds a block or inline node of type "kanban", which the editor does not know. Remove it (or update Casebook) and try again.',
    );
  });

  it('refuses an unknown mark as a text mark', () => {
    const err = casebookRefusal(() =>
      assertKnownTypes({ tradeoffs: doc(para(text('x', 'highlight'))) }, 'take their version'),
    );
    expect(err.message).toMatch(
      /^Cannot take their version: the Tradeoffs section holds a text mark of type "highlight"/,
    );
  });

  it('checks every section, and names the first one in the study’s order', () => {
    const bad = (type: string) => doc({ type });
    expect(casebookRefusal(() => assertKnownTypes({ problem: doc(), decisions: bad('b') }, 'save')).message).toMatch(
      /the Decisions section holds a block or inline node of type "b"/,
    );
    expect(casebookRefusal(() => assertKnownTypes({ lessons: bad('d'), problem: bad('a') }, 'save')).message).toMatch(
      /the Problem section .* type "a"/,
    );
  });
});
