// A lock file left behind by a writer that died (SIGKILL, power cut) must not block saves:
// it is broken when its process is gone, or when it is unreadable and old.
import { spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_PREFIX, lockFileFor } from '../../src/core/atomic-write';
import { openWorkspace } from '../../src/core/casebook-service';
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
});
