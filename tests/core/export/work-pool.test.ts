// The one pool: never more than `size` tasks at once; after a failure nothing new starts, the
// tasks in flight finish before it throws (nothing is still writing when the caller reacts).
import { describe, expect, it } from 'vitest';
import { inPool } from '../../../src/core/pure/work-pool';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inPool', () => {
  it('runs every item, at most `size` at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inPool([...Array(20).keys()], 3, async (i) => {
      most = Math.max(most, ++running);
      await tick(i % 3);
      running--;
      done.push(i);
    });
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
  });

  it('after a failure starts nothing new, lets the work in flight finish, then throws the first error', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = inPool([0, 1, 2, 3, 4, 5], 2, async (i) => {
      started.push(i);
      if (i === 0) throw new Error('first');
      if (i === 2) throw new Error('second');
      await tick(20);
      finished.push(i);
    });
    await expect(run).rejects.toThrow('first');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });
});
