// A study's section texts read back from the index file on demand (search-index-texts.ts):
// bytes that match their digest and hold that study's four texts give them; anything else
// (the file gone, bytes changed, well-hashed bytes of the wrong shape) gives no texts, tells
// `damaged`, and never throws. Each read closes the file it opened.
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_TEXTS, readTexts, textBytes, textDigest, type TextPlace } from '../../../src/core/node/search-index-texts';
import { withTempDir } from '../../helpers/temp-dir';

const texts = { problem: 'P', decisions: 'D — ünïcode', tradeoffs: 'T', lessons: 'L' };

/** Writes `bytes` after a few bytes of something else, and says where they lie. */
async function placed(dir: string, bytes: Buffer, digest = textDigest(bytes)): Promise<TextPlace> {
  const file = path.join(dir, 'search-index.bin');
  await writeFile(file, Buffer.concat([Buffer.from('HEAD'), bytes, Buffer.from('TAIL')]));
  return { file, id: 'study-1', offset: 4, length: bytes.length, digest };
}

function reader(): { damaged: (id: string) => void; told: string[] } {
  const told: string[] = [];
  return { damaged: (id) => void told.push(id), told };
}

describe("reading a study's texts from the index file", () => {
  it('gives the texts whose bytes match their digest', async () => {
    await withTempDir(async (dir) => {
      const place = await placed(dir, textBytes('study-1', texts));
      const { damaged, told } = reader();
      expect(readTexts(place, damaged)).toEqual(texts);
      expect(told).toEqual([]);
    });
  });

  const wrong: Array<[string, Buffer]> = [
    ['not a list', Buffer.from('{"problem":"P"}')],
    ["another study's", textBytes('study-2', texts)],
    ['a text that is not a string', Buffer.from(JSON.stringify(['study-1', 1, 'D', 'T', 'L']))],
    ['not JSON', Buffer.from('["study-1", "P"')],
  ];
  for (const [name, bytes] of wrong)
    it(`gives no texts, and says so, for well-hashed bytes ${name}`, async () => {
      await withTempDir(async (dir) => {
        const { damaged, told } = reader();
        expect(readTexts(await placed(dir, bytes), damaged)).toEqual(NO_TEXTS);
        expect(told).toEqual(['study-1']);
      });
    });

  it('gives no texts for bytes changed since, a file gone or cut short', async () => {
    await withTempDir(async (dir) => {
      const bytes = textBytes('study-1', texts);
      const { damaged, told } = reader();
      const place = await placed(dir, bytes, textDigest(textBytes('study-1', { ...texts, lessons: 'M' })));
      expect(readTexts(place, damaged)).toEqual(NO_TEXTS);
      expect(readTexts({ ...place, file: path.join(dir, 'gone.bin') }, damaged)).toEqual(NO_TEXTS);
      // The file cut short since: the read ends at its end.
      const sound = await placed(dir, bytes);
      expect(readTexts({ ...sound, length: bytes.length + 100 }, damaged)).toEqual(NO_TEXTS);
      expect(told).toEqual(['study-1', 'study-1', 'study-1']);
    });
  });

  it.runIf(existsSync('/proc/self/fd'))('closes the file after each read, whatever it held', async () => {
    await withTempDir(async (dir) => {
      const good = await placed(dir, textBytes('study-1', texts));
      const before = readdirSync('/proc/self/fd').length;
      for (let i = 0; i < 20; i++) readTexts(good, () => undefined);
      const bad = await placed(dir, Buffer.from('["study-1"'));
      for (let i = 0; i < 20; i++) readTexts(bad, () => undefined);
      expect(readdirSync('/proc/self/fd').length).toBeLessThan(before + 10);
    });
  });
});
