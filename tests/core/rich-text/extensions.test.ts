// The shared editor schema: opening a study whose blocks all have ids leaves it exactly as
// stored (nothing to save), a block without one gets one, and the editor's swapped-in nodes
// replace the shared ones of the same name.
import { Editor, Node, flattenExtensions, getSchema } from '@tiptap/core';
import CodeBlock from '@tiptap/extension-code-block';
import Image from '@tiptap/extension-image';
import { describe, expect, it } from 'vitest';
import { richTextExtensions } from '../../../src/core/pure/rich-text/extensions';
import { blockIdOf } from '../../../src/core/pure/rich-text/block-ids';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';

const para = (text: string, id?: string): RichTextNode => ({
  type: 'paragraph',
  ...(id ? { attrs: { id } } : {}),
  content: [{ type: 'text', text }],
});

/** An editor as a section opens it: made, then started (what mounting it in a page does last). */
function opened(content: RichTextDoc) {
  const editor = new Editor({ element: null, extensions: richTextExtensions(), content });
  let transactions = 0;
  editor.on('transaction', () => transactions++);
  editor.emit('create', { editor });
  const json = editor.getJSON() as RichTextDoc;
  editor.destroy();
  return { json, transactions };
}

// Ends in a table: a change to the document would also add a trailing paragraph after it.
const complete: RichTextDoc = {
  type: 'doc',
  content: [
    para('One', 'p-1'),
    {
      type: 'bulletList',
      attrs: { id: 'l-1' },
      content: [{ type: 'listItem', content: [para('Item', 'p-2')] }],
    },
    {
      type: 'table',
      attrs: { id: 't-1' },
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [para('Cell', 'p-3')] }] }],
    },
  ],
};

describe('opening a section in the editor', () => {
  it('changes nothing when every block has its id', () => {
    const { json, transactions } = opened(complete);
    expect(transactions).toBe(0);
    expect(json.content).toHaveLength(3);
    expect(JSON.stringify(json)).toContain('"id":"t-1"');
  });

  it('gives a block without an id one, nested ones included', () => {
    const top = opened({ type: 'doc', content: [para('One', 'p-1'), para('Two')] });
    expect(top.transactions).toBeGreaterThan(0);
    expect(blockIdOf(top.json.content![0]!)).toBe('p-1');
    expect(blockIdOf(top.json.content![1]!)).toMatch(/^[0-9a-f-]{36}$/);

    const nested = structuredClone(complete);
    delete nested.content![1]!.content![0]!.content![0]!.attrs;
    const after = opened(nested);
    expect(after.transactions).toBeGreaterThan(0);
    expect(blockIdOf(after.json.content![1]!.content![0]!.content![0]!)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the editor's own nodes in place of the shared ones", () => {
  const marked = (name: string) => ({ marker: { default: name } });

  it('replace a StarterKit node and a node of its own, keeping every other node', () => {
    const plain = getSchema(richTextExtensions());
    const swapped = getSchema(
      richTextExtensions({
        codeBlock: CodeBlock.extend({ addAttributes: () => marked('code') }),
        image: Image.extend({ addAttributes: () => marked('image') }),
      }),
    );
    expect(swapped.nodes.codeBlock!.spec.attrs).toHaveProperty('marker');
    expect(swapped.nodes.image!.spec.attrs).toHaveProperty('marker');
    expect(plain.nodes.codeBlock!.spec.attrs).not.toHaveProperty('marker');
    // A swapped StarterKit node comes after StarterKit's others; no node is lost or doubled.
    expect(Object.keys(swapped.nodes).sort()).toEqual(Object.keys(plain.nodes).sort());
    expect(Object.keys(swapped.marks)).toEqual(Object.keys(plain.marks));
  });

  it('are the only extensions of their name: no second code block with its own keys and input rules', () => {
    const names = flattenExtensions(
      richTextExtensions({ codeBlock: CodeBlock.extend({}), image: Image.extend({}) }),
    ).map((e) => e.name);
    expect(names.filter((name) => name === 'codeBlock')).toHaveLength(1);
    expect(names.filter((name) => name === 'image')).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
  });

  it('still carry block ids', () => {
    const swapped = getSchema(richTextExtensions({ codeBlock: Node.create({ name: 'codeBlock', group: 'block' }) }));
    expect(swapped.nodes.codeBlock!.spec.attrs).toHaveProperty('id');
    expect(swapped.nodes.paragraph!.spec.attrs).toHaveProperty('id');
  });
});
