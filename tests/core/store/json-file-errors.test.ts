// What the author reads when a workspace JSON file cannot be used: the file and the reason,
// and a file from a newer Casebook told apart from damage.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  InvalidFileError,
  NewerVersionError,
  parseJsonFile,
  ValidatedJsonFile,
} from '../../../src/core/node/json-file';
import { UnreadableFileError } from '../../../src/core/node/regular-file';
import { withTempDir } from '../../helpers/temp-dir';

const bytes = (text: string) => new TextEncoder().encode(text);
const schema = z.object({ schemaVersion: z.number(), title: z.string() });

describe('a JSON file that cannot be used', () => {
  it('names the file and the reason', () => {
    const read = () => parseJsonFile('studies/a.json', bytes('{"schemaVersion":1}'), schema, 3);
    expect(read).toThrow(InvalidFileError);
    expect(read).toThrow(/^studies\/a\.json: the content does not match the format: /);
    try {
      read();
    } catch (err) {
      expect((err as Error).name).toBe('InvalidFileError');
      expect((err as InvalidFileError).file).toBe('studies/a.json');
    }
  });

  it('tells a file from a newer Casebook apart from damage', () => {
    const read = () => parseJsonFile('studies/b.json', bytes('{"schemaVersion":9,"title":"x"}'), schema, 3);
    expect(read).toThrow(NewerVersionError);
    expect(read).toThrow('studies/b.json: written by a newer Casebook (format 9)');
    try {
      read();
    } catch (err) {
      expect((err as Error).name).toBe('NewerVersionError');
    }
  });

  it('reports content nested too deeply for the schema, and a check that failed, as damage to that file', () => {
    type Tree = { child?: Tree };
    const tree: z.ZodType<Tree> = z.lazy(() => z.object({ child: tree.optional() }));
    const deep = `${'{"child":'.repeat(20_000)}{}${'}'.repeat(20_000)}`;
    expect(() => parseJsonFile('studies/c.json', bytes(deep), tree)).toThrow(
      'studies/c.json: the content is nested too deeply to read',
    );
    const failing = z.unknown().refine(() => {
      throw new Error('check failed');
    });
    expect(() => parseJsonFile('studies/d.json', bytes('{}'), failing)).toThrow(
      'studies/d.json: the content could not be checked (check failed)',
    );
  });
});

describe('what is damage and what is not', () => {
  it('an empty file, bytes that are not UTF-8, and a format claimed as text', () => {
    expect(() => parseJsonFile('a.json', new Uint8Array(), schema, 3)).toThrow('a.json: the file is empty');
    expect(() => parseJsonFile('a.json', new Uint8Array([0x7b, 0xff, 0x7d]), schema, 3)).toThrow(
      'a.json: the file is not valid UTF-8 text',
    );
    // "9" is not a format number: the file does not match, it is not from a newer Casebook.
    expect(() => parseJsonFile('a.json', bytes('{"schemaVersion":"9","title":"x"}'), schema, 3)).toThrow(
      InvalidFileError,
    );
    expect(parseJsonFile('a.json', bytes('{"schemaVersion":9,"title":"x"}'), schema)).toEqual({
      schemaVersion: 9,
      title: 'x',
    });
  });

  it('reads a missing file as nothing, sets a too-large one aside, and skips a folder', async () =>
    withTempDir(async (dir) => {
      const file = (name: string, maxBytes?: number) =>
        new ValidatedJsonFile(path.join(dir, name), schema, 3, maxBytes).read();
      expect(await file('missing.json')).toBeNull();
      await writeFile(path.join(dir, 'big.json'), '{"schemaVersion":1,"title":"long enough"}');
      await expect(file('big.json', 10)).rejects.toThrow(InvalidFileError);
      expect(await file('big.json')).toEqual({ schemaVersion: 1, title: 'long enough' });
      await mkdir(path.join(dir, 'folder.json'));
      await expect(file('folder.json')).rejects.toThrow(UnreadableFileError);
    }));
});
