// Reading a workspace file that came through git: only regular files within a bound are read,
// and the reason a file is skipped names what it is (the author reads it in the quarantine
// list) and its size in words a person reads.
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, openSync, readdirSync } from 'node:fs';
import { mkdir, open, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  entryKind,
  formatBytes,
  lstatOrNull,
  openRegularFileSync,
  readFully,
  readPrefixSync,
  readRegularFile,
  readRegularFileOrNull,
  readRegularFileSync,
  refusal,
  UnreadableFileError,
} from '../../../src/core/node/regular-file';
import { withTempDir } from '../../helpers/temp-dir';

const onLinux = process.platform === 'linux';

describe('sizes in a reason', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [1536, '2 KB'],
    [1024 * 1024 - 1, '1024 KB'],
    [1024 * 1024, '1.0 MB'],
    [17 * 1024 * 1024, '17.0 MB'],
    [1024 ** 3 - 1, '1024.0 MB'],
    [1024 ** 3, '1.0 GB'],
    [1.5 * 1024 ** 3, '1.5 GB'],
  ])('%d bytes read as %s', (bytes, words) => {
    expect(formatBytes(bytes)).toBe(words);
  });
});

describe('what a skipped entry is called', () => {
  it('names links, folders, pipes, sockets and devices', async () =>
    withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      await writeFile(file, '{}');
      await symlink(file, path.join(dir, 'link.json'));
      await mkdir(path.join(dir, 'folder.json'));
      expect(entryKind(lstatSync(path.join(dir, 'link.json')))).toBe('a symbolic link');
      expect(entryKind(lstatSync(path.join(dir, 'folder.json')))).toBe('a folder');
      expect(entryKind(lstatSync(file))).toBe('a file');
      if (!onLinux) return;
      expect(entryKind(lstatSync('/dev/null'))).toBe('a device');
      const fifo = path.join(dir, 'pipe.json');
      spawnSync('mkfifo', [fifo]);
      expect(entryKind(lstatSync(fifo))).toBe('a named pipe (FIFO)');
      const socketPath = path.join(dir, 'socket.json');
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(socketPath, resolve));
      try {
        expect(entryKind(lstatSync(socketPath))).toBe('a socket');
        expect(refusal(socketPath, lstatSync(socketPath), 100)?.message).toBe(
          `${socketPath}: it is a socket, not a regular file`,
        );
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }));

  it('refuses a link without following it, and sets aside only a file too large', async () =>
    withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      await writeFile(file, '0123456789');
      await symlink(file, path.join(dir, 'link.json'));
      const link = refusal('link.json', lstatSync(path.join(dir, 'link.json')), 100);
      expect(link).toBeInstanceOf(UnreadableFileError);
      expect(link?.name).toBe('UnreadableFileError');
      expect(link?.message).toMatch(/^link\.json: it is a symbolic link; Casebook does not follow links/);
      expect(link?.setAside).toBe(false);
      expect(refusal('a.json', lstatSync(file), 10)).toBeNull();
      const big = refusal('a.json', lstatSync(file), 9);
      expect(big?.message).toBe('a.json: the file is too large (10 bytes; Casebook reads files up to 9 bytes)');
      expect(big?.setAside).toBe(true);
    }));
});

describe('reading a file', () => {
  it('reads a regular file up to and including the bound, and nothing past it', async () =>
    withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      await writeFile(file, '0123456789');
      expect((await readRegularFile(file, 10))?.toString()).toBe('0123456789');
      expect((await readRegularFileOrNull(file, 10))?.toString()).toBe('0123456789');
      await expect(readRegularFile(file, 9)).rejects.toMatchObject({ setAside: true });
      expect(await readRegularFileOrNull(file, 9)).toBeNull();
      expect(await readRegularFile(path.join(dir, 'missing.json'))).toBeNull();
      expect(await readRegularFileOrNull(path.join(dir, 'missing.json'), 10)).toBeNull();
    }));

  it('refuses links and folders, and says so', async () =>
    withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      await writeFile(file, '{}');
      await symlink(file, path.join(dir, 'link.json'));
      await mkdir(path.join(dir, 'folder.json'));
      await expect(readRegularFile(path.join(dir, 'link.json'))).rejects.toThrow(/symbolic link/);
      await expect(readRegularFile(path.join(dir, 'folder.json'))).rejects.toThrow(
        /it is a folder, not a regular file/,
      );
      expect(await readRegularFileOrNull(path.join(dir, 'link.json'), 100)).toBeNull();
      expect(await readRegularFileOrNull(path.join(dir, 'folder.json'), 100)).toBeNull();
    }));

  // Files whose size the system does not know in advance (stat says 0, like a file growing while
  // it is read) are read to their end, and still never past the bound.
  it.runIf(onLinux)('reads a file longer than its stat said, up to the bound', async () => {
    const whole = await readRegularFile('/proc/version', 1 << 20);
    expect(whole?.toString()).toMatch(/^Linux version /);
    const length = whole?.length ?? 0;
    expect((await readRegularFile('/proc/version', length))?.toString()).toBe(whole?.toString());
    await expect(readRegularFile('/proc/version', length - 1)).rejects.toThrow(
      `the file is too large (${formatBytes(length)}; Casebook reads files up to ${formatBytes(length - 1)})`,
    );
  });
});

