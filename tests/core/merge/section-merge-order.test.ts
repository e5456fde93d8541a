// One section merged block by block where the two sides' edits meet: blocks moved, removed or
// edited on one side and changed on the other, new blocks at the same place. Whatever the mix,
// every block an author kept or wrote is in the result once, where its side put it.
import { describe, expect, it } from 'vitest';
import { mergeSection } from '../../../src/core/pure/merge/section-merge';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { doc, para } from './merge-fixtures';

const blocks = (section: RichTextDoc) =>
  (section.content ?? []).map((n) => `${String(n.attrs?.id)}:${n.content?.[0]?.text ?? ''}`);
const base = doc(para('a', 'A'), para('b', 'B'), para('c', 'C'), para('d', 'D'));

describe('blocks moved, removed and edited across one stretch', () => {
  it('keeps every block once when the two sides moved blocks differently', () => {
    const ours = doc(para('d', 'D'), para('c', 'C'), para('b', 'B'), para('a', 'A'));
    const theirs = doc(para('b', 'B'), para('a', 'A'), para('d', 'D'), para('c', 'C'));
    const merged = blocks(mergeSection(base, ours, theirs).doc);
    expect([...merged].sort()).toEqual(['a:A', 'b:B', 'c:C', 'd:D']);
  });

  it('keeps the first paragraph, first, when one side removed it and the other edited it', () => {
    const ours = doc(para('b', 'B'), para('c', 'C'), para('d', 'D'));
    const theirs = doc(para('a', 'A edited'), para('b', 'B'), para('c', 'C'), para('d', 'D'));
    expect(blocks(mergeSection(base, ours, theirs).doc)).toEqual(['a:A edited', 'b:B', 'c:C', 'd:D']);
    expect(blocks(mergeSection(base, theirs, ours).doc)).toEqual(['a:A edited', 'b:B', 'c:C', 'd:D']);
  });

  it('puts an edited paragraph after the nearest block still there when its neighbour went too', () => {
    const ours = doc(para('a', 'A'), para('d', 'D'));
    const theirs = doc(para('a', 'A'), para('b', 'B'), para('c', 'C edited'), para('d', 'D'));
    expect(blocks(mergeSection(base, ours, theirs).doc)).toEqual(['a:A', 'c:C edited', 'd:D']);
  });

  it('keeps new blocks both sides put at the top, ours first, with the block both edited recorded', () => {
    const ours = doc(para('x', 'X'), para('a', 'A1'), para('b', 'B'), para('c', 'C'), para('d', 'D'));
    const theirs = doc(para('y', 'Y'), para('a', 'A2'), para('b', 'B'), para('c', 'C'), para('d', 'D'));
    const { doc: merged, conflicts } = mergeSection(base, ours, theirs);
    expect(blocks(merged)).toEqual(['x:X', 'y:Y', 'a:A1', 'b:B', 'c:C', 'd:D']);
    expect(conflicts.map((c) => c.block)).toEqual(['a']);
  });

  it('orders new blocks by the base block each followed, whichever side comes first', () => {
    const ours = doc(para('b', 'B'), para('x', 'X'), para('d', 'D'));
    const theirs = doc(para('a', 'A'), para('y', 'Y'), para('c', 'C'));
    // Each side removed what the other left alone; their new blocks follow a (theirs) and b (ours).
    expect(blocks(mergeSection(base, ours, theirs).doc)).toEqual(['y:Y', 'x:X']);
    expect(blocks(mergeSection(base, theirs, ours).doc)).toEqual(['y:Y', 'x:X']);
  });

  it('keeps both sides’ new blocks after one they both kept, ours first, and that block once', () => {
    const ours = doc(para('a', 'A'), para('x', 'X'), para('c', 'C'), para('d', 'D'));
    const theirs = doc(para('a', 'A'), para('b', 'B'), para('y', 'Y'), para('d', 'D'));
    expect(blocks(mergeSection(base, ours, theirs).doc)).toEqual(['a:A', 'x:X', 'y:Y', 'd:D']);
  });

  it('merges a section added on both sides: blocks both have once, each side’s own kept', () => {
    const ours = doc(para('a', 'A'), para('x', 'X'));
    const theirs = doc(para('a', 'A'), para('y', 'Y'));
    const { doc: merged, conflicts } = mergeSection(null, ours, theirs);
    expect(blocks(merged)).toEqual(['a:A', 'x:X', 'y:Y']);
    expect(conflicts).toEqual([]);
  });

  it('takes the side that changed a block, whichever side that is', () => {
    const edited = doc(para('a', 'A'), para('b', 'B edited'), para('c', 'C'), para('d', 'D'));
    expect(blocks(mergeSection(base, base, edited).doc)).toEqual(['a:A', 'b:B edited', 'c:C', 'd:D']);
    expect(blocks(mergeSection(base, edited, base).doc)).toEqual(['a:A', 'b:B edited', 'c:C', 'd:D']);
  });

  it('keeps the section’s own attributes from our side', () => {
    const ours = { ...doc(para('a', 'A')), attrs: { lang: 'en' } };
    expect(mergeSection(base, ours, doc(para('a', 'A'))).doc).toMatchObject({ type: 'doc', attrs: { lang: 'en' } });
  });
});
