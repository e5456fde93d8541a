// What a crashed writer leaves (temp files, lock files) is cleaned, but never what a live writer
// in another process is using: its fresh temp file may be about to replace a study.
import { spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LOCK_PREFIX,
  lockFileFor,
  removeStaleLocks,
  removeStaleTempFiles,
  tempFileTarget,
  TEMP_PREFIX,
  withFileLock,
} from '../../../src/core/node/atomic-write';
import { withTempDir } from '../../helpers/temp-dir';

async function put(file: string, body: string, ageMs: number): Promise<void> {
  await fsp.writeFile(file, body);
  const at = new Date(Date.now() - ageMs);
  await fsp.utimes(file, at, at);
}

/** A lock another machine holds (a synced workspace): its process cannot be asked, only its age tells. */
const otherHostLock = (at: number): string => JSON.stringify({ pid: 4242, host: 'another-laptop', at });

describe('temp files at open', () => {
  it("removes a dead writer's old temp file but spares a fresh one and anything else", async () => {
    await withTempDir(async (dir) => {
      const old = path.join(dir, `${TEMP_PREFIX}a.json-0a1b2c3d4e5f.tmp`);
      const fresh = path.join(dir, `${TEMP_PREFIX}b.json-0a1b2c3d4e5f.tmp`);
      const study = path.join(dir, 'c.json');
      await put(old, '{', 2 * 60_000);
      await put(fresh, '{', 1_000);
      await put(study, '{}', 2 * 60_000);
      await fsp.mkdir(path.join(dir, `${TEMP_PREFIX}folder`));
      expect(await removeStaleTempFiles(dir, 60_000)).toBe(1);
      expect((await fsp.readdir(dir)).sort()).toEqual([path.basename(fresh), `${TEMP_PREFIX}folder`, 'c.json'].sort());
    });
  });

  it('removes every temp file when no writer can be live (age 0)', async () => {
    await withTempDir(async (dir) => {
      await put(path.join(dir, `${TEMP_PREFIX}b.json-0a1b2c3d4e5f.tmp`), '{', 0);
      expect(await removeStaleTempFiles(dir)).toBe(1);
      expect(await fsp.readdir(dir)).toEqual([]);
    });
  });

  it('finds nothing to remove in a folder that is not there', async () => {
    expect(await removeStaleTempFiles(path.join('/nonexistent', 'casebook'), 0)).toBe(0);
    expect(await removeStaleLocks(path.join('/nonexistent', 'casebook'))).toBe(0);
  });

  it('knows which file a temp file was for, in the old and the new naming', () => {
    expect(tempFileTarget(`${TEMP_PREFIX}study.json-0a1b2c3d4e5f.tmp`)).toBe('study.json');
    expect(tempFileTarget(`${TEMP_PREFIX}study.json-0a1b2c3d4e5f`)).toBe('study.json');
    expect(tempFileTarget('study.json')).toBeNull();
    expect(tempFileTarget(`${TEMP_PREFIX}study.json-xyz`)).toBeNull();
  });
});

describe('lock files from another machine', () => {
  it('an old one has expired: the save goes ahead at once and the lock is released', async () => {
    await withTempDir(async (dir) => {
      const target = path.join(dir, 'study.json');
      const lock = lockFileFor(target);
      await put(lock, otherHostLock(Date.now() - 5 * 60_000), 5 * 60_000);
      const started = Date.now();
      expect(await withFileLock(target, async () => 'saved')).toBe('saved');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await fsp.readdir(dir)).toEqual([]);
    });
  });

  it('a fresh one is live: cleaning at open leaves it, an old one goes', async () => {
    await withTempDir(async (dir) => {
      const live = lockFileFor(path.join(dir, 'a.json'));
      const dead = lockFileFor(path.join(dir, 'b.json'));
      await put(live, otherHostLock(Date.now()), 0);
      await put(dead, otherHostLock(Date.now() - 5 * 60_000), 5 * 60_000);
      // An aside copy a killed lock break left behind, and a fresh one a live break is using.
      await put(`${dead}.stale-0a1b2c3d4e5f`, '', 5 * 60_000);
      await put(`${live}.stale-0a1b2c3d4e5f`, '', 0);
      expect(await removeStaleLocks(dir)).toBe(2);
      expect((await fsp.readdir(dir)).sort()).toEqual(
        [path.basename(live), `${path.basename(live)}.stale-0a1b2c3d4e5f`].sort(),
      );
      expect((await fsp.readdir(dir)).every((n) => n.startsWith(LOCK_PREFIX))).toBe(true);
    });
  });

  it("a fresh aside copy of a dead holder's lock is left to the break that moved it", async () => {
    await withTempDir(async (dir) => {
      // This host's holder died a moment ago; a break in another window has just moved its lock
      // aside and is about to read it back. Clean-up elsewhere judges the copy by its age alone.
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
        encoding: 'utf8',
      });
      const aside = `${lockFileFor(path.join(dir, 'a.json'))}.stale-0a1b2c3d4e5f`;
      await put(aside, JSON.stringify({ pid: Number(dead.stdout), host: hostname(), at: Date.now() }), 0);
      expect(await removeStaleLocks(dir)).toBe(0);
      expect(await fsp.readdir(dir)).toEqual([path.basename(aside)]);
    });
  });

  it('a lock dated ahead of its file does not stay young: the older of the two counts', async () => {
    await withTempDir(async (dir) => {
      const lock = lockFileFor(path.join(dir, 'a.json'));
      await put(lock, otherHostLock(Date.now() + 24 * 3_600_000), 5 * 60_000);
      expect(await removeStaleLocks(dir)).toBe(1);
    });
  });
});
