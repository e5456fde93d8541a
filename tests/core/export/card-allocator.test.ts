// `casebook export` tells resvg's allocator to reuse memory (card-allocator.ts): read by
// mimalloc itself when the export loads resvg, never over a value the user chose, and only in
// the process that exits after its export (the app's long-lived process keeps the defaults).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_ALLOCATOR_OPTIONS, prepareCardAllocator } from '../../../src/core/node/export/card-allocator';
import { casebook } from '../../helpers/cli-bundle';
import { withOpenWorkspaces } from '../../helpers/open-workspaces';
import { withTempDir } from '../../helpers/temp-dir';

/** The purge delay mimalloc says it runs with (MIMALLOC_VERBOSE=1 prints its options as it loads). */
const purgeDelayRead = (stderr: string) => /mimalloc: option 'purge_delay': (-?\d+)/.exec(stderr)?.[1];

describe('the card allocator options', () => {
  it('are set where unset or empty, and a value the user chose is kept', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/bin' };
    prepareCardAllocator(env);
    expect(env).toEqual({ MIMALLOC_PURGE_DELAY: '1000', PATH: '/bin' });
    const empty: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: '' };
    prepareCardAllocator(empty);
    expect(empty).toEqual({ MIMALLOC_PURGE_DELAY: '1000' });
    const chosen: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: '0' };
    prepareCardAllocator(chosen);
    expect(chosen).toEqual({ MIMALLOC_PURGE_DELAY: '0' });
  });

  it('reach mimalloc when casebook export draws the cards, unless the user set their own', async () => {
    await withTempDir(async (dir) => {
      // A new workspace each time, as a card drawn once is cached; even an empty site has the
      // index page's card to draw.
      const site = async (name: string, env: Record<string, string>) => {
        const ws = path.join(dir, name);
        expect((await casebook(['init', '-w', ws])).code).toBe(0);
        const out = path.join(dir, `${name}-site`);
        return casebook(['export', '-w', ws, '-f', 'site', '-o', out], { MIMALLOC_VERBOSE: '1', ...env });
      };
      const ours = await site('a', { MIMALLOC_PURGE_DELAY: '' });
      expect(ours.code, ours.stderr).toBe(0);
      expect(purgeDelayRead(ours.stderr)).toBe('1000');
      const theirs = await site('b', { MIMALLOC_PURGE_DELAY: '250' });
      expect(theirs.code, theirs.stderr).toBe(0);
      expect(purgeDelayRead(theirs.stderr)).toBe('250');
    });
  }, 60_000);

  it('are not set by an export in a long-lived process (the app, casebook serve)', async () => {
    const saved = Object.keys(CARD_ALLOCATOR_OPTIONS).map((name) => [name, process.env[name]] as const);
    for (const [name] of saved) delete process.env[name];
    try {
      await withOpenWorkspaces(async ({ dir, open }) => {
        const service = await open(path.join(dir, 'ws'));
        const report = await service.exportWorkspace({
          format: 'site',
          outDir: path.join(dir, 'site'),
          drafts: false,
          allowErrors: false,
        });
        expect(report.written).toBeGreaterThan(0);
      });
      for (const [name] of saved) expect(process.env[name]).toBeUndefined();
    } finally {
      for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
    }
  }, 60_000);
});
