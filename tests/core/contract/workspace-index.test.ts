// What opening a workspace leaves for later: made once on first use, tried again after a failure.
import { describe, expect, it } from 'vitest';
import { onceUnlessFailed } from '../../../src/core/node/workspace-index';

describe('onceUnlessFailed', () => {
  it('makes the value once and shares it between callers, even concurrent ones', async () => {
    let made = 0;
    const get = onceUnlessFailed(async () => ++made);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    expect(await get()).toBe(1);
    expect(made).toBe(1);
  });

  it('does not keep a failure: the next call tries again', async () => {
    let attempts = 0;
    const get = onceUnlessFailed(async () => {
      attempts++;
      if (attempts === 1) throw new Error('templates/ unreadable');
      return 'read';
    });
    await expect(get()).rejects.toThrow('templates/ unreadable');
    expect(await get()).toBe('read');
    expect(await get()).toBe('read');
    expect(attempts).toBe(2);
  });
});
