// The block and mark tables are complete and each module's parts agree with one another: the
// editor schema holds exactly the registered names, every module's sample survives a trip
// through Markdown as the normal form says, renders on the site, and takes part in the
// render-cache probe. A new block is checked here without a test of its own being written.
import { describe, expect, it } from 'vitest';
import { blockModule, blockModules, markModule, markModules } from '../../../src/core/pure/rich-text/block-registry';
import { blockSchema, markSchema } from '../../../src/core/pure/rich-text/block-schema';
import { calloutKinds, calloutLabels } from '../../../src/core/pure/rich-text/blocks/callout';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { richTextSchema } from '../../../src/core/pure/rich-text/known-types';
import { markNames, nodeNames } from '../../../src/core/pure/rich-text/node-names';
import { renderProbe } from '../../../src/core/pure/rich-text/render-probe';
import { docToMdast } from '../../../src/core/pure/markdown/doc-to-mdast';
import { mdastToBlocks } from '../../../src/core/pure/markdown/mdast-to-doc';
import { markdownToMdast, mdastToMarkdown } from '../../../src/core/pure/markdown/markdown-syntax';
import { canonicalDoc, markdownNormalForm } from '../../../src/core/pure/markdown/rich-text-normal-form';
import { positionOfPath } from '../../../src/core/pure/checks/doc-findings';
import { docToPlainText, type RichTextDoc, type RichTextNode } from '../../../src/core/pure/schemas/rich-text';

const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });

/** Export a section to Markdown and import it back, as the file export and import do. */
function throughMarkdown(section: RichTextDoc): { markdown: string; back: RichTextDoc; warnings: string[] } {
  const warnings: string[] = [];
  const imageSrc = (src: string) => (src.startsWith('assets/') ? src.slice('assets/'.length) : src);
  const markdown = mdastToMarkdown({
    type: 'root',
    children: docToMdast(section, { imageSrc, warn: (w) => warnings.push(w) }),
  });
  const images: string[] = [];
  const blocks = mdastToBlocks(markdownToMdast(markdown).children, {
    source: markdown,
    definitions: new Map(),
    images,
    warn: (w) => warnings.push(w),
  });
  const relink = (node: RichTextNode): RichTextNode =>
    node.type === 'image' && images.includes(String(node.attrs?.src))
      ? { ...node, attrs: { ...node.attrs, src: `assets/${String(node.attrs?.src)}` } }
      : node.content
        ? { ...node, content: node.content.map(relink) }
        : node;
  return { markdown, back: canonicalDoc(doc(...blocks.map(relink))), warnings };
}

function typesIn(node: RichTextNode, nodes = new Set<string>(), marks = new Set<string>()) {
  nodes.add(node.type);
  for (const mark of node.marks ?? []) marks.add(mark.type);
  for (const child of node.content ?? []) typesIn(child, nodes, marks);
  return { nodes, marks };
}

