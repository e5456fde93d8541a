// Stable block ids: the editor (TipTap's UniqueID in the shared extensions) and Node agree on
// them; older files get the same ids on every machine; copies get their own; and they never
// change what a site page or a Markdown file says.
import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { blockIdOf, seededBlockId, withBlockIds, withoutBlockIds } from '../../../src/core/pure/rich-text/block-ids';
import { richTextExtensions } from '../../../src/core/pure/rich-text/extensions';
import { richTextToHtml } from '../../../src/core/pure/rich-text/html';
import { renderProbe } from '../../../src/core/pure/rich-text/render-probe';
import type { RichTextDoc, RichTextNode } from '../../../src/core/pure/schemas/rich-text';
import { studyFileSchema } from '../../../src/core/pure/schemas/study-migrations';
import { studyToWrite } from '../../../src/core/pure/merge/study-on-write';
import { duplicateBlock } from '../../../src/renderer/src/editor/block-moves';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { toMarkdown } from '../../helpers/through-markdown';
import { sampleStudy } from '../../helpers/study-files';

const para = (text: string, id?: string): RichTextNode => ({
  type: 'paragraph',
  ...(id ? { attrs: { id } } : {}),
  content: [{ type: 'text', text }],
});
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const item = (...content: RichTextNode[]): RichTextNode => ({ type: 'listItem', content });
const ids = (d: RichTextDoc) => (d.content ?? []).map(blockIdOf);

const schema = getSchema(richTextExtensions());

describe('block ids in the editor schema', () => {
  it('keeps the ids a study was saved with through the editor’s schema and back to JSON', () => {
    const saved = doc(para('One', 'id-1'), {
      type: 'heading',
      attrs: { level: 2, id: 'id-2' },
      content: [{ type: 'text', text: 'Two' }],
    });
    expect(ids(schema.nodeFromJSON(saved).toJSON() as RichTextDoc)).toEqual(['id-1', 'id-2']);
  });

  it('gives a block duplicated from its handle no copy of the original’s id (UniqueID then gives it one)', () => {
    const state = EditorState.create({ doc: schema.nodeFromJSON(doc(para('Alpha', 'id-1'))) });
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2)));
    let next = selected;
    duplicateBlock(selected, (tr) => (next = selected.apply(tr)));
    expect(ids(next.doc.toJSON() as RichTextDoc)).toEqual(['id-1', null]);
  });
});

describe('block ids in Node', () => {
  it('fills in missing ids and gives a repeated id to the later block only, leaving the input alone', () => {
    const input = doc(para('a', 'x'), para('b'), para('c', 'x'));
    const out = withBlockIds(input, (path) => `new-${path}`);
    expect(ids(out)).toEqual(['x', 'new-1', 'new-2']);
    expect(ids(input)).toEqual(['x', null, 'x']);
  });

  it('returns a document whose blocks all have their own ids as it is (a file Casebook wrote: nothing copied)', () => {
    const input = doc(para('a', 'x'), { type: 'bulletList', attrs: { id: 'l' }, content: [item(para('b', 'y'))] });
    expect(withBlockIds(input, (path) => `new-${path}`)).toBe(input);
  });

  it('finds a block without an id, or repeating one, deep inside a list', () => {
    const missing = doc(para('a', 'x'), { type: 'bulletList', attrs: { id: 'l' }, content: [item(para('b'))] });
    expect(JSON.stringify(withBlockIds(missing, (path) => `new-${path}`))).toContain('"new-1.0.0"');
    const repeated = doc(para('a', 'x'), { type: 'bulletList', attrs: { id: 'l' }, content: [item(para('b', 'x'))] });
    expect(JSON.stringify(withBlockIds(repeated, (path) => `new-${path}`))).toContain('"new-1.0.0"');
  });

  it('derives the ids of an older file from the study, the section and the position: every machine agrees', () => {
    const { conflicts: _c, conflictCount: _n, ...rest } = sampleStudy(7);
    const older = { ...rest, schemaVersion: 4, problem: doc(para('a'), para('b')), lessons: doc(para('a')) };
    const first = studyFileSchema.parse(structuredClone(older));
    const second = studyFileSchema.parse(JSON.parse(JSON.stringify(older)));
    expect(ids(first.problem)).toEqual(ids(second.problem));
    expect(ids(first.problem)).toEqual([seededBlockId('study-7/problem/0'), seededBlockId('study-7/problem/1')]);
    expect(ids(first.lessons)[0]).not.toBe(ids(first.problem)[0]);
  });

  it('gives a copied block the same new id on every save, so a save does not look like a new block', () => {
    const study = sampleStudy(1, { problem: doc(para('a', 'x'), para('a', 'x')) });
    expect(ids(studyToWrite(study).problem)).toEqual(ids(studyToWrite(study).problem));
    expect(new Set(ids(studyToWrite(study).problem)).size).toBe(2);
  });
});

describe('block ids and what Casebook publishes', () => {
  const probe = renderProbe();
  const withIds = withBlockIds(probe, (path) => seededBlockId(`probe/${path}`));

  it('give the whole probe ids, nested blocks included', () => {
    expect(JSON.stringify(withIds)).toContain(seededBlockId('probe/0'));
    expect(withoutBlockIds(withIds)).toEqual(probe);
  });

  it('do not change the site HTML of any block', () => {
    const html = richTextToHtml(withIds);
    expect(html).toBe(richTextToHtml(probe));
    expect(html).not.toContain(seededBlockId('probe/0'));
  });

  it('do not change the Markdown of any block', () => {
    expect(toMarkdown(withIds)).toBe(toMarkdown(probe));
  });
});
