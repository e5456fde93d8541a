// A PNG encoder made for social cards (site-card-render.ts): an opaque picture of flat colours
// and anti-aliased text. resvg's own encoder (adaptive filters, default compression) took about
// half a card's time. A card has far fewer than 256 colours, so it is written as an indexed
// PNG: one byte a pixel (a quarter of RGBA), no filter, and zlib's run-length strategy, which
// finds a flat colour's runs at once. Measured on a realistic card: ~3× faster than deflating
// its RGBA at level 1, and the file half the size (~25 KB). A picture with more colours is
// written as RGBA (filter 0, level 1) instead.
import { endianness } from 'node:os';
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
/** zlib level for the RGBA fallback: higher levels shrink a card a little and slow encoding a lot. */
const LEVEL = 1;
const MAX_PALETTE = 256;
const COLOUR_RGBA = 6;
const COLOUR_INDEXED = 3;
// Pixels are read four bytes at a time as one number; the alpha byte is the top one only on
// a little-endian machine (every platform Casebook ships on). Elsewhere: the RGBA path.
const LITTLE_ENDIAN = endianness() === 'LE';

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(width: number, height: number, colourType: number, chunks: Buffer[]): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel (or per index)
  header[9] = colourType; // compression, filter and interlace methods stay 0
  const file = Buffer.concat([SIGNATURE, chunk('IHDR', header), ...chunks, chunk('IEND', new Uint8Array())]);
  // A plain Uint8Array, as a card read from the cache or sent by a worker is.
  return new Uint8Array(file.buffer, file.byteOffset, file.length);
}

/** Whether every pixel of RGBA `pixels` is opaque. */
export function isOpaque(pixels: Uint8Array): boolean {
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 255) return false;
  return true;
}

/**
 * The indexed PNG of opaque RGBA `pixels` (`width` × `height`, length already checked), or
 * null when a pixel is not opaque or there are more than 256 colours.
 */
function encodeIndexed(pixels: Uint8Array, width: number, height: number): Uint8Array | null {
  if (!LITTLE_ENDIAN) return null;
  const aligned = pixels.byteOffset % 4 === 0 ? pixels : pixels.slice();
  // Int32: a pixel stays a small integer to V8 (a Uint32 with alpha 255 would be a heap number).
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, width * height);
  const indexOf = new Map<number, number>();
  const palette = new Uint8Array(MAX_PALETTE * 3);
  // Each row: filter byte 0, then one palette index a pixel (zero-filled: index 0 is free).
  const raw = new Uint8Array((width + 1) * height);
  // A card is runs of one colour (~20,000 on a realistic one): each run is found by a tight
  // scan, looked up once and filled natively, rather than looked up pixel by pixel.
  for (let y = 0; y < height; y++) {
    const end = (y + 1) * width;
    let at = y * (width + 1) + 1;
    for (let i = y * width; i < end;) {
      const word = words[i]!;
      let next = i + 1;
      while (next < end && words[next] === word) next++;
      let index = indexOf.get(word);
      if (index === undefined) {
        if (word >> 24 !== -1 || indexOf.size === MAX_PALETTE) return null; // alpha below 255, or too many colours
        index = indexOf.size;
        indexOf.set(word, index);
        palette[index * 3] = word & 255;
        palette[index * 3 + 1] = (word >>> 8) & 255;
        palette[index * 3 + 2] = (word >>> 16) & 255;
      }
      if (index) raw.fill(index, at, at + next - i);
      at += next - i;
      i = next;
    }
  }
  const plte = palette.subarray(0, indexOf.size * 3);
  const idat = deflateSync(raw, { level: LEVEL, strategy: constants.Z_RLE });
  return png(width, height, COLOUR_INDEXED, [chunk('PLTE', plte), chunk('IDAT', idat)]);
}

/** The 8-bit RGBA PNG of opaque `pixels`: each row as it is (filter 0), deflated at level 1. */
function encodeRgba(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 4;
  // Deflate finds a flat colour as repeats of the pixel before, and a row like the one above
  // as a repeat of it.
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return png(width, height, COLOUR_RGBA, [chunk('IDAT', deflateSync(raw, { level: LEVEL }))]);
}

/**
 * The PNG of opaque RGBA `pixels`, `width` × `height`: indexed when it has at most 256
 * colours, RGBA otherwise. Null when a pixel is not opaque: the caller encodes those
 * otherwise (resvg's pixels are premultiplied, which only opaque pixels need not undo).
 */
export function encodeOpaquePng(pixels: Uint8Array, width: number, height: number): Uint8Array | null {
  if (pixels.length !== width * height * 4) return null;
  const indexed = encodeIndexed(pixels, width, height);
  if (indexed) return indexed;
  return isOpaque(pixels) ? encodeRgba(pixels, width, height) : null;
}
