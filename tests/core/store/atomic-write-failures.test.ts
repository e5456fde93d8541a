// A write that fails changes nothing and reports the failure that matters: the write's own, not
// a failed clean-up after it; what such a write leaves behind is swept at the next open.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nodeAtomicWriteOps,
  removeStaleTempFiles,
  writeFileAtomic,
  type AtomicWriteOps,
} from '../../../src/core/node/atomic-write';
import { withTempDir } from '../../helpers/temp-dir';

const systemError = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('a failed atomic write', () => {
  it('reports the write’s own failure when cleaning up fails too, and keeps the old file', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'study.json');
      await writeFile(file, 'old');
      const ops: AtomicWriteOps = {
        ...nodeAtomicWriteOps,
        async writeAndSync(temp, data) {
          await nodeAtomicWriteOps.writeAndSync(temp, data);
          throw systemError('ENOSPC');
        },
        async remove() {
          throw systemError('EIO');
        },
      };
      await expect(writeFileAtomic(file, 'new', ops)).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await readFile(file, 'utf8')).toBe('old');
      // The temp file it could not remove is swept at the next open.
      expect(await removeStaleTempFiles(dir)).toBe(1);
      expect(await readdir(dir)).toEqual(['study.json']);
    });
  });

  it('flushes the folder only after the new file is in place', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'study.json');
      const steps: string[] = [];
      const ops: AtomicWriteOps = {
        ...nodeAtomicWriteOps,
        async writeAndSync(temp, data) {
          steps.push(`write ${path.basename(temp).startsWith('.casebook-tmp-study.json-') ? 'temp' : temp}`);
          await nodeAtomicWriteOps.writeAndSync(temp, data);
        },
        async rename(from, to) {
          steps.push(`rename to ${path.basename(to)}`);
          await nodeAtomicWriteOps.rename(from, to);
        },
        async syncDir(folder) {
          steps.push(`flush ${folder === dir ? 'its folder' : folder}: ${await readFile(file, 'utf8')}`);
        },
      };
      await writeFileAtomic(file, 'new', ops);
      expect(steps).toEqual(['write temp', 'rename to study.json', 'flush its folder: new']);
    });
  });
});
