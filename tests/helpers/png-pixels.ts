// A PNG decoder for tests (8-bit RGB, RGBA or indexed, not interlaced: what resvg and
// card-png.ts write), undoing all five row filters, so two encoders' files can be compared pixel by pixel.
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel (alpha 255 for RGB files). */
  rgba: Uint8Array;
}

export function decodePng(png: Uint8Array): DecodedPng {
  const bytes = Buffer.from(png);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  let palette: Buffer | null = null;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : body[9] === 3 ? 1 : 0;
      if (!channels) throw new Error(`colour type ${body[9]} is not RGB, RGBA or indexed`);
    } else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = i >= channels && y > 0 ? out[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predicted === undefined) throw new Error(`unknown filter ${filter}`);
      out[y * stride + i] = (row[i]! + predicted) & 255;
    }
  }
  if (channels === 4) return { width, height, rgba: out };
  if (channels === 1) {
    if (!palette) throw new Error('an indexed PNG without a palette');
    const rgba = new Uint8Array(width * height * 4).fill(255);
    for (let i = 0; i < out.length; i++) {
      if (out[i]! * 3 + 3 > palette.length) throw new Error(`index ${out[i]} outside the palette`);
      rgba.set(palette.subarray(out[i]! * 3, out[i]! * 3 + 3), i * 4);
    }
    return { width, height, rgba };
  }
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let i = 0, j = 0; i < out.length; i += 3, j += 4) rgba.set(out.subarray(i, i + 3), j);
  return { width, height, rgba };
}
