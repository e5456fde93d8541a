// A file's conflict list across a merge (conflict-list.ts): a record either machine resolved is
// gone, one both still hold stays once (as ours recorded it), and a disagreement found again is
// not added twice.
import { describe, expect, it } from 'vitest';
import { conflictListAfterMerge, conflictOf, mergeConflictLists } from '../../../src/core/pure/merge/conflict-list';

const title = (mine: string, theirs: string, at = '2026-11-30T12:00:00.000Z') =>
  conflictOf({ kind: 'field', field: 'title' }, mine, theirs, at, 'Bea');

describe('records both machines held', () => {
  const a = title('A', 'B');
  const c = title('C', 'D');

  it('drops a record whichever side resolved it, and keeps one both still hold', () => {
    expect(mergeConflictLists([a, c], [c], [a, c])).toEqual([c]);
    expect(mergeConflictLists([a, c], [a, c], [c])).toEqual([c]);
    expect(mergeConflictLists([a, c], [a, c], [a, c])).toEqual([a, c]);
  });

  it('keeps a record only one side has that base did not (recorded there since)', () => {
    expect(mergeConflictLists([], [], [a])).toEqual([a]);
    expect(mergeConflictLists([], [a], [])).toEqual([a]);
  });

  it('keeps the same disagreement recorded on two machines once, as ours recorded it', () => {
    const ours = title('A', 'B', '2026-11-30T12:00:00.000Z');
    const theirs = title('A', 'B', '2026-12-01T08:00:00.000Z');
    expect(theirs.id).toBe(ours.id);
    expect(mergeConflictLists([], [ours], [theirs])).toEqual([ours]);
  });
});

describe('the list after a merge', () => {
  it('adds what this merge found after the open records, but not one already open', () => {
    const [a, b] = [title('A', 'B'), title('C', 'D')];
    expect(conflictListAfterMerge([], [a], [a], [a, b])).toEqual([a, b]);
  });
});
