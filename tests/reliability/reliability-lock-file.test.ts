// A lock file left behind by a writer that died (SIGKILL, power cut) must not block saves:
// it is broken when its process is gone, or when it is unreadable and old.
import { spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LOCK_PREFIX,
  lockFileFor,
  nodeAtomicWriteOps,
  TEMP_PREFIX,
  withFileLock,
  writeFileAtomic,
} from '../../src/core/node/atomic-write';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { withTempDir } from '../helpers/temp-dir';

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('lock files left by a dead writer', () => {
  it('a lock whose process is gone is broken at once and the save lands', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Crash survivor' });
      const lock = lockFileFor(path.join(dir, 'studies', `${study.id}.json`));
      await fsp.writeFile(lock, JSON.stringify({ pid: deadPid(), host: hostname(), at: Date.now() }));
      const started = Date.now();
      const saved = await service.updateStudy({ id: study.id, patch: { summary: 'after the crash' } });
      expect(saved.summary).toBe('after the crash');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((await fsp.readdir(path.join(dir, 'studies'))).filter((n) => n.startsWith(LOCK_PREFIX))).toEqual([]);
    });
  });

  it('an empty lock (killed between creating and filling it) is broken once it is old', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Crash survivor' });
      const lock = lockFileFor(path.join(dir, 'studies', `${study.id}.json`));
      await fsp.writeFile(lock, '');
      const old = new Date(Date.now() - 5_000);
      await fsp.utimes(lock, old, old);
      const saved = await service.updateStudy({ id: study.id, patch: { summary: 'after the crash' } });
      expect(saved.summary).toBe('after the crash');
    });
  });

  it('a lock held by a live save makes the next save wait for it, not fail or overwrite it', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Busy' });
      const lock = lockFileFor(path.join(dir, 'studies', `${study.id}.json`));
      // This process is alive: its lock is never judged stale.
      await fsp.writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
      let landed = false;
      const save = service.updateStudy({ id: study.id, patch: { summary: 'waited' } }).then((s) => {
        landed = true;
        return s;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(landed).toBe(false);
      await fsp.rm(lock);
      expect((await save).summary).toBe('waited');
    });
  });

  // A workspace comes from git or a synced folder: whatever sits under a lock's name is hostile.
  it('a lock dated in the future (planted or copied with the workspace) is broken once its file is old', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Planted lock' });
      const lock = lockFileFor(path.join(dir, 'studies', `${study.id}.json`));
      // pid 1 is alive on every host, and "at" is far ahead: neither the pid nor the age ever frees it.
      await fsp.writeFile(lock, JSON.stringify({ pid: 1, host: hostname(), at: Date.now() + 1e12 }));
      const old = new Date(Date.now() - 60_000);
      await fsp.utimes(lock, old, old);
      const started = Date.now();
      const saved = await service.updateStudy({ id: study.id, patch: { summary: 'not blocked' } });
      expect(saved.summary).toBe('not blocked');
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });

  it.skipIf(process.platform === 'win32')(
    'a lock name holding a FIFO or a link to /dev/zero is refused at once with its name, never read or removed',
    async () => {
      await withTempDir(async (dir) => {
        const service = await openWorkspace(dir);
        const lock = lockFileFor(path.join(dir, 'studies', 'slugs'));
        for (const plant of [() => spawnSync('mkfifo', [lock]), () => fsp.symlink('/dev/zero', lock)]) {
          await plant();
          const started = Date.now();
          const error = await Promise.race([
            service.createStudy({ title: 'Blocked?' }).then(
              () => null,
              (err: unknown) => err as Error,
            ),
            new Promise<Error>((resolve) => setTimeout(() => resolve(new Error('still waiting after 5 s')), 5_000)),
          ]);
          expect(error?.message).toContain(path.basename(lock));
          expect(error?.message).toContain('not a lock file');
          expect(Date.now() - started).toBeLessThan(2_000);
          expect((await fsp.lstat(lock)).isFile()).toBe(false);
          await fsp.rm(lock);
        }
      });
    },
  );

  it('lock and temp files never end in .json, so git and other tools do not take them for studies', async () => {
    await withTempDir(async (dir) => {
      const target = path.join(dir, 'study.json');
      const during = await withFileLock(target, () => fsp.readdir(dir));
      const lock = during.find((n) => n.startsWith(LOCK_PREFIX));
      expect(lock).toBe('.casebook-lock-study.json.lock');
      let temp = '';
      await writeFileAtomic(target, '{}', {
        ...nodeAtomicWriteOps,
        writeAndSync: async (file, data) => {
          temp = path.basename(file);
          await nodeAtomicWriteOps.writeAndSync(file, data);
        },
      });
      expect(temp.startsWith(TEMP_PREFIX)).toBe(true);
      expect(temp.endsWith('.tmp')).toBe(true);
    });
  });

  it('stale temp and lock files (new and old names) are cleaned at open in every folder Casebook writes; live ones stay', async () => {
    await withTempDir(async (dir) => {
      await openWorkspace(dir);
      const old = new Date(Date.now() - 10 * 60_000);
      const dead = JSON.stringify({ pid: deadPid(), host: hostname(), at: old.getTime() });
      const live = JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() });
      const stale: string[] = [];
      const kept: string[] = [];
      for (const folder of ['', 'studies', '.trash', '.casebook', 'templates', 'assets', '.quarantine']) {
        await fsp.mkdir(path.join(dir, folder), { recursive: true });
        const put = async (name: string, body: string, date: Date, list: string[]) => {
          const file = path.join(folder, name);
          await fsp.writeFile(path.join(dir, file), body);
          await fsp.utimes(path.join(dir, file), date, date);
          list.push(file);
        };
        await put(`${TEMP_PREFIX}x.json-0a1b2c`, '{', old, stale); // previous version's name
        await put(`${TEMP_PREFIX}x.json-0a1b2c3d4e5f.tmp`, '{', old, stale);
        await put(`${TEMP_PREFIX}y.json-0a1b2c3d4e5f.tmp`, '{', new Date(), kept); // may be a live writer's
        await put(`${LOCK_PREFIX}a.json`, dead, old, stale); // previous version's name
        await put(`${LOCK_PREFIX}b.json.lock`, dead, old, stale);
        await put(`${LOCK_PREFIX}c.json.lock`, live, new Date(), kept);
      }
      await openWorkspace(dir);
      for (const file of stale) await expect(fsp.lstat(path.join(dir, file)), file).rejects.toThrow();
      for (const file of kept) expect((await fsp.lstat(path.join(dir, file))).isFile(), file).toBe(true);
    });
  });
});
