// One stretch of a section both sides changed (node-diff3 reports it as a conflict of orders):
// its blocks keep the base's order, each new block follows the block it followed on its side,
// and a block one side removed and the other edited stays where it stood. Nothing is lost.
import { describe, expect, it } from 'vitest';
import { mergeSection } from '../../../src/core/pure/merge/section-merge';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { doc, para } from './merge-fixtures';

const blocks = (section: RichTextDoc) =>
  (section.content ?? []).map((n) => `${String(n.attrs?.id)}:${n.content?.[0]?.text ?? ''}`);
const two = doc(para('a', 'A'), para('b', 'B'));
const four = doc(para('a', 'A'), para('b', 'B'), para('c', 'C'), para('d', 'D'));

describe('a stretch both sides changed', () => {
  it('keeps the base’s order when one side moved and edited two paragraphs and the other removed one', () => {
    const ours = doc(para('b', 'B edited'), para('a', 'A edited'));
    expect(blocks(mergeSection(two, ours, doc(para('a', 'A'))).doc)).toEqual(['a:A edited', 'b:B edited']);
  });

  it('keeps a new paragraph that replaced every other, with the paragraph the other side removed gone too', () => {
    expect(blocks(mergeSection(two, doc(para('a', 'A')), doc(para('y', 'Y'))).doc)).toEqual(['y:Y']);
  });

  it('keeps two paragraphs one side removed and the other edited, in their order', () => {
    const theirs = doc(para('a', 'A edited'), para('b', 'B edited'));
    expect(blocks(mergeSection(two, doc(), theirs).doc)).toEqual(['a:A edited', 'b:B edited']);
  });

  it('keeps a paragraph one side removed and the other edited before the paragraph it preceded', () => {
    const ours = doc(para('a', 'A'), para('d', 'D'), para('b', 'B edited'), para('c', 'C edited'));
    const theirs = doc(para('a', 'A'), para('d', 'D'), para('c', 'C'), para('y', 'Y'));
    expect(blocks(mergeSection(four, ours, theirs).doc)).toEqual(['a:A', 'd:D', 'b:B edited', 'c:C edited', 'y:Y']);
  });

  it('puts each side’s new paragraphs after the block they followed in a stretch both reworked', () => {
    const ours = doc(
      para('c', 'C'),
      para('a', 'A'),
      para('b', 'B edited'),
      para('x1', 'X1'),
      para('d', 'D'),
      para('x2', 'X2'),
      para('x3', 'X3'),
    );
    const theirs = doc(para('c', 'C'), para('a', 'A'), para('y', 'Y'));
    // d: removed there, left alone here, so gone; b: removed there but edited here, so kept.
    expect(blocks(mergeSection(four, ours, theirs).doc)).toEqual([
      'c:C',
      'a:A',
      'y:Y',
      'b:B edited',
      'x1:X1',
      'x2:X2',
      'x3:X3',
    ]);
  });
});
