// The summary cache's signature says who wrote it, not that every entry is sound: a signed
// cache (a bug in an older Casebook, a hand edit re-signed by a script) is still read as
// untrusted data. Entries of the wrong shape are left out one by one, a cache laid out
// otherwise is not used, and reading it never throws; writing one without a secret fails.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CACHE_DIR,
  ensureCacheDir,
  readSummaryCache,
  summaryCacheMac,
  summaryCachePath,
  writeSummaryCache,
} from '../../../src/core/node/summary-cache';
import { toSummary } from '../../../src/core/pure/schemas/study';
import { withTempDir } from '../../helpers/temp-dir';
import { sampleStudy } from '../../helpers/study-files';

/** Writes `studies` as a cache signed with this user's secret, laid out as the writer lays it out. */
async function writeSigned(workspace: string, studies: unknown, end = '}\n'): Promise<void> {
  const mac = await summaryCacheMac(studies);
  await fsp.mkdir(path.join(workspace, CACHE_DIR), { recursive: true });
  const envelope = JSON.stringify({ format: 1, note: 'n', mac });
  await fsp.writeFile(
    summaryCachePath(workspace),
    `${envelope.slice(0, -1)},"studies":${JSON.stringify(studies)}${end}`,
  );
}

const good = { id: 'study-1', mtimeMs: 1_000, size: 10, summary: toSummary(sampleStudy(1)) };

describe('a signed summary cache', () => {
  it('is read as written', async () => {
    await withTempDir(async (dir) => {
      await writeSigned(dir, [good]);
      expect([...(await readSummaryCache(dir)).keys()]).toEqual(['study-1']);
    });
  });

  it('keeps only the entries of the right shape, without throwing on any', async () => {
    await withTempDir(async (dir) => {
      const hostile = [
        null,
        5,
        'study-2',
        { id: 3, mtimeMs: 1, size: 1, summary: { id: 3 } },
        { id: 'study-4', mtimeMs: '1', size: 1, summary: { id: 'study-4' } },
        { id: 'study-5', mtimeMs: 1, size: '1', summary: { id: 'study-5' } },
        { id: 'study-6', mtimeMs: 1, size: 1, summary: null },
        { id: 'study-7', mtimeMs: 1, size: 1, summary: { id: 'study-8' } },
      ];
      await writeSigned(dir, [...hostile, good]);
      const read = await readSummaryCache(dir);
      expect([...read.keys()]).toEqual(['study-1']);
      expect(read.get('study-1')).toEqual({ mtimeMs: 1_000, size: 10, summary: good.summary });
    });
  });

  it('holding something other than a list of studies is empty', async () => {
    await withTempDir(async (dir) => {
      for (const studies of [{ 0: good, length: 1 }, 'study-1', null]) {
        await writeSigned(dir, studies);
        expect((await readSummaryCache(dir)).size).toBe(0);
      }
    });
  });

  it('is not used when it does not end as the writer ends it, though the studies are as signed', async () => {
    await withTempDir(async (dir) => {
      await writeSigned(dir, [good], ']\n');
      expect((await readSummaryCache(dir)).size).toBe(0);
      await writeSigned(dir, [good], '}\n');
      expect((await readSummaryCache(dir)).size).toBe(1);
    });
  });
});

describe('a summary cache with a large envelope', () => {
  it('is not used, and not parsed: the envelope Casebook writes is a few hundred bytes', async () => {
    await withTempDir(async (dir) => {
      const mac = await summaryCacheMac([good]);
      await fsp.mkdir(path.join(dir, CACHE_DIR), { recursive: true });
      const write = (note: string) =>
        fsp.writeFile(
          summaryCachePath(dir),
          `${JSON.stringify({ format: 1, note, mac }).slice(0, -1)},"studies":${JSON.stringify([good])}}\n`,
        );
      await write('n'.repeat(2_000));
      expect((await readSummaryCache(dir)).size).toBe(1);
      await write('n'.repeat(5_000));
      expect((await readSummaryCache(dir)).size).toBe(0);
    });
  });
});

describe('writing the summary cache', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('fails, writing no cache, when there is no per-user secret to sign it with', async () => {
    await withTempDir(async (dir) => {
      // The state folder cannot be made: a file stands where its parent would be.
      await fsp.writeFile(path.join(dir, 'not-a-folder'), '');
      vi.stubEnv('CASEBOOK_STATE_DIR', path.join(dir, 'not-a-folder', 'state'));
      const workspace = path.join(dir, 'ws');
      await fsp.mkdir(workspace);
      await expect(writeSummaryCache(workspace, [[good.id, good]])).rejects.toThrow(/per-user secret/);
      await expect(fsp.access(summaryCachePath(workspace))).rejects.toThrow();
    });
  });

  it('does not make a workspace folder that is gone', async () => {
    await withTempDir(async (dir) => {
      const gone = path.join(dir, 'gone');
      await expect(ensureCacheDir(gone)).rejects.toThrow();
      await expect(fsp.access(gone)).rejects.toThrow();
    });
  });
});
