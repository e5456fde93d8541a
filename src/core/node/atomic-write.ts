// Atomic, durable file writes: write a temp file beside the target, fsync it, rename it
// over the target, fsync the folder. A crash at any point leaves the old or the new file,
// never a mix. Operations are injectable so tests can interrupt a write between steps.
// Also here: readable messages for failed writes, and lock files for read-modify-write.
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CasebookError } from '../pure/errors';
import { entryKind, readRegularFile } from './regular-file';

export const TEMP_PREFIX = '.casebook-tmp-';
/**
 * Temp and lock files end in their own extension, never in the target's (`.json`): git and
 * other tools must not take `studies/.casebook-lock-<id>.json` for a study. Files left by an
 * older Casebook (`.casebook-tmp-<name>-<hex>`, `.casebook-lock-<name>`) are still
 * recognised by their prefix and cleaned.
 */
export const TEMP_SUFFIX = '.tmp';
export const LOCK_SUFFIX = '.lock';
/** Temp files younger than this may belong to a live writer in another process. */
export const STALE_TEMP_MS = 60_000;

export interface AtomicWriteOps {
  writeAndSync(file: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  remove(file: string): Promise<void>;
}

export const nodeAtomicWriteOps: AtomicWriteOps = {
  async writeAndSync(file, data) {
    const handle = await fsp.open(file, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  // Stryker disable next-line BlockStatement: skipping an fsync shows only after a power cut
  async syncDir(dir) {
    // Windows cannot open a folder for fsync; rename is already durable enough there.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: skipping an fsync shows only after a power cut
    if (process.platform === 'win32') return;
    const handle = await fsp.open(dir, 'r');
    // Stryker disable next-line BlockStatement: as above, an fsync left out changes nothing a test can see
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: writeFileAtomic ignores a failed clean-up either way
  remove: (file) => fsp.rm(file, { force: true }),
};

/** fsyncs the file but leaves folder syncs to a caller that syncs each folder once. */
// Stryker disable next-line ArrowFunction: `() => undefined` is the same no-op
export const fileSyncOnlyWriteOps: AtomicWriteOps = { ...nodeAtomicWriteOps, syncDir: async () => undefined };

/**
 * For derived data (exports, caches): still atomic — a crash leaves the old file or the new
 * one — but not fsynced; a power cut can at worst leave a file empty, which is rebuilt.
 */
export const unsyncedWriteOps: AtomicWriteOps = {
  ...nodeAtomicWriteOps,
  // Stryker disable next-line ObjectLiteral,StringLiteral: a temp name is random (never there before) and umask 022 gives 0644 anyway
  writeAndSync: (file, data) => fsp.writeFile(file, data, { flag: 'wx', mode: 0o644 }),
  // Stryker disable next-line ArrowFunction: `() => undefined` is the same no-op
  syncDir: async () => undefined,
};

/** The temp file name writeFileAtomic uses for `target` (random part included). */
function tempNameFor(target: string): string {
  return `${TEMP_PREFIX}${path.basename(target)}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
}

// `<TEMP_PREFIX><target>-<12 hex><TEMP_SUFFIX>`; Casebook 0.1 wrote no suffix.
const TEMP_NAME = /^\.casebook-tmp-(.+)-[0-9a-f]{12}(?:\.tmp)?$/;

/** The target name a temp file of writeFileAtomic (this version's or an older one's) was for, or null. */
export function tempFileTarget(name: string): string | null {
  return TEMP_NAME.exec(name)?.[1] ?? null;
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  ops: AtomicWriteOps = nodeAtomicWriteOps,
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, tempNameFor(target));
  try {
    await ops.writeAndSync(temp, data);
    await ops.rename(temp, target);
  } catch (err) {
    await ops.remove(temp).catch(() => undefined);
    throw err;
  }
  await ops.syncDir(dir);
}

/**
 * Removes temp files left by a process that died mid-write (they never replaced anything).
 * `minAgeMs` spares younger ones: another live process (the app while the CLI opens the same
 * workspace) may be about to rename its temp file into place.
 */
export async function removeStaleTempFiles(dir: string, minAgeMs = 0, listed?: string[]): Promise<number> {
  let removed = 0;
  const names = listed ?? (await namesIn(dir));
  const cutoff = Date.now() - minAgeMs;
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const file = path.join(dir, name);
    // Only regular files: a folder or link planted under this name is not ours to delete.
    // Stryker disable next-line ArrowFunction: undefined reads as no entry, like null
    const stat = await fsp.lstat(file).catch(() => null);
    // Stryker disable next-line OptionalChaining: null only for an entry gone since readdir
    if (!stat?.isFile() || stat.mtimeMs > cutoff) continue;
    if (
      await fsp.rm(file).then(
        () => true,
        // Stryker disable next-line ArrowFunction: undefined counts as not removed, like false
        () => false,
      )
    )
      removed++;
  }
  return removed;
}

/**
 * Removes lock files whose holder is gone (its process has exited on this host, or the lock
 * is older than any save could take), and the aside copies a lock break left when it was
 * killed midway. Live locks stay. Returns how many were removed.
 */
export async function removeStaleLocks(dir: string, listed?: string[]): Promise<number> {
  const names = listed ?? (await namesIn(dir));
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(LOCK_PREFIX)) continue;
    const file = path.join(dir, name);
    // Stryker disable next-line ArrowFunction: undefined reads as no entry, like null
    const stat = await fsp.lstat(file).catch(() => null);
    // Stryker disable next-line OptionalChaining: null only for an entry gone since readdir
    if (!stat?.isFile()) continue;
    if (name.includes(STALE_ASIDE)) {
      if (
        Date.now() - stat.mtimeMs > LOCK_STALE_MS &&
        (await fsp.rm(file).then(
          () => true,
          // Stryker disable next-line ArrowFunction: undefined counts as not removed, like false
          () => false,
        ))
      )
        removed++;
      continue;
    }
    if (await breakIfStale(file)) removed++;
  }
  return removed;
}

/** Cleans what a crashed writer may have left in a folder Casebook writes: stale temp and lock files. */
export async function removeStaleWriteFiles(dir: string): Promise<void> {
  // One listing for both: studies/ of a large workspace holds 10,000 names.
  const names = await namesIn(dir);
  await removeStaleTempFiles(dir, STALE_TEMP_MS, names);
  await removeStaleLocks(dir, names);
}

/** The folder's entries; none when it cannot be read (gone, not a folder). */
async function namesIn(dir: string): Promise<string[]> {
  return fsp.readdir(dir).catch(() => []);
}

/**
 * Turns a failed write into an io_error a person can act on: what failed, why in plain
 * words, the system's code, and what to do. `action` reads like `save "Cache stampede"`.
 */
export function writeFailure(action: string, err: unknown): CasebookError {
  if (err instanceof CasebookError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const file = (err as NodeJS.ErrnoException | undefined)?.path;
  const where = file ? path.dirname(file) : 'the workspace folder';
  const advice: Record<string, string> = {
    ENOSPC: 'the disk is full (ENOSPC). Free some space and press Retry.',
    EDQUOT: 'your disk quota is used up (EDQUOT). Free some space and press Retry.',
    EACCES: `Casebook is not allowed to write in ${where} (EACCES). Check the folder's permissions, or open a workspace you can write to, then press Retry.`,
    EPERM: `the system refused the write in ${where} (EPERM). Check the folder's permissions and that no other program locks the file, then press Retry.`,
    EROFS: `the disk or folder is read-only (EROFS). Make it writable, or open the workspace from a writable place, then press Retry.`,
    EIO: 'the disk reported an input/output error (EIO). Check the disk or its connection, then press Retry.',
    ENOENT: `the folder ${where} is gone (ENOENT): was the workspace moved, renamed or its drive removed? Put it back, then press Retry.`,
    EMFILE: 'too many files are open (EMFILE). Close some programs, then press Retry.',
    ENFILE: 'too many files are open (ENFILE). Close some programs, then press Retry.',
  };
  const why =
    (code && advice[code]) ??
    `${(err as Error | undefined)?.message ?? String(err)}${code ? ` (${code})` : ''}. Press Retry.`;
  return new CasebookError('io_error', `Could not ${action}: ${why}`);
}

// --- Lock files: one read-modify-write of a file at a time, across processes -------------
// Each process (the app, the CLI, a second window) has its own in-memory queue, so a save's
// read-check-write could interleave with another process's and silently undo it. A lock file
// created with O_EXCL beside the target makes that sequence exclusive. A holder that died
// (SIGKILL, power cut) leaves its lock behind: it is broken when its process is gone (same
// host) or when it is older than any save could take.

export const LOCK_PREFIX = '.casebook-lock-';
const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

interface LockOwner {
  pid: number;
  host: string;
  at: number;
}

export function lockFileFor(target: string): string {
  return path.join(path.dirname(target), `${LOCK_PREFIX}${path.basename(target)}${LOCK_SUFFIX}`);
}

const STALE_ASIDE = '.stale-';

/**
 * Runs `task` while holding the lock file of `target`; waits for another holder to finish.
 * `what` names the target in the message when the wait is too long.
 */
export async function withFileLock<T>(
  target: string,
  task: () => Promise<T>,
  what = path.basename(target),
): Promise<T> {
  const lock = lockFileFor(target);
  const deadline = Date.now() + LOCK_WAIT_MS;
  // Stryker disable next-line UpdateOperator: the count only paces the retries
  for (let attempt = 0; ; attempt++) {
    if (await tryCreateLock(lock)) break;
    await refuseForeignLock(lock);
    if (await breakIfStale(lock)) continue;
    if (Date.now() > deadline) {
      const owner = await readLockOwner(lock);
      throw new CasebookError(
        'io_error',
        `Could not save ${what}: another Casebook${owner ? ` (process ${owner.pid})` : ''} has been saving it for over ${LOCK_WAIT_MS / 1000} s. Close it or wait, then press Retry.`,
      );
    }
    // Stryker disable next-line ArithmeticOperator,MethodExpression: the pause only paces the retries; no outcome depends on it
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt) * (0.5 + Math.random())));
  }
  try {
    return await task();
  } finally {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the lock is ours and there; force only matters if it were not
    await fsp.rm(lock, { force: true });
  }
}

