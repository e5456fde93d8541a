// The full-text index file itself (search-index-file.ts), written and read directly: what is
// written comes back exactly, study by study and in bulk, however many read chunks its word
// pairs span; and a file that is not exactly what this Casebook writes — even one signed by
// this user with a matching hash — is refused as a whole (null: the caller indexes the study
// files), each field of its header checked for type and range.
import { readdirSync } from 'node:fs';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  readSearchIndex,
  searchIndexPath,
  writeSearchIndex,
  type PersistedStudy,
} from '../../../src/core/node/search-index-file';
import { localSecret, signedText, verifiedBody } from '../../../src/core/node/local-secret';
import { withTempDir } from '../../helpers/temp-dir';

function study(id: string, words: string[], extra: Partial<PersistedStudy> = {}): PersistedStudy {
  return {
    id,
    words,
    bits: Uint8Array.from(words, (_, i) => (i % 7) + 1),
    mtimeMs: 1_700_000_000_000 + id.length,
    size: 1000 + words.length,
    counts: { errors: 0, warnings: 0 },
    sections: { problem: `${id} problem`, decisions: `${id} decisions`, tradeoffs: '', lessons: `${id} lessons` },
    ...extra,
  };
}

const three = [
  study('alpha', ['queue', 'retry', 'queue2'], { counts: { errors: 2, warnings: 0 }, mtimeMs: 0 }),
  study('beta', ['retry', 'cache'], { counts: { errors: 0, warnings: 3 }, size: 0 }),
  study('gamma', ['cache', 'shard', 'queue', 'lease'], { mtimeMs: 1_700_000_123_456.5 }),
];

/** The parts of an index file as written: its header (parsed) and the bytes after it. */
interface Parts {
  header: { sha256: string; words: unknown[]; studies: unknown[][]; [key: string]: unknown };
  pairs: Buffer;
  texts: Buffer;
}

async function partsOf(dir: string): Promise<Parts> {
  const bytes = await readFile(searchIndexPath(dir));
  const headerEnd = 8 + bytes.readUInt32LE(4);
  const header = JSON.parse(verifiedBody((await localSecret())!, bytes.subarray(8, headerEnd))!) as Parts['header'];
  const pairCount = (header.studies as number[][]).reduce((sum, row) => sum + row[3]!, 0);
  const pairsEnd = headerEnd + pairCount * 5;
  return { header, pairs: bytes.subarray(headerEnd, pairsEnd), texts: bytes.subarray(pairsEnd) };
}

/**
 * Writes an index file from parts, signed by this user: `headerText` as given (so it may hold
 * what JSON.stringify never writes), the pairs' hash made to match unless `keepHash`.
 */
async function forge(dir: string, parts: Parts, opts: { headerText?: string; keepHash?: boolean } = {}): Promise<void> {
  const header = opts.keepHash
    ? parts.header
    : { ...parts.header, sha256: createHash('sha256').update(parts.pairs).digest('hex') };
  const signed = Buffer.from(signedText((await localSecret())!, opts.headerText ?? JSON.stringify(header)));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signed.length);
  await writeFile(searchIndexPath(dir), Buffer.concat([Buffer.from('CBSI'), length, signed, parts.pairs, parts.texts]));
}

async function written(dir: string, studies = three): Promise<Parts> {
  await writeSearchIndex(dir, studies, 'key-1');
  return partsOf(dir);
}