describe('reading a span of an open file', () => {
  it('fills the buffer from the position given, and says false when the file ends first (it shrank since it was opened)', async () =>
    withTempDir(async (dir) => {
      const file = path.join(dir, 'a.bin');
      await writeFile(file, '0123456789');
      const handle = await open(file, 'r');
      try {
        const span = Buffer.alloc(4);
        expect(await readFully(handle, span, 3)).toBe(true);
        expect(span.toString()).toBe('3456');
        expect(await readFully(handle, Buffer.alloc(0), 10)).toBe(true);
        await truncate(file, 5);
        expect(await readFully(handle, span, 3)).toBe(false);
      } finally {
        await handle.close();
      }
    }));
});

describe('reading a file synchronously (study heads, assets)', () => {
  it('reads a regular file within the bound, and nothing else', async () =>
    withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      await writeFile(file, '0123456789');
      await symlink(file, path.join(dir, 'link.json'));
      await mkdir(path.join(dir, 'folder.json'));
      expect(readRegularFileSync(file, 10)?.toString()).toBe('0123456789');
      expect(readRegularFileSync(file, 9)).toBeNull();
      expect(readRegularFileSync(path.join(dir, 'link.json'), 100)).toBeNull();
      expect(readRegularFileSync(path.join(dir, 'folder.json'), 100)).toBeNull();
      expect(readRegularFileSync(path.join(dir, 'missing.json'), 100)).toBeNull();
      expect(openRegularFileSync(path.join(dir, 'folder.json'))).toBeNull();
      const opened = openRegularFileSync(file);
      expect(opened?.stat.size).toBe(10);
      if (opened) closeSync(opened.fd);
    }));

  it('reads a prefix, or the whole file when it is shorter', async () =>
    withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      await writeFile(file, '0123456789');
      const fd = openSync(file, 'r');
      try {
        expect(readPrefixSync(fd, 4).toString()).toBe('0123');
        expect(readPrefixSync(fd, 100).toString()).toBe('0123456789');
      } finally {
        closeSync(fd);
      }
    }));
});

describe('what goes wrong otherwise', () => {
  it('answers null for a missing entry, and passes on any other failure as it comes', async () =>
    withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      await writeFile(file, '{}');
      expect(lstatOrNull(path.join(dir, 'missing.json'))).toBeNull();
      expect(lstatOrNull(file)?.isFile()).toBe(true);
      // A path through a file (a name git turned from a folder into a file) is not "missing".
      await expect(readRegularFile(path.join(file, 'x.json'))).rejects.toMatchObject({ code: 'ENOTDIR' });
      await expect(readRegularFileOrNull(path.join(file, 'x.json'), 100)).rejects.toMatchObject({ code: 'ENOTDIR' });
    }));

  // Thousands of studies are read at open: a descriptor left open on each would run out.
  it.runIf(onLinux)('leaves no file open after reads, refusals and sync reads', async () =>
    withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      await writeFile(file, '0123456789');
      await mkdir(path.join(dir, 'folder.json'));
      const open = () => readdirSync('/proc/self/fd').length;
      const before = open();
      for (let i = 0; i < 20; i++) {
        await readRegularFile(file);
        await readRegularFileOrNull(file, 5);
        readRegularFileSync(file, 100);
        readRegularFileSync(path.join(dir, 'folder.json'), 100);
      }
      expect(open()).toBe(before);
    }),
  );
});
