// Work in time slices yields to the event loop between slices, and ends at the first slice
// after the workspace it serves was closed (its signal aborted).
import { describe, expect, it } from 'vitest';
import { inTimeSlices, pauseEvery } from '../../../src/core/node/time-slices';

const busy = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('work in time slices', () => {
  it('lets a timer run between slices', async () => {
    let ticked = 0;
    const timer = setInterval(() => ticked++, 0);
    await inTimeSlices(Array.from({ length: 20 }), () => busy(2), 4);
    clearInterval(timer);
    expect(ticked).toBeGreaterThan(0);
  });

  it('yields only once a slice is over, and starts the next slice after the turn', async () => {
    // A long slice: the checks right after a turn stay inside it even on a loaded machine.
    const pause = pauseEvery(300);
    expect(pause()).toBeUndefined(); // the slice has just begun
    busy(310);
    const turn = pause();
    expect(turn).toBeInstanceOf(Promise);
    await turn;
    expect(pause()).toBeUndefined(); // a new slice began at the turn
    expect(pause()).toBeUndefined();
  });

  it('stops at the next slice once aborted, leaving the rest undone', async () => {
    const closing = new AbortController();
    const done: number[] = [];
    const items = Array.from({ length: 200 }, (_, i) => i);
    setTimeout(() => closing.abort(), 5);
    await expect(inTimeSlices(items, (i) => (done.push(i), busy(1)), 2, closing.signal)).rejects.toThrow();
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(items.length);
    expect(() => pauseEvery(8, closing.signal)()).toThrow();
  });
});
