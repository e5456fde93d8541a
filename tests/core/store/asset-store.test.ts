import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssetBytes } from '../../../src/core/node/asset-store';
import { openWorkspace } from '../../../src/core/node/casebook-service';
import { dispatch } from '../../../src/core/pure/dispatch';
import { withTempDir } from '../../helpers/temp-dir';

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

describe('image assets', () => {
  it('stores an image once, named by the SHA-256 of its bytes', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const input = { fileName: 'arch.png', mediaType: 'image/png' as const, dataBase64: png.toString('base64') };
      const first = await service.saveAsset(input);
      const second = await service.saveAsset({ ...input, fileName: 'copy.png' });
      expect(first.src).toMatch(/^assets\/[a-f0-9]{64}\.png$/);
      expect(second).toEqual(first);
      expect(await readdir(path.join(dir, 'assets'))).toEqual([first.src.slice('assets/'.length)]);
      expect((await readFile(path.join(dir, first.src))).equals(png)).toBe(true);
      expect(Buffer.from(readAssetBytes(dir, first.src)!).equals(png)).toBe(true);
    });
  });

  it('refuses bytes that are not the claimed image type, and paths outside assets/', async () => {
    await withTempDir(async (dir) => {
      const service = await openWorkspace(dir);
      const html = Buffer.from('<script>alert(1)</script>').toString('base64');
      const result = await dispatch(service, 'saveAsset', {
        fileName: 'x.png',
        mediaType: 'image/png',
        dataBase64: html,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'The file is not a valid PNG image.' },
      });
      const badType = await dispatch(service, 'saveAsset', {
        fileName: 'x.exe',
        mediaType: 'application/x-msdownload',
        dataBase64: '',
      });
      expect(badType.ok).toBe(false);
      expect(await readdir(path.join(dir, 'assets'))).toEqual([]);
      expect(readAssetBytes(dir, 'assets/../casebook.json')).toBeNull();
      expect(readAssetBytes(dir, '../casebook.json')).toBeNull();
    });
  });
});
