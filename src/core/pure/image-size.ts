// The pixel size of a stored image, read from its header (PNG, GIF, JPEG, WebP), so the site
// can give it `width`/`height` and the browser reserves its place before it loads (no layout
// shift). Bounded: reads only the bytes it is given, never trusts a length past them. The size
// is the one a browser shows: a JPEG turned a quarter by its EXIF orientation (phone photos)
// has its sides swapped; a PNG or WebP with any EXIF orientation but the upright one gets no
// size (browsers differ in whether they apply it there).

export interface ImageSize {
  width: number;
  height: number;
}

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

/**
 * The EXIF orientation (1–8) in the TIFF structure at `start` (before `end`); 1 when it has
 * none or cannot be read, as browsers take it.
 */
function exifOrientation(b: Uint8Array, v: DataView, start: number, end: number): number {
  if (start + 8 > end || end > b.length) return 1;
  const little = ascii(b, start, 'II');
  if (!little && !ascii(b, start, 'MM')) return 1;
  const ifd = start + v.getUint32(start + 4, little);
  if (ifd + 2 > end) return 1;
  const entries = v.getUint16(ifd, little);
  for (let i = 0, at = ifd + 2; i < entries && at + 12 <= end; i++, at += 12) {
    if (v.getUint16(at, little) === 0x0112) {
      const orientation = v.getUint16(at + 8, little);
      return orientation >= 1 && orientation <= 8 ? orientation : 1;
    }
  }
  return 1;
}

/** Orientations 5–8 turn the image a quarter: its shown width is its stored height. */
const quarterTurned = (orientation: number) => orientation >= 5;

function png(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 24 || !ascii(b, 1, 'PNG') || !ascii(b, 12, 'IHDR')) return null;
  // An eXIf chunk comes before the image data.
  for (let at = 8; at + 12 <= b.length && !ascii(b, at + 4, 'IDAT'); at += 12 + v.getUint32(at)) {
    if (ascii(b, at + 4, 'eXIf') && exifOrientation(b, v, at + 8, at + 8 + v.getUint32(at)) !== 1) return null;
  }
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

function gif(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 10 || !ascii(b, 0, 'GIF8')) return null;
  return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
}

function jpeg(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let at = 2;
  let orientation = 1;
  // A frame header's size ends 9 bytes into its segment; every other segment needs only 4.
  while (at + 9 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = v.getUint16(at + 2);
    // Start-of-frame markers (not DHT c4, JPG c8, DAC cc) hold the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = v.getUint16(at + 5);
      const width = v.getUint16(at + 7);
      return quarterTurned(orientation) ? { width: height, height: width } : { width, height };
    }
    // APP1 "Exif\0\0" then the TIFF structure holding the orientation.
    if (marker === 0xe1 && ascii(b, at + 4, 'Exif\0\0')) orientation = exifOrientation(b, v, at + 10, at + 2 + length);
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
    // Only an extended WebP carries EXIF (flag 0x08), in a chunk of its own. Chunks are padded
    // to an even length; plain arithmetic, not `& ~1`: that is 32-bit, and a length near 2^32
    // made the step 0 (a loop without end) or negative.
    for (let at = 12, length = 0; b[20]! & 0x08 && at + 8 <= b.length; at += 8 + length + (length % 2)) {
      length = v.getUint32(at + 4, true);
      if (ascii(b, at, 'EXIF') && exifOrientation(b, v, at + 8, at + 8 + length) !== 1) return null;
    }
    const w = b[24]! | (b[25]! << 8) | (b[26]! << 16);
    const h = b[27]! | (b[28]! << 8) | (b[29]! << 16);
    return { width: w + 1, height: h + 1 };
  }
  return null;
}

/** The image's size as shown, or null for bytes that are none of these formats or give no sane size. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let size: ImageSize | null;
  try {
    size = png(bytes, view) ?? gif(bytes, view) ?? webp(bytes, view) ?? jpeg(bytes, view);
  } catch {
    return null; // a read past the bytes (each reader checks its bounds; this is the backstop)
  }
  if (!size || size.width < 1 || size.height < 1 || size.width > 100_000 || size.height > 100_000) return null;
  return size;
}
