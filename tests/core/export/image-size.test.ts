// The size a page gives an image is the size a browser shows it at: read from the header of
// each format, a phone photo's quarter turn (EXIF orientation 5–8) swapping a JPEG's sides,
// and no size at all where browsers may or may not turn the image (PNG, WebP) or the header is
// not a sane one. Hostile headers never throw.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../src/core/pure/image-size';
import { bytes, jpeg, png, pngWithExif, u16, u32, webpX } from './image-bytes';

describe('imageSize', () => {
  it('reads PNG, GIF, JPEG and WebP headers', () => {
    expect(imageSize(png(300, 200))).toEqual({ width: 300, height: 200 });
    expect(imageSize(bytes('GIF89a', u16(300, true), u16(200, true)))).toEqual({ width: 300, height: 200 });
    expect(imageSize(jpeg())).toEqual({ width: 300, height: 200 });
    expect(imageSize(webpX())).toEqual({ width: 300, height: 200 });
    const lossless = bytes(
      'RIFF',
      u32(30, true),
      'WEBPVP8L',
      u32(10, true),
      [0x2f],
      u32(299 | (199 << 14), true),
      [0, 0, 0, 0, 0],
    );
    expect(imageSize(lossless)).toEqual({ width: 300, height: 200 });
  });

  it('swaps a JPEG’s sides when its EXIF orientation turns it a quarter, in either byte order', () => {
    for (const orientation of [5, 6, 7, 8]) {
      expect(imageSize(jpeg(orientation))).toEqual({ width: 200, height: 300 });
      expect(imageSize(jpeg(orientation, false))).toEqual({ width: 200, height: 300 });
    }
    for (const orientation of [1, 2, 3, 4, 9, 0])
      expect(imageSize(jpeg(orientation))).toEqual({ width: 300, height: 200 });
  });

  it('gives no size to a PNG or WebP whose EXIF turns it, and its own size otherwise', () => {
    expect(imageSize(pngWithExif(6))).toBeNull();
    expect(imageSize(pngWithExif(3))).toBeNull();
    expect(imageSize(pngWithExif(1))).toEqual({ width: 300, height: 200 });
    expect(imageSize(webpX(8))).toBeNull();
    expect(imageSize(webpX(1))).toEqual({ width: 300, height: 200 });
  });

  it('ends at once on a WebP whose chunk lengths are near 2^32 (a step of 0 looped for ever)', () => {
    // Within a vm timeout: a loop without end in the reader would otherwise hang the test run.
    const sizeWithin = (image: Uint8Array) =>
      runInNewContext('imageSize(image)', { imageSize, image }, { timeout: 2_000 }) as unknown;
    for (const length of [0xfffffff7, 0xfffffff8, 0xfffffffe, 0xffffffff, 0x7fffffff, 0x80000000]) {
      for (const lengthAt of [16, 34]) {
        const hostile = webpX(1); // VP8X's length at 16, its EXIF chunk's at 34
        new DataView(hostile.buffer).setUint32(lengthAt, length, true);
        expect(sizeWithin(hostile)).toEqual({ width: 300, height: 200 });
      }
    }
  });

  it('never throws on a cut or lying header, and gives no size that is not sane', () => {
    const whole = jpeg(6);
    for (let cut = 0; cut < whole.length; cut++) expect(() => imageSize(whole.slice(0, cut))).not.toThrow();
    const lying = jpeg(6);
    lying[16] = 0xff; // the IFD offset points far past the segment: read as no orientation
    expect(imageSize(lying)).toEqual({ width: 300, height: 200 });
    expect(imageSize(bytes('GIF89a', u16(0, true), u16(200, true)))).toBeNull();
    expect(imageSize(bytes('not an image at all, not at all'))).toBeNull();
    const offset = new Uint8Array(64);
    offset.set(jpeg(), 7);
    expect(imageSize(offset.subarray(7, 7 + jpeg().length))).toEqual({ width: 300, height: 200 });
  });
});
