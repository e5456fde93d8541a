// Full disk and read-only folders: a failed save leaves every file on disk as it was and
// tells the user what went wrong and what to do. Tests run as root, where chmod stops
// nothing, so the failures are injected into the store's real write path.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeAtomicWriteOps } from '../../src/core/node/atomic-write';
import { openWorkspace } from '../../src/core/node/casebook-service';
import { withTempDir } from '../helpers/temp-dir';

function systemError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} failed, '${file}'`), { code, syscall, path: file });
}

/** Every file in the workspace with its hash: equal before and after means nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fsp.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256')
      .update(await fsp.readFile(file))
      .digest('hex');
  }
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const failures = [
  {
    label: 'the disk fills up while the file is written',
    inject: () =>
      vi.spyOn(nodeAtomicWriteOps, 'writeAndSync').mockImplementation(async (temp) => {
        await fsp.writeFile(temp, '{"half": "a file'); // the part that fitted
        throw systemError('ENOSPC', 'write', temp);
      }),
    message: /^Could not save "Cache stampede": the disk is full \(ENOSPC\)\. Free some space and press Retry\.$/,
  },
  {
    label: 'the folder may not be written (permissions)',
    inject: () =>
      vi.spyOn(nodeAtomicWriteOps, 'writeAndSync').mockImplementation(async (temp) => {
        throw systemError('EACCES', 'open', temp);
      }),
    message:
      /^Could not save "Cache stampede": Casebook is not allowed to write in .*studies \(EACCES\)\. Check the folder's permissions.*press Retry\.$/,
  },
  {
    label: 'the disk is mounted read-only',
    inject: () =>
      vi.spyOn(nodeAtomicWriteOps, 'rename').mockImplementation(async (from) => {
        throw systemError('EROFS', 'rename', from);
      }),
    message: /^Could not save "Cache stampede": the disk or folder is read-only \(EROFS\)\. .*press Retry\.$/,
  },
  {
    label: 'the system refuses the write (EPERM, e.g. a virus scanner holds the file)',
    inject: () =>
      vi.spyOn(nodeAtomicWriteOps, 'rename').mockImplementation(async (from) => {
        throw systemError('EPERM', 'rename', from);
      }),
    message: /^Could not save "Cache stampede": the system refused the write .*\(EPERM\)\. .*press Retry\.$/,
  },
];

describe('a save that fails', () => {
  for (const failure of failures) {
    it(`when ${failure.label}: keeps every file as it was, says what to do, and Retry then works`, async () => {
      await withTempDir(async (dir) => {
        const service = await openWorkspace(dir);
        const study = await service.createStudy({ title: 'Cache stampede' });
        await service.updateStudy({ id: study.id, patch: { summary: 'saved before the failure' } });
        const before = await snapshot(dir);

        const spy = failure.inject();
        const attempt = service.updateStudy({ id: study.id, patch: { summary: 'typed during the failure' } });
        await expect(attempt).rejects.toMatchObject({
          code: 'io_error',
          message: expect.stringMatching(failure.message),
        });
        expect(spy).toHaveBeenCalled();
        // Nothing damaged, nothing left behind (no temp file, no lock file).
        expect(await snapshot(dir)).toEqual(before);
        expect((await service.getStudy({ id: study.id })).summary).toBe('saved before the failure');

        spy.mockRestore();
        const retried = await service.updateStudy({ id: study.id, patch: { summary: 'typed during the failure' } });
        expect(retried.summary).toBe('typed during the failure');
        expect((await (await openWorkspace(dir)).getStudy({ id: study.id })).summary).toBe('typed during the failure');
      });
    });
  }

  it('creating a study on a full disk adds no file and says so', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      await service.listStudies({});
      const before = await snapshot(dir);
      failures[0]!.inject();
      await expect(service.createStudy({ title: 'Cache stampede' })).rejects.toMatchObject({
        code: 'io_error',
        message: expect.stringMatching(failures[0]!.message),
      });
      expect(await snapshot(dir)).toEqual(before);
      expect(await service.listStudies({})).toEqual([]);
    });
  });

  it('site settings on a full disk: the file is kept and the message names them', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const before = await snapshot(dir);
      failures[0]!.inject();
      await expect(service.updateSite({ patch: { title: 'Acme' } })).rejects.toMatchObject({
        code: 'io_error',
        message: 'Could not save the site settings: the disk is full (ENOSPC). Free some space and press Retry.',
      });
      expect(await snapshot(dir)).toEqual(before);
    });
  });

  it('when the folder flush fails after the rename, the file on disk is the whole new version', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Cache stampede' });
      vi.spyOn(nodeAtomicWriteOps, 'syncDir').mockRejectedValue(systemError('EIO', 'fsync', dir));
      await expect(service.updateStudy({ id: study.id, patch: { summary: 'new' } })).rejects.toMatchObject({
        code: 'io_error',
        message: expect.stringMatching(/input\/output error \(EIO\)\. Check the disk/),
      });
      vi.restoreAllMocks();
      // Reported as failed (durability unknown), but never half written.
      expect((await (await openWorkspace(dir)).getStudy({ id: study.id })).summary).toBe('new');
    });
  });

  it('moving to the trash on a read-only disk keeps the study where it was', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const study = await service.createStudy({ title: 'Cache stampede' });
      const before = await snapshot(dir);
      vi.spyOn(fsp, 'rename').mockRejectedValue(systemError('EROFS', 'rename', dir));
      await expect(service.deleteStudy({ id: study.id })).rejects.toMatchObject({
        code: 'io_error',
        message: expect.stringMatching(
          /^Could not move "Cache stampede" to the trash: the disk or folder is read-only/,
        ),
      });
      vi.restoreAllMocks();
      expect(await snapshot(dir)).toEqual(before);
      expect((await service.listStudies({})).map((s) => s.id)).toEqual([study.id]);
    });
  });
});
