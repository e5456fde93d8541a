// Drawing cards tells resvg's allocator to reuse memory (card-allocator.ts): set in the process's
// environment before the native module loads, on the main thread only, never over a value the
// user chose.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_ALLOCATOR_OPTIONS, prepareCardAllocator } from '../../../src/core/node/export/card-allocator';
import { renderCardPng } from '../../../src/core/node/export/site-card-render';
import { cardSvg } from '../../../src/core/pure/export/site-card-svg';

const NAMES = Object.keys(CARD_ALLOCATOR_OPTIONS);

describe('the card allocator options', () => {
  it('are set on the main thread, keeping what the user set', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/bin' };
    prepareCardAllocator(env, true);
    expect(env).toEqual({ MIMALLOC_PURGE_DELAY: '1000', PATH: '/bin' });
    const chosen: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: '0' };
    prepareCardAllocator(chosen, true);
    expect(chosen).toEqual({ MIMALLOC_PURGE_DELAY: '0' });
  });

  it('leave a worker thread’s environment alone (it is a copy mimalloc never reads)', () => {
    const env: NodeJS.ProcessEnv = {};
    prepareCardAllocator(env, false);
    expect(env).toEqual({});
  });
});

describe('drawing a card', () => {
  const saved = new Map(NAMES.map((name) => [name, process.env[name]]));
  beforeEach(() => {
    for (const name of NAMES) delete process.env[name];
  });
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('sets the options in the process environment as resvg is loaded (this file loads it first)', () => {
    const png = renderCardPng(
      cardSvg({ title: 'A title', summary: 'A summary', siteName: 'Site', outcome: '', keyResult: '' }),
    );
    expect(png.length).toBeGreaterThan(1000);
    expect(process.env.MIMALLOC_PURGE_DELAY).toBe('1000');
  });
});
