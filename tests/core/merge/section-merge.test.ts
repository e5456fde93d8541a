// One section merged block by block (section-merge.ts), seen as an author sees it: which
// paragraphs end up in the section, in what order, and which are recorded as conflicts.
import { describe, expect, it } from 'vitest';
import { alignIdsWith, mergeSection } from '../../../src/core/pure/merge/section-merge';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { doc, para } from './merge-fixtures';

const blocks = (section: RichTextDoc) =>
  (section.content ?? []).map((n) => `${String(n.attrs?.id)}:${n.content?.[0]?.text ?? ''}`);
const base = doc(para('a', 'A'), para('b', 'B'), para('c', 'C'), para('d', 'D'));

describe('merging one section', () => {
  it('leaves the editor’s empty paragraph when every block was removed', () => {
    const { doc: merged, conflicts } = mergeSection(base, doc(), base);
    expect(conflicts).toEqual([]);
    expect(merged.content).toHaveLength(1);
    expect(merged.content![0]).toMatchObject({ type: 'paragraph', attrs: { id: expect.stringMatching(/\S/) } });
    expect(merged.content![0]!.content).toBeUndefined();
  });

  it('keeps a block moved on one side and an edit made on the other', () => {
    const ours = doc(para('d', 'D'), para('a', 'A'), para('b', 'B'), para('c', 'C'));
    const theirs = doc(para('a', 'A'), para('b', 'B edited'), para('c', 'C'), para('d', 'D'));
    expect(blocks(mergeSection(base, ours, theirs).doc)).toEqual(['d:D', 'a:A', 'b:B edited', 'c:C']);
  });

  it('puts each new block after the block it followed when both sides changed the same stretch', () => {
    const ours = doc(para('a', 'A'), para('c', 'C'), para('x', 'X'), para('d', 'D'));
    const theirs = doc(para('a', 'A'), para('y', 'Y'), para('c', 'C'), para('d', 'D'));
    expect(blocks(mergeSection(base, ours, theirs).doc)).toEqual(['a:A', 'y:Y', 'c:C', 'x:X', 'd:D']);
  });

  it('records a block both changed differently under its id, ours in place', () => {
    const ours = doc(para('a', 'A1'), para('b', 'B'), para('c', 'C'), para('d', 'D'));
    const theirs = doc(para('a', 'A2'), para('b', 'B'), para('c', 'C'), para('d', 'D'));
    const { doc: merged, conflicts } = mergeSection(base, ours, theirs);
    expect(blocks(merged)[0]).toBe('a:A1');
    expect(conflicts).toEqual([{ block: 'a', mine: para('a', 'A1'), theirs: para('a', 'A2') }]);
  });
});

describe('a side written by an older Casebook (ids from positions)', () => {
  it('takes the base’s ids for the same blocks and a new id for a block that only had a base id by position', () => {
    const older = doc(para('a', 'New'), para('b', 'Alpha'), para('c', 'Bravo'));
    const aligned = blocks(alignIdsWith(doc(para('a', 'Alpha'), para('b', 'Bravo')), older));
    expect(aligned.slice(1)).toEqual(['a:Alpha', 'b:Bravo']);
    expect(aligned[0]).toMatch(/:New$/);
    expect(aligned[0]).not.toMatch(/^[abc]:/);
  });

  it('leaves a side alone when there is no base to match', () => {
    const side = doc(para('a', 'New'));
    expect(alignIdsWith(null, side)).toBe(side);
    expect(alignIdsWith(doc(), side)).toBe(side);
  });
});
