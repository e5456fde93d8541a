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
import { randomBlockId as randomId } from '../../../src/core/pure/rich-text/block-ids';
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

describe('which ids a block keeps', () => {
  const withId = (id: unknown): RichTextNode => ({ type: 'paragraph', attrs: { id } });

  it('keeps a string id of 1 to 128 characters and nothing else', () => {
    expect(blockIdOf(withId('a'))).toBe('a');
    expect(blockIdOf(withId('x'.repeat(128)))).toBe('x'.repeat(128));
    for (const id of ['', 'x'.repeat(129), 7, null, { id: 'a' }]) expect(blockIdOf(withId(id))).toBeNull();
    expect(blockIdOf({ type: 'paragraph' })).toBeNull();
  });

  it('replaces an unusable id with a new one and keeps the block’s other attributes', () => {
    const heading: RichTextNode = {
      type: 'heading',
      attrs: { level: 3, id: '' },
      content: [{ type: 'text', text: 'T' }],
    };
    const out = withBlockIds(doc(heading, withId('x'.repeat(129))), (path) => `new-${path}`);
    expect(out.content![0]!.attrs).toEqual({ level: 3, id: 'new-0' });
    expect(blockIdOf(out.content![1]!)).toBe('new-1');
  });

  it('makes random UUIDs by default, a different one for each block', () => {
    const out = withBlockIds(doc(para('a'), para('b')));
    const [a, b] = ids(out);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).toMatch(/^[0-9a-f]{8}-/);
    expect(a).not.toBe(b);
  });

  it('derives UUID-shaped ids, zero-padded, a different one for each seed', () => {
    const seeded = Array.from({ length: 200 }, (_, i) => seededBlockId(`study-1/problem/${i}`));
    for (const id of seeded) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(seeded).size).toBe(seeded.length);
    expect(seededBlockId('study-1/problem/0')).toBe(seeded[0]);
  });
});

describe('filling in ids through a whole section', () => {
  const quote = (...content: RichTextNode[]): RichTextNode => ({ type: 'blockquote', content });
  const list = (...items: RichTextNode[][]): RichTextNode => ({
    type: 'bulletList',
    content: items.map((content) => ({ type: 'listItem', content })),
  });

  it('gives every block that carries an id one, at any depth, with its position as the path', () => {
    const paths: string[] = [];
    const input = doc(para('a', 'top'), quote(para('b'), list([para('c')])), { type: 'horizontalRule' });
    const out = withBlockIds(input, (path) => (paths.push(path), `id-${path}`));
    expect(paths).toEqual(['1', '2', '1.0', '1.1', '1.1.0.0']);
    const quoteOut = out.content![1]!;
    expect(blockIdOf(quoteOut)).toBe('id-1');
    expect(blockIdOf(quoteOut.content![0]!)).toBe('id-1.0');
    const listOut = quoteOut.content![1]!;
    expect(blockIdOf(listOut)).toBe('id-1.1');
    // A list item, a text or a table row carries no id; the paragraph inside the item does.
    expect(listOut.content![0]!.attrs).toBeUndefined();
    expect(blockIdOf(listOut.content![0]!.content![0]!)).toBe('id-1.1.0.0');
    expect(listOut.content![0]!.content![0]!.content![0]).toEqual({ type: 'text', text: 'c' });
  });

  it('leaves the input as it was, nested blocks included', () => {
    const input = doc(quote(para('kept', 'q-1'), list([para('nested')])));
    const before = structuredClone(input);
    const out = withBlockIds(input, (path) => `id-${path}`);
    expect(input).toEqual(before);
    expect(blockIdOf(out.content![0]!.content![1]!.content![0]!.content![0]!)).toBe('id-0.1.0.0');
    expect(withoutBlockIds(out)).toEqual(withoutBlockIds(before));
  });

  it('asks again when a new id is already taken, naming the taken one in the path', () => {
    const asked: string[] = [];
    const out = withBlockIds(doc(para('a', 'taken'), para('b')), (path) => {
      asked.push(path);
      return asked.length === 1 ? 'taken' : 'free';
    });
    expect(ids(out)).toEqual(['taken', 'free']);
    expect(asked).toEqual(['1', "1'taken"]);
  });

  it('leaves alone what is not shaped like nodes, and the nodes inside it', () => {
    const stray = { content: [para('inside')] };
    const typed = { type: 5, content: [para('inside')] };
    const input = { type: 'doc', content: [null, 'text', [para('in array')], stray, typed, para('a')] };
    const out = withBlockIds(input, (path) => `id-${path}`);
    expect(out.content.slice(0, 5)).toEqual(input.content.slice(0, 5));
    expect(blockIdOf(out.content[5] as RichTextNode)).toBe('id-5');
    for (const odd of [
      null,
      'doc',
      [para('a')],
      { content: [para('a')] },
      { type: 'doc' },
      { type: 'doc', content: 'x' },
    ])
      expect(withBlockIds(odd, () => 'id')).toBe(odd);
    for (const odd of [null, 'doc', 3]) expect(withoutBlockIds(odd)).toBe(odd);
  });

  it('stops past the nesting limit, leaving the rest for the schema to refuse', () => {
    let node = para('deepest');
    for (let i = 0; i < 150; i++) node = quote(node);
    const out = withBlockIds(doc(node), () => randomId());
    let deepest: RichTextNode = out.content![0]!;
    expect(blockIdOf(deepest)).not.toBeNull();
    while (deepest.content?.[0]?.type === 'blockquote') deepest = deepest.content[0];
    expect(blockIdOf(deepest)).toBeNull();
  });
});
