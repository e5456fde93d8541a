// Lock files around a save: when one is broken and when it is left alone, and a save into a
// folder that is gone failing at once rather than waiting on a lock it can never take.
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileFor, removeStaleLocks, withFileLock } from '../../../src/core/node/atomic-write';
import { withTempDir } from '../../helpers/temp-dir';

async function put(file: string, body: string, ageMs: number): Promise<void> {
  await fsp.writeFile(file, body);
  const at = new Date(Date.now() - ageMs);
  await fsp.utimes(file, at, at);
}

describe('a lock', () => {
  it('older than any save could take is broken even when its process still runs (hung)', async () => {
    await withTempDir(async (dir) => {
      const target = path.join(dir, 'study.json');
      // pid 1 runs on every host: only the lock's age can free it.
      await put(lockFileFor(target), JSON.stringify({ pid: 1, host: hostname(), at: Date.now() - 60_000 }), 60_000);
      const started = Date.now();
      expect(await withFileLock(target, async () => 'saved')).toBe('saved');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await fsp.readdir(dir)).toEqual([]);
    });
  });

  it('that is empty and fresh (its holder is still filling it in) is left by the clean-up at open', async () => {
    await withTempDir(async (dir) => {
      const lock = lockFileFor(path.join(dir, 'study.json'));
      await put(lock, '', 0);
      expect(await removeStaleLocks(dir)).toBe(0);
      await put(lock, '', 5_000);
      expect(await removeStaleLocks(dir)).toBe(1);
      expect(await fsp.readdir(dir)).toEqual([]);
    });
  });

  it('that is not JSON Casebook wrote counts as unreadable: broken by age only', async () => {
    await withTempDir(async (dir) => {
      const lock = lockFileFor(path.join(dir, 'study.json'));
      for (const body of ['{"pid": "1", "at": 1}', '{"pid": 1}', 'null', '{"pid"']) {
        await put(lock, body, 0);
        expect(await removeStaleLocks(dir), body).toBe(0);
        await put(lock, body, 5_000);
        expect(await removeStaleLocks(dir), body).toBe(1);
      }
    });
  });

  it('name held by a folder is not Casebook’s: the clean-up at open leaves it', async () => {
    await withTempDir(async (dir) => {
      const lock = lockFileFor(path.join(dir, 'study.json'));
      await fsp.mkdir(lock);
      const old = new Date(Date.now() - 10 * 60_000);
      await fsp.utimes(lock, old, old);
      await fsp.mkdir(`${lock}.stale-0a1b2c3d4e5f`);
      await fsp.utimes(`${lock}.stale-0a1b2c3d4e5f`, old, old);
      expect(await removeStaleLocks(dir)).toBe(0);
      expect((await fsp.readdir(dir)).length).toBe(2);
    });
  });
});

describe('while a save holds its lock', () => {
  it('the lock names this process and host, so another Casebook can tell it is live', async () => {
    await withTempDir(async (dir) => {
      const target = path.join(dir, 'study.json');
      const seen = await withFileLock(target, () => fsp.readFile(lockFileFor(target), 'utf8'));
      const owner = JSON.parse(seen) as { pid: unknown; host: unknown; at: unknown };
      expect(owner.pid).toBe(process.pid);
      expect(owner.host).toBe(hostname());
      expect(typeof owner.at).toBe('number');
      expect(Math.abs((owner.at as number) - Date.now())).toBeLessThan(60_000);
    });
  });

  it('a save that fails still releases it: the next save goes ahead at once', async () => {
    await withTempDir(async (dir) => {
      const target = path.join(dir, 'study.json');
      await expect(
        withFileLock(target, async () => {
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      expect(await fsp.readdir(dir)).toEqual([]);
      const started = Date.now();
      expect(await withFileLock(target, async () => 'saved')).toBe('saved');
      expect(Date.now() - started).toBeLessThan(3_000);
    });
  });

  it('clean-up at open removes only lock files: an old study beside them stays', async () => {
    await withTempDir(async (dir) => {
      await put(path.join(dir, 'study.json'), '{"id": "old"}', 10 * 60_000);
      await put(path.join(dir, 'notes.lock'), 'mine', 10 * 60_000);
      expect(await removeStaleLocks(dir)).toBe(0);
      expect((await fsp.readdir(dir)).sort()).toEqual(['notes.lock', 'study.json']);
    });
  });
});

describe('a folder under a lock’s name', () => {
  it('makes a save fail at once, saying what is there and what to do, and is left in place', async () => {
    await withTempDir(async (dir) => {
      const target = path.join(dir, 'study.json');
      await fsp.mkdir(lockFileFor(target));
      let ran = false;
      await expect(
        withFileLock(target, async () => {
          ran = true;
        }),
      ).rejects.toMatchObject({
        code: 'io_error',
        message: `${lockFileFor(target)} is a folder, not a lock file Casebook made, so nothing can be saved beside it. Remove it and try again.`,
      });
      expect(ran).toBe(false);
      expect((await fsp.lstat(lockFileFor(target))).isDirectory()).toBe(true);
    });
  });
});

describe('a save into a folder that is gone', () => {
  it('fails at once with the system’s reason, and runs nothing', async () => {
    await withTempDir(async (dir) => {
      let ran = false;
      const started = Date.now();
      await expect(
        withFileLock(path.join(dir, 'gone', 'study.json'), async () => {
          ran = true;
        }),
      ).rejects.toMatchObject({ code: 'ENOENT' });
      expect(ran).toBe(false);
      expect(Date.now() - started).toBeLessThan(3_000);
    });
  });
});
