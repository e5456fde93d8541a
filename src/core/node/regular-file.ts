// Reading files of a workspace, which is shared through git and so untrusted: only regular
// files are read, never through a symbolic link, never blocking, and never more than a bound.
// A FIFO would block a plain read forever, /dev/zero would never end, a folder named x.json
// fails with EISDIR, and a link may point anywhere on the disk. So: lstat first (a link is
// refused, not followed), open with O_NOFOLLOW | O_NONBLOCK (the name may have been swapped
// since the lstat), fstat the open descriptor to confirm a regular file of bounded size, and
// read at most the bound.
import { closeSync, constants, fstatSync, lstatSync, openSync, promises as fsp, readSync, type Stats } from 'node:fs';

/**
 * The largest workspace JSON file Casebook reads (a study, the settings, a template): far
 * above any real study (a long one is well under 1 MB; images live in assets/).
 */
export const MAX_STUDY_FILE_BYTES = 16 * 1024 * 1024;

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows (0 there: no effect), where the lstat
// and fstat checks still hold.
const SAFE_OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Why a file was not read; `setAside` says whether moving it to .quarantine/ is safe and useful. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** A regular file that is too large: damage to set aside. Otherwise: skip and leave it. */
    readonly setAside: boolean,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

/** What kind of entry a stat describes, in words for a reason. */
export function entryKind(stat: Stats): string {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  // A file where a folder belongs ("studies" as a file) reads as one.
  return stat.isFile() ? 'a file' : 'an entry of another kind';
}

/** Null when `stat` is a regular file within `maxBytes`, else the error to raise. */
export function refusal(file: string, stat: Stats, maxBytes: number): UnreadableFileError | null {
  if (stat.isSymbolicLink()) return linkRefusal(file);
  if (!stat.isFile()) return new UnreadableFileError(file, `it is ${entryKind(stat)}, not a regular file`, false);
  if (stat.size > maxBytes) return tooLarge(file, stat.size, maxBytes);
  return null;
}

function linkRefusal(file: string): UnreadableFileError {
  return new UnreadableFileError(
    file,
    'it is a symbolic link; Casebook does not follow links in a workspace (replace it with the file itself)',
    false,
  );
}

function tooLarge(file: string, size: number, maxBytes: number): UnreadableFileError {
  return new UnreadableFileError(
    file,
    `the file is too large (${formatBytes(size)}; Casebook reads files up to ${formatBytes(maxBytes)})`,
    true,
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The lstat of `file`, or null when it does not exist. */
export function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/**
 * A regular file opened for reading without following a link or blocking, with its fstat
 * (judged: not a link, regular, at most `maxBytes`). Null when it does not exist;
 * UnreadableFileError when refused; other I/O errors (EACCES, EIO) are thrown as they come.
 * The caller closes the handle.
 */
export async function openRegularFile(
  file: string,
  maxBytes: number,
): Promise<{ handle: fsp.FileHandle; stat: Stats } | null> {
  let stat: Stats;
  try {
    stat = await fsp.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const refused = refusal(file, stat, maxBytes);
  if (refused) throw refused;
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, SAFE_OPEN_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // Swapped for a link since the lstat (O_NOFOLLOW answers ELOOP).
    if (code === 'ELOOP') throw linkRefusal(file);
    throw err;
  }
  try {
    const opened = await handle.stat();
    const swapped = refusal(file, opened, maxBytes);
    if (swapped) throw swapped;
    // A different inode than the lstat saw is fine: another writer's atomic save renamed a new
    // file into place meanwhile; the fstat above judged the file actually opened.
    return { handle, stat: opened };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/**
 * The bytes of a regular file, read without following a link or blocking. Null when it does
 * not exist; UnreadableFileError when it is not a regular file or larger than `maxBytes`;
 * other I/O errors (EACCES, EIO) are thrown as they come.
 */
export async function readRegularFile(
  file: string,
  maxBytes = MAX_STUDY_FILE_BYTES,
): Promise<Buffer<ArrayBuffer> | null> {
  const opened = await openRegularFile(file, maxBytes);
  if (!opened) return null;
  const { handle } = opened;
  try {
    // Read to the end or just past the bound, not to the size fstat gave: the file may grow
    // while it is read (another program appending to it).
    let buf = Buffer.allocUnsafe(Math.min(opened.stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (length > maxBytes) throw tooLarge(file, length, maxBytes);
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buf.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** Reads exactly `into.length` bytes at `position` of an open file; false when the file ends before. */
export async function readFully(handle: fsp.FileHandle, into: Buffer, position: number): Promise<boolean> {
  for (let got = 0; got < into.length;) {
    const { bytesRead } = await handle.read(into, got, into.length - got, position + got);
    if (bytesRead === 0) return false;
    got += bytesRead;
  }
  return true;
}

/** The bytes of a regular file, or null when it is missing, a link, not regular or over `maxBytes`. */
export async function readRegularFileOrNull(file: string, maxBytes: number): Promise<Buffer<ArrayBuffer> | null> {
  try {
    return await readRegularFile(file, maxBytes);
  } catch (err) {
    if (err instanceof UnreadableFileError) return null;
    throw err;
  }
}

/**
 * Opens a regular file for a synchronous partial read (the study head reader); null when it
 * is missing, a link, not a regular file or over `maxBytes`. The caller closes the fd.
 */
export function openRegularFileSync(file: string, maxBytes = MAX_STUDY_FILE_BYTES): { fd: number; stat: Stats } | null {
  const before = lstatOrNull(file);
  if (!before || refusal(file, before, maxBytes)) return null;
  let fd: number;
  try {
    fd = openSync(file, SAFE_OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!refusal(file, stat, maxBytes)) return { fd, stat };
  } catch {
    // fall through: closed below
  }
  closeSync(fd);
  return null;
}

/** Reads up to `length` bytes from the start of an open file. */
export function readPrefixSync(fd: number, length: number): Buffer<ArrayBuffer> {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** The bytes of a regular file (sync), or null when missing, a link, not regular or over `maxBytes`. */
export function readRegularFileSync(file: string, maxBytes: number): Buffer<ArrayBuffer> | null {
  return readRegularFileStatSync(file, maxBytes)?.bytes ?? null;
}

/** As readRegularFileSync, with the stat of the file as opened (its stamp while it was read). */
export function readRegularFileStatSync(
  file: string,
  maxBytes: number,
): { bytes: Buffer<ArrayBuffer>; stat: Stats } | null {
  const opened = openRegularFileSync(file, maxBytes);
  if (!opened) return null;
  try {
    return { bytes: readPrefixSync(opened.fd, Math.min(opened.stat.size, maxBytes)), stat: opened.stat };
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}
