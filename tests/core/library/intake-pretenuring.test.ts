// A read of many studies on worker threads turns V8's pretenuring off first (v8-flags.ts: each
// study then costs the workers less); a smaller read leaves V8 as it is, since the flag makes
// every Node module loaded afterwards, a worker's included, slower to load.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRETENURING_OFF_FROM, readOnThreads, type IntakeItem } from '../../../src/core/node/study-intake';
import { turnOffPretenuring } from '../../../src/core/node/v8-flags';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';

vi.mock('../../../src/core/node/v8-flags', () => ({ turnOffPretenuring: vi.fn() }));

const context = { site: defaultSiteSettings(), templates: null, names: [] };
// Files that do not exist: each worker answers null at once, and the caller gets them back.
const missing = (count: number): IntakeItem[] =>
  Array.from({ length: count }, (_, n) => ({ id: `s${n}`, file: path.join('/nonexistent-casebook', `s${n}.json`) }));

afterEach(() => vi.mocked(turnOffPretenuring).mockClear());

describe('pretenuring during a read on worker threads', () => {
  it('is turned off for a read of many studies, before any is read', async () => {
    let offBeforeFirst: boolean | null = null;
    const left = await readOnThreads(
      missing(PRETENURING_OFF_FROM),
      context,
      () => (offBeforeFirst ??= vi.mocked(turnOffPretenuring).mock.calls.length > 0),
      { threads: 1 },
    );
    expect(offBeforeFirst).toBe(true);
    expect(turnOffPretenuring).toHaveBeenCalledTimes(1);
    expect(left).toEqual([]);
  }, 60_000);

  it('is left on for a smaller read', async () => {
    await readOnThreads(missing(PRETENURING_OFF_FROM - 1), context, () => undefined, { threads: 1 });
    expect(turnOffPretenuring).not.toHaveBeenCalled();
  }, 60_000);
});
