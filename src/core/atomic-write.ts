// Atomic, durable file writes: write a temp file beside the target, fsync it, rename it
// over the target, fsync the folder. A crash at any point leaves the old or the new file,
// never a mix. Operations are injectable so tests can interrupt a write between steps.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const TEMP_PREFIX = '.casebook-tmp-';

export interface AtomicWriteOps {
  writeAndSync(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  remove(file: string): Promise<void>;
}

export const nodeAtomicWriteOps: AtomicWriteOps = {
  async writeAndSync(file, data) {
    const handle = await fsp.open(file, 'wx', 0o644);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  async syncDir(dir) {
    // Windows cannot open a folder for fsync; rename is already durable enough there.
    if (process.platform === 'win32') return;
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  remove: (file) => fsp.rm(file, { force: true }),
};

export async function writeFileAtomic(
  target: string,
  data: string,
  ops: AtomicWriteOps = nodeAtomicWriteOps,
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `${TEMP_PREFIX}${path.basename(target)}-${randomBytes(6).toString('hex')}`);
  try {
    await ops.writeAndSync(temp, data);
    await ops.rename(temp, target);
  } catch (err) {
    await ops.remove(temp).catch(() => undefined);
    throw err;
  }
  await ops.syncDir(dir);
}

/** Removes temp files left by a process that died mid-write (they never replaced anything). */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (name.startsWith(TEMP_PREFIX)) {
      await fsp.rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