describe('the full-text index file', () => {
  it('gives back every study as written: stamp, counts, words, field bits, texts, place', async () => {
    await withTempDir(async (dir) => {
      const readers = await writeSearchIndex(dir, three, 'key-1');
      const loaded = (await readSearchIndex(dir))!;
      expect(loaded.checkKey).toBe('key-1');
      expect([...loaded.studies.keys()]).toEqual(['alpha', 'beta', 'gamma']);
      let from = 0;
      three.forEach((s, at) => {
        const got = loaded.studies.get(s.id)!;
        expect(got).toMatchObject({ at, from, n: s.words.length, mtimeMs: s.mtimeMs, size: s.size, counts: s.counts });
        expect(got.indexed()).toEqual({ words: s.words, bits: s.bits });
        expect(got.sections()).toEqual(s.sections);
        expect(readers.get(s.id)!()).toEqual(s.sections);
        from += s.words.length;
      });
      // In bulk: one word table, and each pair's word and bits in file order.
      const bulk = loaded.postings!;
      const pairs = three.flatMap((s) => s.words.map((word, i) => [word, s.bits[i]]));
      expect([...bulk.wordOf].map((w, i) => [bulk.table[w], bulk.bitsOf[i]])).toEqual(pairs);
      expect(bulk.table).toEqual(['queue', 'retry', 'queue2', 'cache', 'shard', 'lease']);
    });
  });

  it('reads word pairs spanning several read chunks of 1 MB (one study of 250,000 words)', async () => {
    await withTempDir(async (dir) => {
      const words = Array.from({ length: 250_000 }, (_, i) => `w${i % 5003}`);
      await writeSearchIndex(dir, [three[0]!, study('big', words), three[1]!], 'key-1');
      const loaded = (await readSearchIndex(dir))!;
      const big = loaded.studies.get('big')!.indexed();
      // Compared whole (a deep equality of 250,000 items takes seconds).
      expect(big.words.join(' ')).toBe(words.join(' '));
      expect(Buffer.from(big.bits).equals(Buffer.from(Uint8Array.from(words, (_, i) => (i % 7) + 1)))).toBe(true);
      expect(loaded.studies.get('beta')!.indexed().words).toEqual(['retry', 'cache']);
      expect(loaded.postings!.wordOf.length).toBe(250_000 + 5);
    });
  });

  it('without a per-user secret, trusts no file and writes none (and says why)', async () => {
    await withTempDir(async (dir) => {
      await writeSearchIndex(dir, three, 'key-1');
      const before = await readFile(searchIndexPath(dir));
      const mine = process.env.CASEBOOK_STATE_DIR;
      await writeFile(path.join(dir, 'not-a-folder'), '');
      try {
        process.env.CASEBOOK_STATE_DIR = path.join(dir, 'not-a-folder', 'state');
        expect(await readSearchIndex(dir)).toBeNull();
        await expect(writeSearchIndex(dir, three.slice(1), 'key-2')).rejects.toThrow('No per-user secret');
      } finally {
        process.env.CASEBOOK_STATE_DIR = mine;
      }
      expect((await readFile(searchIndexPath(dir))).equals(before)).toBe(true);
      expect((await readSearchIndex(dir))?.studies.size).toBe(3);
    });
  });

  it('gives back an index of no studies (a header and nothing after it)', async () => {
    await withTempDir(async (dir) => {
      await writeSearchIndex(dir, [], 'key-1');
      const loaded = await readSearchIndex(dir);
      expect(loaded?.studies.size).toBe(0);
      expect(loaded?.checkKey).toBe('key-1');
    });
  });

  it('refuses a file that lists a study twice', async () => {
    await withTempDir(async (dir) => {
      await writeSearchIndex(dir, [three[0]!, three[1]!, three[0]!], 'key-1');
      expect(await readSearchIndex(dir)).toBeNull();
    });
  });

  const shortFiles: Array<[string, Buffer]> = [
    ['shorter than its first eight bytes', Buffer.from('CBSI\0\0\0')],
    ['of eight bytes that are not ours', Buffer.from('CBSX\0\0\0\0')],
  ];
  for (const [name, bytes] of shortFiles) {
    it(`refuses a file ${name}`, async () => {
      await withTempDir(async (dir) => {
        await mkdir(path.dirname(searchIndexPath(dir)), { recursive: true });
        await writeFile(searchIndexPath(dir), bytes);
        expect(await readSearchIndex(dir)).toBeNull();
      });
    });
  }

  it('takes a file forged here as written (the forgery below changes only what each case names)', async () => {
    await withTempDir(async (dir) => {
      await forge(dir, await written(dir));
      expect((await readSearchIndex(dir))?.studies.size).toBe(3);
    });
  });

  it('refuses a sound file under another format name than "CBSI"', async () => {
    await withTempDir(async (dir) => {
      await written(dir);
      const bytes = await readFile(searchIndexPath(dir));
      await writeFile(searchIndexPath(dir), Buffer.concat([Buffer.from('CBSJ'), bytes.subarray(4)]));
      expect(await readSearchIndex(dir)).toBeNull();
    });
  });

  it('refuses a file with bytes after its texts', async () => {
    await withTempDir(async (dir) => {
      const parts = await written(dir);
      await forge(dir, { ...parts, texts: Buffer.concat([parts.texts, Buffer.from(' ')]) });
      expect(await readSearchIndex(dir)).toBeNull();
    });
  });

  it('refuses a file whose pairs do not hash to what its header names', async () => {
    await withTempDir(async (dir) => {
      const parts = await written(dir);
      const pairs = Buffer.from(parts.pairs);
      pairs[0] ^= 1;
      await forge(dir, { ...parts, pairs }, { keepHash: true });
      expect(await readSearchIndex(dir)).toBeNull();
    });
  });

  // Texts of 32 MB are the most a study's can be; the file is as long as its header says
  // (sparse: nothing is written for those bytes). Taken without reading them (their digest is
  // checked when a snippet needs them); one byte more and the file is refused.
  for (const [length, taken] of [
    [32 * 1024 * 1024, true],
    [32 * 1024 * 1024 + 1, false],
  ] as const) {
    it(`${taken ? 'takes' : 'refuses'} a study whose texts claim ${length} bytes, unread`, async () => {
      await withTempDir(async (dir) => {
        const parts = await written(dir);
        const rows = parts.header.studies.map((row, i) => (i === 2 ? row.with(6, length) : row));
        const textsBefore = parts.header.studies.slice(0, 2).reduce((sum, row) => sum + (row[6] as number), 0);
        const texts = parts.texts.subarray(0, textsBefore);
        await forge(dir, { ...parts, header: { ...parts.header, studies: rows }, texts });
        const file = searchIndexPath(dir);
        await truncate(file, (await readFile(file)).length + length);
        const loaded = await readSearchIndex(dir);
        expect(loaded?.studies.get('gamma')?.n ?? null).toBe(taken ? 4 : null);
      });
    });
  }

  it.runIf(process.platform === 'linux')('leaves no file open, whether it takes the file or not', async () => {
    await withTempDir(async (dir) => {
      await written(dir);
      const open = () => readdirSync('/proc/self/fd').length;
      const before = open();
      for (let i = 0; i < 10; i++) expect(await readSearchIndex(dir)).not.toBeNull();
      const bytes = await readFile(searchIndexPath(dir));
      await writeFile(searchIndexPath(dir), bytes.subarray(0, bytes.length - 1));
      for (let i = 0; i < 10; i++) expect(await readSearchIndex(dir)).toBeNull();
      expect(open()).toBe(before);
    });
  });

  it('names no word for a pair whose number lies outside the word table', async () => {
    await withTempDir(async (dir) => {
      const parts = await written(dir);
      const pairs = Buffer.from(parts.pairs);
      pairs.writeUInt32LE(999, 4); // alpha's second word
      await forge(dir, { ...parts, pairs });
      expect((await readSearchIndex(dir))!.studies.get('alpha')!.indexed().words).toEqual(['queue', '', 'queue2']);
    });
  });

  // Each: a row of the header spoiled in one field, or the word table.
  type Header = Parts['header'];
  const row = (i: number, spoil: (row: unknown[]) => unknown) => (h: Header) => {
    h.studies[i] = spoil([...h.studies[i]!]) as unknown[];
  };
  const set = (at: number, value: unknown) => (r: unknown[]) => r.with(at, value);
  const shift = (at: number, by: number) => (h: Header) => {
    row(0, (r) => r.with(at, (r[at] as number) + by))(h);
    row(1, (r) => r.with(at, (r[at] as number) - by))(h);
  };
  const spoiled: Array<[string, (h: Header) => void, ((text: string) => string)?]> = [
    ['a row that is not a list', row(1, () => ({ id: 'beta' }))],
    ['a row of seven fields', row(1, (r) => r.slice(0, 7))],
    ['a row of nine fields', row(1, (r) => [...r, 0])],
    ['an id that is not text', row(1, set(0, 7))],
    ['a digest that is not text', row(1, set(7, 7))],
    ['a digest one character longer', row(1, (r) => r.with(7, `${r[7] as string}a`))],
    ['a digest one character shorter', row(1, (r) => r.with(7, (r[7] as string).slice(1)))],
    ['a file time that is negative', row(1, set(1, -1))],
    ['a file time that is not a number', row(1, set(1, null))],
    ['a file time too large to be finite', row(1, set(1, 123456789)), (t) => t.replace('123456789', '1e400')],
    ['a file size that is negative', row(1, set(2, -1))],
    ['a file size with a fraction', row(1, set(2, 1.5))],
    ['an error count that is text', row(1, set(4, '0'))],
    ['a warning count that is negative', row(1, set(5, -1))],
    // Moved between two rows, so the lengths still add up to the file's.
    ['text lengths with fractions', shift(6, 0.5)],
    ['word counts with fractions', shift(3, 0.5)],
    ['a word that is not text', (h) => (h.words[1] = 7)],
    ['a word table that is not a list', (h) => (h.words = { 0: 'queue' } as unknown as unknown[])],
    ['a row list that is not a list', (h) => (h.studies = {} as unknown as unknown[][])],
  ];
  for (const [name, spoil, edit] of spoiled) {
    it(`refuses a file signed by this user with ${name} in its header`, async () => {
      await withTempDir(async (dir) => {
        const parts = await written(dir);
        const header = structuredClone(parts.header);
        header.sha256 = createHash('sha256').update(parts.pairs).digest('hex');
        spoil(header);
        const text = JSON.stringify(header);
        await forge(dir, { ...parts, header }, { headerText: edit ? edit(text) : text, keepHash: true });
        expect(await readSearchIndex(dir)).toBeNull();
      });
    });
  }
});