async function tryCreateLock(lock: string): Promise<boolean> {
  let handle;
  try {
    handle = await fsp.open(lock, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * A workspace comes from git or a synced folder, so its lock name may hold anything: a FIFO
 * (a read blocks forever), a link to /dev/zero (a read never ends) or to a file elsewhere.
 * Casebook only ever makes regular files there; anything else is refused, not read or removed.
 */
async function refuseForeignLock(lock: string): Promise<void> {
  // Stryker disable next-line ArrowFunction: undefined reads as no entry, like null
  const stat = await fsp.lstat(lock).catch(() => null);
  if (!stat || stat.isFile()) return;
  throw new CasebookError(
    'io_error',
    `${lock} is ${entryKind(stat)}, not a lock file Casebook made, so nothing can be saved beside it. Remove it and try again.`,
  );
}

/** Far above the {pid, host, at} Casebook writes. */
const MAX_LOCK_BYTES = 4096;

async function readLockOwner(lock: string): Promise<LockOwner | null> {
  try {
    const bytes = await readRegularFile(lock, MAX_LOCK_BYTES);
    if (!bytes) return null;
    const owner = JSON.parse(bytes.toString('utf8')) as LockOwner;
    // A directive before `} catch` is read by nothing: this range reaches the catch block only.
    // Stryker disable BlockStatement: undefined reads as no owner, like null (the catch block below)
    return typeof owner.pid === 'number' && typeof owner.at === 'number' ? owner : null;
  } catch {
    return null;
  }
}
// Stryker restore BlockStatement

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes a lock whose holder is gone; true when the caller should try again at once. */
async function breakIfStale(lock: string): Promise<boolean> {
  let stat;
  try {
    stat = await fsp.lstat(lock);
  } catch {
    return true; // released meanwhile
  }
  const owner = await readLockOwner(lock);
  // A time ahead of the file's own (a planted or copied lock) must not keep it young forever.
  const age = Date.now() - Math.min(owner?.at ?? stat.mtimeMs, stat.mtimeMs);
  // An unreadable owner is a holder killed between creating and filling the file: give it a
  // moment in case it is still being written, then treat it by age.
  const stale = owner ? (owner.host === hostname() && processIsGone(owner.pid)) || age > LOCK_STALE_MS : age > 2_000;
  if (!stale) return false;
  // Move it aside before deleting so that two processes breaking the same stale lock do not
  // delete a fresh lock the other has just taken: only the one whose rename wins deletes.
  const aside = `${lock}${STALE_ASIDE}${randomBytes(6).toString('hex')}`;
  try {
    await fsp.rename(lock, aside);
  } catch {
    return true;
  }
  const moved = await readLockOwner(aside);
  if (owner && moved && (moved.pid !== owner.pid || moved.at !== owner.at)) {
    // We moved a lock taken after our check: put it back (link fails if another exists).
    await fsp.link(aside, lock).catch(() => undefined);
  }
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the aside file was just renamed into place
  await fsp.rm(aside, { force: true });
  return true;
}
