// Rasterises a social card's SVG (site-card-svg.ts) to PNG with resvg, using ONE bundled font
// and no system fonts, so the same SVG gives the same pixels on every OS. The font is chosen
// in cardFontFiles() alone: swapping it (for a font shipped as an npm package) is one line.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as ResvgTypes from '@resvg/resvg-js';
import { CARD_FONT_FAMILY, CARD_WIDTH } from '../../pure/export/site-card-svg';
import { encodeOpaquePng } from './card-png';

/** Bump when the drawing changes without the SVG changing (a new font, new options, encoder). */
const RENDER_VERSION = 4;

const requireHere = createRequire(import.meta.url);

/**
 * The TTF files the cards are drawn with (resvg reads TTF/OTF, not WOFF): Inter (SIL OFL 1.1),
 * installed as a dependency, so every OS draws the same card.
 */
export interface CardFonts {
  regular: string;
  bold: string;
}

export function cardFontFiles(): CardFonts {
  return {
    regular: requireHere.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    bold: requireHere.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
  };
}

// The fonts' bytes, not their paths (which differ between installs): the same card gets the
// same name on every machine that draws it the same way.
let fontIdentity: string | undefined;
const drawingIdentity = (): string =>
  (fontIdentity ??= createHash('sha256')
    .update(String(RENDER_VERSION))
    .update(readFileSync(cardFontFiles().regular))
    .update(readFileSync(cardFontFiles().bold))
    .digest('hex'));

/** What cardName gives: 32 hex digits (a card's file name, without .png). */
export const CARD_NAME = /^[a-f0-9]{32}$/;

/** The name of the card drawn from `svg`: a hash of the SVG and of how it is drawn. */
export function cardName(svg: string): string {
  return createHash('sha256').update(`${drawingIdentity()}\n`).update(svg).digest('hex').slice(0, 32);
}

// Loaded on first use, at run time: a native module (the CLI bundle cannot hold it), and only
// a site export that draws a card needs it.
type ResvgModule = typeof ResvgTypes;
let resvgModule: ResvgModule | undefined;
const loadResvg = (): ResvgModule => (resvgModule ??= requireHere('@resvg/resvg-js') as ResvgModule);

/** For tests and the bench: how many cards were rasterised in this process. */
export const cardRenderStats = { renders: 0 };

/**
 * The PNG of `svg`, drawn with the card font only: `fonts` are its files, or a subset of them
 * holding every character of `svg` (card-font-subset.ts), which draws the same pixels faster.
 */
export function renderCardPng(svg: string, fonts: CardFonts = cardFontFiles()): Uint8Array {
  const { regular, bold } = fonts;
  const { Resvg } = loadResvg();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: CARD_WIDTH },
    font: {
      fontFiles: [regular, bold],
      loadSystemFonts: false,
      defaultFontFamily: CARD_FONT_FAMILY,
      sansSerifFamily: CARD_FONT_FAMILY,
    },
  });
  cardRenderStats.renders++;
  const image = resvg.render();
  // card-png.ts encodes a card several times faster than resvg; resvg keeps what is not opaque.
  return encodeOpaquePng(image.pixels, image.width, image.height) ?? new Uint8Array(image.asPng());
}
