// The pixel size of a stored image, read from its header (PNG, GIF, JPEG, WebP), so the site
// can give a cover `width`/`height` and the browser reserves its place before it loads (no
// layout shift). Bounded: reads only the bytes it is given, never trusts a length past them.

export interface ImageSize {
  width: number;
  height: number;
}

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

function png(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 24 || !ascii(b, 1, 'PNG') || !ascii(b, 12, 'IHDR')) return null;
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

function gif(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 10 || !ascii(b, 0, 'GIF8')) return null;
  return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
}

function jpeg(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = v.getUint16(at + 2);
    // Start-of-frame markers (not DHT c4, JPG c8, DAC cc) hold the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

function webp(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 30 || !ascii(b, 0, 'RIFF') || !ascii(b, 8, 'WEBP')) return null;
  if (ascii(b, 12, 'VP8 ')) return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  if (ascii(b, 12, 'VP8L')) {
    const bits = v.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, 'VP8X')) {
    const w = b[24]! | (b[25]! << 8) | (b[26]! << 16);
    const h = b[27]! | (b[28]! << 8) | (b[29]! << 16);
    return { width: w + 1, height: h + 1 };
  }
  return null;
}

/** The image's size, or null for bytes that are none of these formats or give no sane size. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = png(bytes, view) ?? gif(bytes, view) ?? webp(bytes, view) ?? jpeg(bytes, view);
  if (!size || size.width < 1 || size.height < 1 || size.width > 100_000 || size.height > 100_000) return null;
  return size;
}
