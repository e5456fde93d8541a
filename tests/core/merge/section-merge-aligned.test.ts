// A side written by an older Casebook, whose block ids were made from positions when it was
// read: its blocks take the base's ids where they are the same blocks (section-merge.ts
// alignIdsWith), and a block that only had a base id by its place gets one of its own.
import { describe, expect, it } from 'vitest';
import { alignIdsWith } from '../../../src/core/pure/merge/section-merge';
import type { RichTextDoc } from '../../../src/core/pure/schemas/rich-text';
import { doc, para } from './merge-fixtures';

const ids = (section: RichTextDoc) => (section.content ?? []).map((n) => String(n.attrs?.id));

describe('blocks that only had a base id by their place', () => {
  it('get ids of their own, different from each other and from every base block', () => {
    const base = doc(para('a', 'Alpha'), para('b', 'Bravo'));
    const older = doc(para('a', 'New one'), para('b', 'New two'), para('c', 'Alpha'), para('d', 'Bravo'));
    const aligned = ids(alignIdsWith(base, older));
    expect(aligned.slice(2)).toEqual(['a', 'b']);
    expect(new Set(aligned).size).toBe(4);
  });

  it('keep the id they had when it is no base block’s', () => {
    const base = doc(para('a', 'Alpha'));
    expect(ids(alignIdsWith(base, doc(para('n', 'New'), para('x', 'Alpha'))))).toEqual(['n', 'a']);
  });

  it('keep their text and everything but the id', () => {
    const base = doc(para('a', 'Alpha'));
    const [moved] = alignIdsWith(base, doc(para('a', 'Changed'))).content!;
    expect(moved).toMatchObject({ type: 'paragraph', content: [{ type: 'text', text: 'Changed' }] });
    expect(moved!.attrs?.id).not.toBe('a');
  });
});

describe('a side with no blocks', () => {
  it('is left as it is', () => {
    const side = { type: 'doc' as const };
    expect(alignIdsWith(doc(para('a', 'Alpha')), side)).toBe(side);
  });
});
