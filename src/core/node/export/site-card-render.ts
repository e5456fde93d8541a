// Rasterises a social card's SVG (site-card-svg.ts) to PNG with resvg, using ONE bundled font
// and no system fonts, so the same SVG gives the same pixels on every OS. The font is chosen
// in cardFontFiles() alone: swapping it (for a font shipped as an npm package) is one line.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as ResvgTypes from '@resvg/resvg-js';
import { CARD_FONT_FAMILY, CARD_WIDTH } from '../../pure/export/site-card-svg';

/** Bump when the drawing changes without the SVG changing (a new font, new options). */
const RENDER_VERSION = 1;

/**
 * The TTF files the cards are drawn with (resvg reads TTF/OTF, not WOFF). DejaVu Sans for now
 * (free licence, on most Linux systems); to be replaced by a font shipped as a package.
 */
export function cardFontFiles(): { regular: string; bold: string } {
  const dir = '/usr/share/fonts/truetype/dejavu';
  return { regular: `${dir}/DejaVuSans.ttf`, bold: `${dir}/DejaVuSans-Bold.ttf` };
}

/** Whether the card font is on this machine (without it no card is drawn: a warning says so). */
export function cardFontAvailable(): boolean {
  const { regular, bold } = cardFontFiles();
  return existsSync(regular) && existsSync(bold);
}

/** The name of the card drawn from `svg`: a hash of the SVG and of how it is drawn. */
export function cardName(svg: string): string {
  const files = cardFontFiles();
  return createHash('sha256')
    .update(`${RENDER_VERSION}\n${files.regular}\n${files.bold}\n`)
    .update(svg)
    .digest('hex')
    .slice(0, 32);
}

// Loaded on first use, at run time: a native module (the CLI bundle cannot hold it), and only
// a site export that draws a card needs it.
type ResvgModule = typeof ResvgTypes;
let resvgModule: ResvgModule | undefined;
const loadResvg = (): ResvgModule => (resvgModule ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule);

/** For tests and the bench: how many cards were rasterised in this process. */
export const cardRenderStats = { renders: 0 };

/** The PNG of `svg`, drawn with the card font only. */
export function renderCardPng(svg: string): Uint8Array {
  const { regular, bold } = cardFontFiles();
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
  return new Uint8Array(resvg.render().asPng());
}
