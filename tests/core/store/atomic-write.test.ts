import { readdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nodeAtomicWriteOps,
  removeStaleTempFiles,
  TEMP_PREFIX,
  withFileLock,
  writeFileAtomic,
} from '../../../src/core/node/atomic-write';
import { withTempDir } from '../../helpers/temp-dir';

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      await writeFileAtomic(file, 'one');
      await writeFileAtomic(file, 'two');
      expect(await readFile(file, 'utf8')).toBe('two');
      expect(await readdir(dir)).toEqual(['a.json']);
    });
  });

  it('leaves the old file intact when interrupted between temp file and rename', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'study.json');
      await writeFile(file, 'old contents');
      let tempWritten = '';
      const interrupted = {
        ...nodeAtomicWriteOps,
        async writeAndSync(temp: string, data: string) {
          await nodeAtomicWriteOps.writeAndSync(temp, data);
          tempWritten = temp;
        },
        async rename() {
          throw new Error('power cut');
        },
        async remove() {
          // A crash gets no chance to clean up: the temp file stays behind.
        },
      };
      await expect(writeFileAtomic(file, 'new contents', interrupted)).rejects.toThrow('power cut');
      expect(await readFile(file, 'utf8')).toBe('old contents');
      expect(await readFile(tempWritten, 'utf8')).toBe('new contents');
      // The next start sweeps the orphan away without touching the real file.
      expect(await removeStaleTempFiles(dir)).toBe(1);
      expect(await readdir(dir)).toEqual(['study.json']);
    });
  });

  it('cleans its temp file when the write itself fails', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'x.json');
      const failing = {
        ...nodeAtomicWriteOps,
        async writeAndSync(temp: string) {
          await writeFile(temp, 'partial');
          throw new Error('disk full');
        },
      };
      await expect(writeFileAtomic(file, 'data', failing)).rejects.toThrow('disk full');
      expect((await readdir(dir)).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
    });
  });
});

// A long session saves thousands of times: a descriptor left open by each save would run out.
describe.runIf(process.platform === 'linux')('files left open', () => {
  it('none after saves, with or without the lock', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'a.json');
      const open = () => readdirSync('/proc/self/fd').length;
      await writeFileAtomic(file, 'warm-up');
      const before = open();
      for (let i = 0; i < 20; i++) {
        await withFileLock(file, () => writeFileAtomic(file, `save ${i}`));
      }
      expect(open()).toBe(before);
      expect(await readFile(file, 'utf8')).toBe('save 19');
    });
  });
});
