// The edges of each header imageSize reads: the fewest bytes that still give a size, the byte
// that makes a header another format's, the EXIF entry that is not the orientation, the JPEG
// segments that are not a frame. A photo shown at the wrong proportions, or a page that lays
// out twice, is what each of these would cost a reader.
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../src/core/pure/image-size';
import {
  bytes,
  exifApp1,
  frame,
  jpeg,
  jpegOf,
  png,
  pngWithExif,
  segment,
  tiff,
  tiffOf,
  u16,
  u32,
  webpX,
} from './image-bytes';

const upright = { width: 300, height: 200 };
const turned = { width: 200, height: 300 };
const ORIENTATION = 0x0112;

describe('imageSize at the edges of a header', () => {
  it('reads a size from the fewest bytes that hold it, and none from one byte fewer', () => {
    const gif = bytes('GIF89a', u16(300, true), u16(200, true));
    expect(imageSize(gif)).toEqual(upright);
    expect(imageSize(gif.slice(0, 9))).toBeNull();
    const pngHead = png(300, 200).slice(0, 24);
    expect(imageSize(pngHead)).toEqual(upright);
    expect(imageSize(pngHead.slice(0, 23))).toBeNull();
    const whole = jpeg();
    expect(imageSize(whole.slice(0, 2 + 9))).toEqual(upright); // cut right after the width
    expect(imageSize(whole.slice(0, 2 + 8))).toBeNull();
    const webp = webpX();
    expect(imageSize(webp.slice(0, 30))).toEqual(upright);
    expect(imageSize(webp.slice(0, 29))).toBeNull();
  });

  it('reads a lossy WebP, and no WebP whose first chunk is none of the three', () => {
    const lossy = bytes(
      'RIFF',
      u32(30, true),
      'WEBPVP8 ',
      u32(10, true),
      [0, 0, 0, 0x9d, 0x01, 0x2a],
      u16(300, true),
      u16(200, true),
    );
    expect(imageSize(lossy)).toEqual(upright);
    const scaled = lossy.slice();
    scaled[27] |= 0xc0; // the two scale bits above the 14-bit width are not part of it
    expect(imageSize(scaled)).toEqual(upright);
    expect(imageSize(bytes('RIFF', u32(30, true), 'WEBPVP8Z', new Array(18).fill(1)))).toBeNull();
  });

  it('takes no header for another format’s when one signature byte differs', () => {
    const spoil = (image: Uint8Array, at: number) => {
      const copy = image.slice();
      copy[at] ^= 0x20;
      return copy;
    };
    const gif = bytes('GIF89a', u16(300, true), u16(200, true));
    for (const at of [0, 1, 2, 3]) expect(imageSize(spoil(gif, at))).toBeNull();
    for (const at of [1, 2, 3, 12, 13, 14, 15]) expect(imageSize(spoil(png(300, 200), at))).toBeNull();
    for (const at of [0, 1]) expect(imageSize(spoil(jpeg(), at))).toBeNull();
    for (const at of [0, 3, 8, 11]) expect(imageSize(spoil(webpX(), at))).toBeNull();
  });
});

describe('imageSize of a JPEG’s segments', () => {
  it('reads every start-of-frame marker, and takes a table segment for no frame', () => {
    for (const marker of [0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])
      expect(imageSize(jpegOf(frame(marker)))).toEqual(upright);
    // Huffman tables (c4), JPG (c8), arithmetic coding (cc) and a restart-like d0 hold no size.
    const decoy = (marker: number) => segment(marker, [8, ...u16(999, false), ...u16(999, false), 0, 0, 0]);
    for (const marker of [0xc4, 0xc8, 0xcc, 0xdb, 0xd0, 0xbf])
      expect(imageSize(jpegOf(decoy(marker), frame()))).toEqual(upright);
  });

  it('steps over fill bytes between segments, and gives up on bytes that are no marker', () => {
    expect(imageSize(jpegOf([0xff, 0xff, 0xff], frame()))).toEqual(upright);
    expect(imageSize(jpegOf([0x00], frame()))).toBeNull();
    expect(imageSize(jpegOf(segment(0xe0, [...bytes('JFIF\0')]), [0x12], frame()))).toBeNull();
  });

  it('gives no size when a segment’s length is shorter than the length itself (the next marker lands on the length)', () => {
    for (const length of [0, 1])
      expect(imageSize(jpegOf([0xff, 0xe0, ...u16(length, false), 0, 0, 0, 0, 0], frame()))).toBeNull();
    expect(imageSize(jpegOf([0xff, 0xfe, ...u16(2, false)], frame()))).toEqual(upright); // an empty comment
  });

  it('reads the orientation only from an APP1 segment that says Exif', () => {
    expect(imageSize(jpegOf(exifApp1(tiff(6)), frame()))).toEqual(turned);
    expect(imageSize(jpegOf(exifApp1(tiff(6), 'Exif\0X'), frame()))).toEqual(upright);
    expect(imageSize(jpegOf(segment(0xe2, [...bytes('Exif\0\0'), ...tiff(6)]), frame()))).toEqual(upright);
    expect(
      imageSize(jpegOf(segment(0xe0, [...bytes('JFIF\0'), 1, 2, 0, 0, 1, 0, 1, 0, 0]), exifApp1(tiff(6)), frame())),
    ).toEqual(turned);
  });
});