describe('the block registry', () => {
  it('holds exactly the nodes and marks of the editor schema', () => {
    const schema = richTextSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual([...nodeNames].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...markNames].sort());
    expect(Object.keys(blockModules).sort()).toEqual([...nodeNames].sort());
    expect(Object.keys(markModules).sort()).toEqual([...markNames].sort());
    expect(Object.keys(blockSchema).sort()).toEqual([...nodeNames].sort());
    expect(Object.keys(markSchema).sort()).toEqual([...markNames].sort());
  });

  it('keeps the schema order the editor and the stored files were made with', () => {
    // ProseMirror fills required content with the first fitting node and orders marks by
    // schema rank; a reordering would change what canonicalDoc (and so every file) holds.
    const schema = richTextSchema();
    expect(Object.keys(schema.nodes)).toEqual([
      'paragraph',
      'blockquote',
      'bulletList',
      'codeBlock',
      'doc',
      'hardBreak',
      'heading',
      'horizontalRule',
      'listItem',
      'orderedList',
      'text',
      'table',
      'tableCell',
      'tableHeader',
      'tableRow',
      'image',
      'taskList',
      'taskItem',
      'callout',
      'timeline',
      'timelineEntry',
      'decisionRecord',
    ]);
    expect(Object.keys(schema.marks)).toEqual(['link', 'bold', 'code', 'italic', 'strike', 'underline']);
  });

  it('finds no module for a type named like an Object member', () => {
    for (const hostile of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(blockModule(hostile)).toBeUndefined();
      expect(markModule(hostile)).toBeUndefined();
    }
  });

  it('puts every node and mark in the render-cache probe, which the editor schema accepts', () => {
    const probe = renderProbe();
    const { nodes, marks } = typesIn(probe as RichTextNode);
    expect([...nodes].sort()).toEqual([...nodeNames].sort());
    expect([...marks].sort()).toEqual([...markNames].sort());
    expect(() => canonicalDoc(probe)).not.toThrow();
  });

  it.each(Object.entries(blockModules).filter(([, m]) => m.probe?.length))(
    '%s: its sample goes through Markdown and back as the normal form says',
    (_name, module) => {
      const sample = doc(...module.probe!);
      const { back } = throughMarkdown(sample);
      expect(back).toEqual(markdownNormalForm(sample));
    },
  );

  it.each(Object.entries(markModules))('%s: its sample goes through Markdown and back', (name, module) => {
    for (const run of module.probe) {
      const sample = doc({
        type: 'paragraph',
        content: [{ type: 'text', text: 'a ' }, run, { type: 'text', text: ' z' }],
      });
      const { back, warnings } = throughMarkdown(sample);
      const unsafe = warnings.some((w) => w.includes('is not http, https, mailto or relative'));
      // The probe holds an unsafe link on purpose: its text survives, the link does not.
      if (unsafe)
        expect(back).toEqual(doc({ type: 'paragraph', content: [{ type: 'text', text: `a ${run.text} z` }] }));
      else expect(back, name).toEqual(markdownNormalForm(sample));
    }
  });

  it.each(Object.entries(blockModules).filter(([, m]) => m.probe?.length))(
    '%s: its sample shows all its text on the site',
    (_name, module) => {
      const sample = doc(...module.probe!);
      const html = richTextToHtml(sample, { resolveImage: (src) => src });
      const words = docToPlainText(sample).split(/\s+/).filter(Boolean);
      for (const word of words)
        expect(html).toContain(
          word.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;'),
        );
      if (sample.content!.some((n) => n.type === 'image')) expect(html).toContain('<img');
      expect(html).not.toBe('');
    },
  );

  it('gives each node a size that matches ProseMirror positions (leaf blocks take one)', () => {
    const probe = renderProbe();
    const pm = richTextSchema().nodeFromJSON(probe);
    const visit = (node: RichTextNode, path: number[]) =>
      (node.content ?? []).forEach((child, i) => {
        const at = [...path, i];
        // ProseMirror's position before child i: walk the same path in its own tree.
        let pos = 0;
        let parent = pm;
        at.forEach((index, depth) => {
          for (let k = 0; k < index; k++) pos += parent.child(k).nodeSize;
          if (depth < at.length - 1) {
            pos += 1;
            parent = parent.child(index);
          }
        });
        if (child.type !== 'text') expect(positionOfPath(probe, at), `${child.type} at ${at.join('.')}`).toBe(pos);
        visit(child, at);
      });
    visit(probe as RichTextNode, []);
  });
});

describe('callout kinds', () => {
  it.each(calloutKinds)('%s is written as a GFM alert, read back, and labelled on the site', (kind) => {
    const sample = doc({
      type: 'callout',
      attrs: { kind },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }],
    });
    const { markdown, back } = throughMarkdown(sample);
    expect(markdown).toBe(`> [!${kind.toUpperCase()}]\n> x\n`);
    expect(back).toEqual(canonicalDoc(sample));
    expect(richTextToHtml(sample)).toContain(`<p class="callout-label">${calloutLabels[kind]}</p>`);
  });

  it("reads GitHub's other alerts as the nearest kind, and an unknown stored kind as a note", () => {
    const read = (md: string) =>
      mdastToBlocks(markdownToMdast(md).children, { source: md, definitions: new Map(), images: [], warn: () => {} });
    expect(read('> [!IMPORTANT]\n> x\n')[0]?.attrs).toEqual({ kind: 'note' });
    expect(read('> [!CAUTION]\n> x\n')[0]?.attrs).toEqual({ kind: 'warning' });
    expect(read('> [!DANGER]\n> x\n')[0]?.type).toBe('blockquote');
    const odd = doc({ type: 'callout', attrs: { kind: 'danger' }, content: [{ type: 'paragraph' }] });
    expect(richTextToHtml(odd)).toContain('callout-note');
  });
});
