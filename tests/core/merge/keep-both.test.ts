// Keep both of two lists or two texts: mine first, nothing of theirs dropped without a refusal,
// names compared as the forms compare them.
import { describe, expect, it } from 'vitest';
import { byName, joinTexts, unite } from '../../../src/core/pure/merge/keep-both';
import { casebookRefusal } from '../../helpers/casebook-failure';

describe('keep both', () => {
  it('compares names case aside, and any other value by its JSON', () => {
    expect(byName('DB')).toBe('db');
    expect(byName(7)).toBe('7');
    expect(byName({ a: 1 })).toBe('{"a":1}');
    expect(byName(undefined)).toBe('');
    expect(unite([{ a: 1 }], [{ a: 1 }, { a: 2 }], { max: 5, label: 'L' })).toEqual([{ a: 1 }, { a: 2 }]);
    expect(unite([undefined], [undefined, null], { max: 5, label: 'L' })).toEqual([undefined, null]);
  });

  it('joins two texts, or gives the one that is not empty, and refuses what would be too long', () => {
    const within = { separator: ' / ', max: 9, label: 'Title' };
    expect(joinTexts('', '', within)).toBe('');
    expect(joinTexts('abc', 'def', within)).toBe('abc / def');
    expect(joinTexts('', 'x'.repeat(9), within)).toBe('x'.repeat(9));
    const err = casebookRefusal(() => joinTexts('abc', 'defg', within));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe(
      'Keeping both would make "Title" 10 characters long, more than the 9 it holds: keep yours or take theirs, and add the rest by hand.',
    );
  });
});
