// A save whose file another live Casebook is saving waits for it; if that takes longer than any
// save could, the user is told which process holds it and what to do — the save never writes
// over the other one, and the other one's lock stays.
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileFor, withFileLock } from '../../../src/core/node/atomic-write';
import { CasebookError } from '../../../src/core/pure/errors';
import { withTempDir } from '../../helpers/temp-dir';

describe('a lock held by a live Casebook', () => {
  it('makes a save give up after 10 s, naming the file and the process, without running it or touching the lock', async () => {
    await withTempDir(async (dir) => {
      const target = path.join(dir, 'study.json');
      const lock = lockFileFor(target);
      // This very process is alive, so its lock is never stale.
      const held = JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() });
      await fsp.writeFile(lock, held);
      let ran = false;
      const started = Date.now();
      const err = await withFileLock(target, async () => {
        ran = true;
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
      expect(err).toBeInstanceOf(CasebookError);
      expect((err as CasebookError).code).toBe('io_error');
      expect((err as CasebookError).message).toBe(
        `Could not save study.json: another Casebook (process ${process.pid}) has been saving it for over 10 s. Close it or wait, then press Retry.`,
      );
      expect(ran).toBe(false);
      expect(await fsp.readFile(lock, 'utf8')).toBe(held);
    });
  }, 40_000);
});
