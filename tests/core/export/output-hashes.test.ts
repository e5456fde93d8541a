// How the writer knows a page is unchanged: by its bytes, also for an image handed over as a
// view into a larger buffer, and with a memory of text hashes that stays within its bound.
import { stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { hashOf, sha1 } from '../../../src/core/node/export/output-hashes';
import { writeOutput } from '../../../src/core/node/export/output-writer';
import { withTempDir } from '../../helpers/temp-dir';

/** A new modification time, as a backup tool or `touch` gives. */
async function touch(file: string): Promise<void> {
  const later = new Date(Date.now() + 60_000);
  await utimes(file, later, later);
}

describe('an image handed over as a view into a larger buffer', () => {
  it('is written as exactly its bytes, and found unchanged next time', async () => {
    await withTempDir(async (out) => {
      const whole = Uint8Array.from({ length: 64 }, (_, i) => i);
      const image = whole.subarray(8, 24); // same bytes, another offset, each run
      await writeOutput(out, [{ path: 'img/x.png', contents: image }], { format: 'site' });
      const file = path.join(out, 'img/x.png');
      expect((await stat(file)).size).toBe(16);
      await touch(file); // so the bytes are compared, not only the time and size
      const before = await stat(file);
      const again = Uint8Array.from({ length: 40 }, (_, i) => i).subarray(8, 24);
      const result = await writeOutput(out, [{ path: 'img/x.png', contents: again }], { format: 'site' });
      expect(result).toEqual({ written: 0, unchanged: 1, removed: 0, kept: [] });
      expect((await stat(file)).ino).toBe(before.ino);
    });
  });

  it('counts its bytes, not its characters, for a page with non-ASCII text', async () => {
    await withTempDir(async (out) => {
      const files = [{ path: 'index.html', contents: 'Ünïcödé — 日本語' }];
      await writeOutput(out, files, { format: 'site' });
      await touch(path.join(out, 'index.html'));
      expect(await writeOutput(out, files, { format: 'site' })).toMatchObject({ written: 0, unchanged: 1 });
    });
  });
});

describe('the memory of text hashes', () => {
  it('gives the same hash as hashing afresh, for text and bytes', () => {
    const memory = new ExportMemory();
    expect(hashOf('page', memory)).toBe(sha1('page'));
    expect(hashOf('page', memory)).toBe(sha1(Buffer.from('page')));
    expect(hashOf(Uint8Array.from([1, 2]), memory)).toBe(sha1(Uint8Array.from([1, 2])));
    expect(memory.textHashes.size).toBe(1); // bytes are not remembered
  });

  it('forgets old texts rather than grow past its bound (48 million characters)', () => {
    const memory = new ExportMemory();
    const texts = Array.from({ length: 6 }, (_, i) => `${i}`.repeat(10_000_000));
    for (const text of texts) hashOf(text, memory);
    expect(memory.textHashChars).toBeLessThanOrEqual(48_000_000);
    expect(memory.textHashChars).toBe(memory.textHashes.size * 10_000_000);
    expect(memory.textHashes.has(texts[5]!)).toBe(true);
    expect(memory.textHashes.has(texts[0]!)).toBe(false);
  });
});
