// Proves that closing waits for the renderer's flush, but never longer than the timeout,
// and that overlapping requests share one flush round.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlushBarrier, FLUSH_TIMEOUT_MS } from '../../src/main/flush-barrier';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('flush barrier', () => {
  it('resolves as soon as the renderer confirms', async () => {
    let asked = 0;
    const barrier = createFlushBarrier(() => asked++);
    const outcome = barrier.request();
    barrier.confirm();
    await expect(outcome).resolves.toBe('flushed');
    expect(asked).toBe(1);
  });

  it('gives up after 3 seconds when the renderer never answers', async () => {
    const barrier = createFlushBarrier(() => undefined);
    let outcome: string | undefined;
    void barrier.request().then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 1);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toBe('timeout');
    expect(FLUSH_TIMEOUT_MS).toBe(3000);
  });

  it('asks the renderer once for overlapping requests and again for a later round', async () => {
    let asked = 0;
    const barrier = createFlushBarrier(() => asked++);
    const first = barrier.request();
    const second = barrier.request();
    expect(asked).toBe(1);
    barrier.confirm();
    await expect(Promise.all([first, second])).resolves.toEqual(['flushed', 'flushed']);
    const third = barrier.request();
    expect(asked).toBe(2);
    barrier.confirm();
    await expect(third).resolves.toBe('flushed');
  });

  it('ignores a confirmation that arrives with no request pending', async () => {
    const barrier = createFlushBarrier(() => undefined);
    barrier.confirm();
    let outcome: string | undefined;
    void barrier.request().then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(10);
    expect(outcome).toBeUndefined();
  });
});
