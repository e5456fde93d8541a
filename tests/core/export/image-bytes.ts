// Image headers built byte by byte for the image-size tests: TIFF structures (as EXIF holds
// them), JPEG segments, PNG chunks and WebP containers, each part as the format lays it out.
import { Resvg } from '@resvg/resvg-js';

export const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
export const u16 = (n: number, little: boolean) => (little ? [n & 255, n >> 8] : [n >> 8, n & 255]);
export const u32 = (n: number, little: boolean) =>
  little ? [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24] : [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];

export interface TiffOptions {
  little?: boolean;
  /** The IFD's entries as [tag, value]; the orientation tag is 0x0112. */
  entries?: Array<[number, number]>;
  /** The entry count written, when it should differ from the entries given. */
  count?: number;
  /** The byte order mark ('II' or 'MM' unless spoiled). */
  order?: string;
  /** The next-IFD offset after the entries (4 bytes); left out when false. */
  trailer?: boolean;
}

/** A TIFF structure with one IFD: by default one entry, the orientation. */
export function tiffOf(orientation: number, options: TiffOptions = {}): number[] {
  const little = options.little ?? true;
  const entries = options.entries ?? [[0x0112, orientation]];
  return [
    ...bytes(options.order ?? (little ? 'II' : 'MM')),
    ...u16(42, little),
    ...u32(8, little),
    ...u16(options.count ?? entries.length, little),
    ...entries.flatMap(([tag, value]) => [
      ...u16(tag, little),
      ...u16(3, little),
      ...u32(1, little),
      ...u16(value, little),
      0,
      0,
    ]),
    ...(options.trailer === false ? [] : u32(0, little)),
  ];
}

export const tiff = (orientation: number, little = true) => tiffOf(orientation, { little });

/** A JPEG segment: marker, big-endian length (2 + the payload), payload. */
export const segment = (marker: number, payload: number[]) => [
  0xff,
  marker,
  ...u16(payload.length + 2, false),
  ...payload,
];

/** A start-of-frame segment (marker c0 unless given): 300 wide, 200 high. */
export const frame = (marker = 0xc0) =>
  segment(marker, [8, ...u16(200, false), ...u16(300, false), 3, ...new Array(9).fill(0)]);

/** An APP1 segment holding EXIF: "Exif\0\0" then the TIFF structure. */
export const exifApp1 = (tiffBytes: number[], header = 'Exif\0\0') => segment(0xe1, [...bytes(header), ...tiffBytes]);

/** A JPEG: start of image, then the segments given. */
export const jpegOf = (...segments: number[][]) => Uint8Array.from([0xff, 0xd8, ...segments.flat()]);

/** A JPEG's markers up to its frame header: 300 wide, 200 high, with an EXIF orientation when given. */
export const jpeg = (orientation?: number, little = true): Uint8Array =>
  orientation === undefined ? jpegOf(frame()) : jpegOf(exifApp1(tiff(orientation, little)), frame());

export const png = (width: number, height: number) =>
  new Uint8Array(
    new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"/>`).render().asPng(),
  );

/** The PNG with an eXIf chunk (its CRC is not checked) put before its image data. */
export function pngWithExif(orientation: number, data = tiff(orientation, false), declared = data.length): Uint8Array {
  const plain = png(300, 200);
  const chunk = [...u32(declared, false), ...bytes('eXIf'), ...data, 0, 0, 0, 0];
  return Uint8Array.from([...plain.slice(0, 33), ...chunk, ...plain.slice(33)]);
}

/** An extended WebP 300×200, with an EXIF chunk when given an orientation. */
export function webpX(orientation?: number, before: number[] = []): Uint8Array {
  const exif = orientation === undefined ? [] : [...bytes('EXIF'), ...u32(26, true), ...tiff(orientation)];
  const flags = orientation === undefined ? 0 : 0x08;
  const vp8x = [...bytes('VP8X'), ...u32(10, true), flags, 0, 0, 0, 299 & 255, 299 >> 8, 0, 199, 0, 0];
  const body = [...bytes('WEBP'), ...vp8x, ...before, ...exif];
  return Uint8Array.from([...bytes('RIFF'), ...u32(body.length, true), ...body]);
}