describe('imageSize of an EXIF orientation', () => {
  const shown = (options: Parameters<typeof tiffOf>[1]) => imageSize(jpegOf(exifApp1(tiffOf(6, options)), frame()));

  it('finds the orientation among other entries, and only where the count says entries are', () => {
    expect(
      shown({
        entries: [
          [0x010f, 6],
          [ORIENTATION, 1],
        ],
      }),
    ).toEqual(upright); // Make's value is no orientation
    expect(
      shown({
        entries: [
          [0x010f, 1],
          [ORIENTATION, 6],
        ],
      }),
    ).toEqual(turned);
    expect(
      shown({
        entries: [
          [0x010f, 1],
          [ORIENTATION, 6],
        ],
        count: 1,
      }),
    ).toEqual(upright);
    expect(shown({ count: 0 })).toEqual(upright);
  });

  it('reads an entry that ends where the segment ends, and none past it', () => {
    expect(shown({ trailer: false })).toEqual(turned);
    const short = tiffOf(6, { trailer: false }).slice(0, -1);
    expect(imageSize(jpegOf(exifApp1(short), frame()))).toEqual(upright);
  });

  it('takes a structure with no byte order mark, or an IFD past its end, as upright', () => {
    expect(shown({ order: 'XX' })).toEqual(upright);
    expect(shown({ order: 'IM' })).toEqual(upright);
    expect(shown({ order: 'XX', little: false })).toEqual(upright); // laid out big-endian, but not marked so
    expect(shown({ little: false })).toEqual(turned);
    const farIfd = tiff(6);
    farIfd.splice(4, 4, ...u32(farIfd.length - 1, true)); // the IFD's count would end past the segment
    expect(imageSize(jpegOf(exifApp1(farIfd), frame()))).toEqual(upright);
    expect(imageSize(jpegOf(exifApp1(tiff(6).slice(0, 7)), frame()))).toEqual(upright); // shorter than a TIFF header
  });

  it('takes an eXIf chunk that claims more bytes than the PNG has as no orientation', () => {
    const data = tiff(6, false);
    expect(imageSize(pngWithExif(6, data))).toBeNull();
    const overlong = pngWithExif(6, data, 10_000);
    expect(imageSize(overlong)).toEqual(upright);
  });

  it('finds a WebP’s EXIF chunk after other chunks, padded to an even length', () => {
    expect(imageSize(webpX(6, [...bytes('ICCP'), ...u32(3, true), 1, 2, 3, 0]))).toBeNull();
    expect(imageSize(webpX(1, [...bytes('ICCP'), ...u32(3, true), 1, 2, 3, 0]))).toEqual(upright);
  });
});

describe('imageSize of sizes no browser shows', () => {
  it('gives none below 1 or above 100,000 pixels a side, and takes both ends of that range', () => {
    const gif = (width: number, height: number) => bytes('GIF89a', u16(width, true), u16(height, true));
    expect(imageSize(gif(1, 1))).toEqual({ width: 1, height: 1 });
    expect(imageSize(gif(0, 5))).toBeNull();
    expect(imageSize(gif(5, 0))).toBeNull();
    const pngOf = (width: number, height: number) => {
      const head = png(2, 2).slice(0, 24);
      head.set(u32(width, false), 16);
      head.set(u32(height, false), 20);
      return head;
    };
    expect(imageSize(pngOf(100_000, 100_000))).toEqual({ width: 100_000, height: 100_000 });
    expect(imageSize(pngOf(100_001, 5))).toBeNull();
    expect(imageSize(pngOf(5, 100_001))).toBeNull();
  });
});
