// What the asset store takes and serves, file by file: the bytes must be the image they claim
// to be (a renamed page or script is refused), an empty or oversized image is refused with a
// message saying so, only a stored image's own name is served, and with the type its
// extension names.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bytesMatchMediaType,
  mediaTypeOfAssetFile,
  readAssetFile,
  saveAssetBytes,
} from '../../../src/core/node/asset-store';
import { exists } from '../../../src/core/node/file-exists';
import { holdsWorkspace } from '../../../src/core/node/workspace-presence';
import { MAX_ASSET_BYTES } from '../../../src/core/pure/asset-store-limits';
import { casebookFailure } from '../../helpers/casebook-failure';
import { withTempDir } from '../../helpers/temp-dir';

const signatures = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/gif': [0x47, 0x49, 0x46, 0x38],
  'image/webp': [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50],
} as const;
const text = (value: string) => new TextEncoder().encode(value);

describe('the bytes of an image', () => {
  it('match their type by its signature, and no longer when any byte of it differs', () => {
    for (const [type, signature] of Object.entries(signatures) as Array<[keyof typeof signatures, readonly number[]]>) {
      expect(bytesMatchMediaType(Uint8Array.from([...signature, 0, 0]), type), type).toBe(true);
      for (let at = 0; at < signature.length; at++) {
        if (type === 'image/webp' && at >= 4 && at < 8) continue; // the RIFF size, any value
        if (type === 'image/webp' && at === 11) continue; // the P of WEBP is not checked
        const spoiled = Uint8Array.from([...signature, 0, 0]);
        spoiled[at]! ^= 0x01;
        expect(bytesMatchMediaType(spoiled, type), `${type} byte ${at}`).toBe(false);
      }
    }
  });

  it('is an SVG when it starts with <svg or an XML declaration, after spaces, in any case', () => {
    for (const head of ['<svg xmlns="http://www.w3.org/2000/svg"/>', '\n  <?xml version="1.0"?><svg/>', '<SVG/>'])
      expect(bytesMatchMediaType(text(head), 'image/svg+xml'), head).toBe(true);
    for (const head of ['<html><svg/></html>', 'svg', '<!-- --><svg/>', `${' '.repeat(1030)}<svg/>`])
      expect(bytesMatchMediaType(text(head), 'image/svg+xml'), head).toBe(false);
  });
});

describe('saving image bytes', () => {
  it('refuses an empty image and one over 20 MB, saying which, and stores one of exactly 20 MB', async () => {
    await withTempDir(async (dir) => {
      const empty = await casebookFailure(saveAssetBytes(dir, new Uint8Array(0), 'image/png'));
      expect([empty.code, empty.message]).toEqual(['invalid_input', 'The image is empty.']);
      const big = new Uint8Array(MAX_ASSET_BYTES + 1);
      big.set(signatures['image/png']);
      const over = await casebookFailure(saveAssetBytes(dir, big, 'image/png'));
      expect([over.code, over.message]).toEqual([
        'invalid_input',
        'The image is larger than 20 MB; make it smaller and try again.',
      ]);
      expect(await exists(path.join(dir, 'assets'))).toBe(false);
      expect(await saveAssetBytes(dir, big.subarray(0, MAX_ASSET_BYTES), 'image/png')).toMatch(
        /^assets\/[a-f0-9]{64}\.png$/,
      );
    });
  });

  it('replaces a link planted under the image’s name with the image itself', async () => {
    await withTempDir(async (dir) => {
      const bytes = Uint8Array.from([...signatures['image/gif'], 1, 2, 3]);
      const src = await saveAssetBytes(dir, bytes, 'image/gif');
      const file = path.join(dir, src);
      const { rm, readFile, lstat } = await import('node:fs/promises');
      await rm(file);
      await writeFile(path.join(dir, 'private.txt'), 'secret');
      await symlink(path.join(dir, 'private.txt'), file);
      expect(await saveAssetBytes(dir, bytes, 'image/gif')).toBe(src);
      expect((await lstat(file)).isSymbolicLink()).toBe(false);
      expect(Buffer.from(await readFile(file)).equals(Buffer.from(bytes))).toBe(true);
      expect(await readFile(path.join(dir, 'private.txt'), 'utf8')).toBe('secret');
    });
  });
});

describe('serving a stored image', () => {
  it('reads only a stored image’s own name, never a link, and nothing when it is missing', async () => {
    await withTempDir(async (dir) => {
      const bytes = Uint8Array.from([...signatures['image/jpeg'], 9, 9]);
      const src = await saveAssetBytes(dir, bytes, 'image/jpeg');
      const name = src.slice('assets/'.length);
      expect(Buffer.from((await readAssetFile(dir, name))!).equals(Buffer.from(bytes))).toBe(true);
      for (const bad of ['../casebook.json', `${name}.txt`, name.toUpperCase(), `${'0'.repeat(64)}.jpg`])
        expect(await readAssetFile(dir, bad), bad).toBeNull();
      const linked = `${'1'.repeat(64)}.jpg`;
      await symlink(path.join(dir, src), path.join(dir, 'assets', linked));
      expect(await readAssetFile(dir, linked)).toBeNull();
    });
  });

  it('gives nothing when assets/ is a link out of the workspace', async () => {
    await withTempDir(async (dir) => {
      const outside = path.join(dir, 'outside');
      await mkdir(path.join(outside), { recursive: true });
      const name = `${'2'.repeat(64)}.png`;
      await writeFile(path.join(outside, name), Uint8Array.from(signatures['image/png']));
      const ws = path.join(dir, 'ws');
      await mkdir(ws);
      await symlink(outside, path.join(ws, 'assets'));
      expect(await readAssetFile(ws, name)).toBeNull();
    });
  });

  it('names the type by the extension, and an unknown one as bytes', () => {
    expect(mediaTypeOfAssetFile(`${'a'.repeat(64)}.png`)).toBe('image/png');
    expect(mediaTypeOfAssetFile('x.jpg')).toBe('image/jpeg');
    expect(mediaTypeOfAssetFile('x.svg')).toBe('image/svg+xml');
    expect(mediaTypeOfAssetFile('x.webp')).toBe('image/webp');
    expect(mediaTypeOfAssetFile('x.gif')).toBe('image/gif');
    for (const name of ['x.constructor', 'x.toString', 'x', 'x.exe'])
      expect(mediaTypeOfAssetFile(name), name).toBe('application/octet-stream');
  });
});

describe('a folder holding a workspace', () => {
  it('is one with casebook.json or a studies folder, and an empty folder is not', async () => {
    await withTempDir(async (dir) => {
      expect(holdsWorkspace(dir)).toBe(false);
      await mkdir(path.join(dir, 'studies'));
      expect(holdsWorkspace(dir)).toBe(true);
    });
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'casebook.json'), '{}');
      expect(holdsWorkspace(dir)).toBe(true);
      expect(await exists(path.join(dir, 'casebook.json'))).toBe(true);
      expect(await exists(path.join(dir, 'nothing.json'))).toBe(false);
    });
  });
});
