// Social cards are encoded by card-png.ts, not resvg's slower encoder: the files must hold
// exactly the pixels resvg draws (decoded here, every filter undone), at 1200×630 — indexed
// when there are at most 256 colours, RGBA otherwise — and a picture with transparency is
// left to resvg (its pixels are premultiplied).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type * as ResvgTypes from '@resvg/resvg-js';
import { encodeOpaquePng } from '../../../src/core/node/export/card-png';
import { cardFontFiles, renderCardPng } from '../../../src/core/node/export/site-card-render';
import { cardSvg } from '../../../src/core/pure/export/site-card-svg';
import { imageSize } from '../../../src/core/pure/image-size';
import { decodePng } from '../../helpers/png-pixels';

const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof ResvgTypes;

const svg = cardSvg({
  title: 'How we cut p99 latency by 70% with a write-ahead log',
  summary: 'Batching writes behind one fsync, and what it cost us in recovery time.',
  siteName: 'Acme Engineering',
  outcome: 'Succeeded',
  keyResult: 'p99 latency: 120 ms → 40 ms',
});

describe('card PNG encoding', () => {
  it('a card holds exactly the pixels resvg draws (and encodes) for its SVG, at 1200×630', () => {
    const { regular, bold } = cardFontFiles();
    const reference = new Resvg(svg, {
      font: { fontFiles: [regular, bold], loadSystemFonts: false, defaultFontFamily: 'Inter' },
    })
      .render()
      .asPng();
    const ours = renderCardPng(svg);
    expect(imageSize(ours)).toEqual({ width: 1200, height: 630 });
    const a = decodePng(ours);
    const b = decodePng(reference);
    expect([a.width, a.height]).toEqual([1200, 630]);
    // Text was drawn: more than the background's and the accent's colours.
    expect(new Set(new Uint32Array(a.rgba.buffer, a.rgba.byteOffset, a.rgba.length / 4)).size).toBeGreaterThan(20);
    expect(Buffer.compare(Buffer.from(a.rgba), Buffer.from(b.rgba))).toBe(0);
    // A card's few colours are written as a palette: one byte a pixel, a file far smaller.
    expect(ours[25]).toBe(3);
    expect(ours.length).toBeLessThan(reference.length);
  });

  it('round-trips pixels exactly: the first row, rows like the one above, rows unlike it', () => {
    const width = 5;
    const height = 4;
    const pixels = new Uint8Array(width * height * 4).fill(255);
    pixels.set([10, 20, 30, 255, 0, 0, 0, 255], 0); // row 0 differs from the fill
    pixels.set([200, 1, 250, 255], 2 * width * 4 + 8); // row 2 differs from row 1 (row 1 = row 3)
    pixels.set(pixels.subarray(width * 4, 2 * width * 4), 3 * width * 4);
    const png = encodeOpaquePng(pixels, width, height)!;
    expect(decodePng(png)).toEqual({ width, height, rgba: pixels });
  });

  it('writes a picture of more than 256 colours as RGBA, pixel for pixel', () => {
    const width = 300;
    const height = 2;
    const pixels = new Uint8Array(width * height * 4).fill(255);
    for (let i = 0; i < width * height; i++) pixels.set([i & 255, i >> 8, (i * 7) & 255], i * 4);
    const png = encodeOpaquePng(pixels, width, height)!;
    expect(png[25]).toBe(6);
    expect(decodePng(png)).toEqual({ width, height, rgba: pixels });
    // Exactly 256 colours still fit a palette.
    const few = pixels.slice(0, 256 * 4);
    const indexed = encodeOpaquePng(few, 256, 1)!;
    expect(indexed[25]).toBe(3);
    expect(decodePng(indexed)).toEqual({ width: 256, height: 1, rgba: few });
  });

  it('leaves a picture with any transparent pixel to resvg', () => {
    const pixels = new Uint8Array(4 * 4 * 4).fill(255);
    pixels[4 * 7 + 3] = 128;
    expect(encodeOpaquePng(pixels, 4, 4)).toBeNull();
    expect(encodeOpaquePng(new Uint8Array(8), 4, 4)).toBeNull();
    // Transparent as the first pixel, or only after the palette is full.
    expect(encodeOpaquePng(new Uint8Array(4 * 4 * 4), 4, 4)).toBeNull();
    const many = new Uint8Array(300 * 4).fill(255);
    for (let i = 0; i < 299; i++) many.set([i & 255, i >> 8, 0], i * 4);
    many[299 * 4 + 3] = 0;
    expect(encodeOpaquePng(many, 300, 1)).toBeNull();
  });
});
