// The images a workspace stores: five kinds, named by extension (any case, with or without its
// dot; "jpeg" is a JPEG), and referenced only as `assets/<sha256>.<ext>`.
import { describe, expect, it } from 'vitest';
import {
  ASSET_FILE_PATTERN,
  ASSET_SRC_PATTERN,
  assetMediaTypeSchema,
  mediaTypeForExtension,
} from '../../../src/core/pure/asset-store-limits';

const hash = 'a'.repeat(64);

describe('image kinds', () => {
  it('names the media type of each extension it stores', () => {
    expect(mediaTypeForExtension('png')).toBe('image/png');
    expect(mediaTypeForExtension('.JPG')).toBe('image/jpeg');
    expect(mediaTypeForExtension('jpeg')).toBe('image/jpeg');
    expect(mediaTypeForExtension('.JPEG')).toBe('image/jpeg');
    expect(mediaTypeForExtension('gif')).toBe('image/gif');
    expect(mediaTypeForExtension('WebP')).toBe('image/webp');
    expect(mediaTypeForExtension('svg')).toBe('image/svg+xml');
  });

  it('names none for anything else', () => {
    for (const ext of ['', '.', 'bmp', 'tiff', 'p.ng', 'pngx', 'xpng', '..png', 'jpe'])
      expect(mediaTypeForExtension(ext), ext).toBeNull();
  });

  it('takes the five media types and nothing else', () => {
    expect(assetMediaTypeSchema.options).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'image/svg+xml',
    ]);
    expect(assetMediaTypeSchema.safeParse('image/bmp').success).toBe(false);
  });

  it('references an asset only by its hash and extension, in assets/', () => {
    expect(ASSET_SRC_PATTERN.exec(`assets/${hash}.png`)?.[1]).toBe(`${hash}.png`);
    for (const src of [
      `assets/${hash}.exe`,
      `assets/../${hash}.png`,
      `x/assets/${hash}.png`,
      `assets/${hash.slice(1)}.png`,
      `assets/${hash.toUpperCase()}.png`,
    ])
      expect(ASSET_SRC_PATTERN.test(src), src).toBe(false);
    expect(ASSET_FILE_PATTERN.test(`${hash}.svg`)).toBe(true);
    expect(ASSET_FILE_PATTERN.test(`assets/${hash}.svg`)).toBe(false);
  });
});
