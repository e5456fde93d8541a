// The value-level rules every merge is built from (json-merge.ts): values compare by meaning,
// a value changed on one side takes that side, and lists of names merge as sets.
import { describe, expect, it } from 'vitest';
import { canonicalJson, mergeSet, mergeValue, sameJson } from '../../../src/core/pure/merge/json-merge';

describe('comparing values by meaning', () => {
  it('ignores key order at every depth but not list order or types', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson({ a: null }, { a: 'null' })).toBe(false);
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('merging one value', () => {
  it('takes the side that changed it, ours when both made the same change', () => {
    expect(mergeValue('base', 'ours', 'base')).toEqual({ value: 'ours', conflict: false });
    expect(mergeValue('base', 'base', 'theirs')).toEqual({ value: 'theirs', conflict: false });
    expect(mergeValue('base', 'same', 'same')).toEqual({ value: 'same', conflict: false });
    expect(mergeValue({ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 3 })).toEqual({ value: { a: 3 }, conflict: false });
  });

  it('keeps ours and reports a conflict when both changed it differently, or both added it differently', () => {
    expect(mergeValue('base', 'ours', 'theirs')).toEqual({ value: 'ours', conflict: true });
    expect(mergeValue(undefined, 'ours', 'theirs')).toEqual({ value: 'ours', conflict: true });
    expect(mergeValue(undefined, 'same', 'same')).toEqual({ value: 'same', conflict: false });
  });
});

describe('merging a list of names as a set', () => {
  it('keeps what either side added and drops what either side removed, ours’ order first', () => {
    expect(mergeSet(['a', 'b', 'c'], ['c', 'a', 'n1'], ['a', 'b', 'c', 'n2'])).toEqual(['c', 'a', 'n1', 'n2']);
    expect(mergeSet(['a', 'b'], ['a', 'b'], ['b'])).toEqual(['b']);
    expect(mergeSet(undefined, ['x', 'y'], ['y', 'z'])).toEqual(['x', 'y', 'z']);
  });

  it('names the same entry once, whatever key order it was written in', () => {
    expect(mergeSet([], [{ a: 1, b: 2 }, 'x', 'x'], [{ b: 2, a: 1 }])).toEqual([{ a: 1, b: 2 }, 'x']);
  });
});
