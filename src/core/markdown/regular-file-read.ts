// Reads a file only when it is a regular file of bounded size. A FIFO, socket or device is
// refused from its lstat before it is opened (opening a FIFO blocks until a writer comes; a
// device may never end), and the open itself neither blocks nor follows a last-moment link.
import { constants, promises as fsp, type Stats } from 'node:fs';

/** Why a file was not read, as a sentence a person can act on. */
export class ReadRefused extends Error {}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export function describeKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The file's bytes; throws ReadRefused (or the I/O error) otherwise. `file` should be a real path. */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  const before = await fsp.lstat(file);
  if (!before.isFile()) throw new ReadRefused(`it is ${describeKind(before)}, not a regular file`);
  if (before.size > maxBytes) throw tooLarge(before.size, maxBytes);
  const handle = await fsp.open(file, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.ino !== before.ino || info.dev !== before.dev) {
      throw new ReadRefused('it was replaced while it was being read');
    }
    // Read at most one byte past the limit: a file that grows meanwhile is still bounded.
    let buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(length, maxBytes);
        const bigger = Buffer.alloc(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function tooLarge(size: number, maxBytes: number): ReadRefused {
  const what = size > maxBytes + 1 ? megabytes(size) : `larger than ${megabytes(maxBytes)}`;
  return new ReadRefused(`it is ${what}, over the limit of ${megabytes(maxBytes)}`);
}
