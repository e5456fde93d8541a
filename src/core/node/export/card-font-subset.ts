// The card fonts cut down to the characters an export's cards show, for drawing many cards.
// resvg-js 2.6 reads a font file again each time it outlines a glyph (thx/resvg-js#367): ~150
// reads of Inter's ~340 KB a card, most of a card's system time. A subset made with harfbuzz
// (subset-font: hb-subset's wasm build, which keeps the glyphs the layout tables can reach and
// the kerning) is ~40 KB and draws the same pixels (a test compares them) — except where a
// card shows a character Inter lacks, so such a card keeps the full fonts (fontsFor). Made once per
// export in a private temporary folder (never the workspace's .casebook/: resvg reads the file
// by path, so a file another user could replace must not be it), removed when the cards are
// drawn. Anything that fails gives null: the cards are drawn with the full fonts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as HarfBuzzTypes from 'harfbuzzjs';
import { cardFontFiles, type CardFonts } from './site-card-render';

type HarfBuzz = typeof HarfBuzzTypes;

const requireHere = createRequire(import.meta.url);
type SubsetFont = (font: Buffer, text: string, options: { targetFormat: 'truetype' }) => Promise<Buffer>;
// Loaded at run time, as resvg is (site-card-render.ts): its wasm file is found by path.
const loadSubsetFont = (): SubsetFont => requireHere('subset-font') as SubsetFont;

// An ES module with its wasm beside it: imported by path at run time, never bundled.
const loadHarfBuzz = async (): Promise<HarfBuzz> =>
  (await import(pathToFileURL(requireHere.resolve('harfbuzzjs')).href)) as HarfBuzz;

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/** Every character the text of the SVGs `svgs` shows (their XML escapes undone). */
export function cardTextChars(svgs: readonly string[]): string {
  const chars = new Set<string>();
  for (const svg of svgs) {
    for (const [, text] of svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) {
      for (const ch of text!.replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]!)) chars.add(ch);
    }
  }
  return [...chars].sort().join('');
}

export interface CardFontSubset {
  fonts: CardFonts;
  /** The subset when it draws `svg` as the full fonts do (every character of it in both), else undefined. */
  fontsFor(svg: string): CardFonts | undefined;
  remove(): Promise<void>;
}

/** A subset of the card fonts to draw `svgs` with; null when it cannot be made. */
export async function subsetCardFonts(svgs: readonly string[]): Promise<CardFontSubset | null> {
  let dir: string | null = null;
  try {
    const subset = loadSubsetFont();
    const text = cardTextChars(svgs);
    const full = cardFontFiles();
    const [regular, bold] = await Promise.all(
      [full.regular, full.bold].map((file) => subset(readFileSync(file), text, { targetFormat: 'truetype' })),
    );
    dir = await mkdtemp(path.join(os.tmpdir(), 'casebook-card-fonts-'));
    const fonts = { regular: path.join(dir, 'regular.ttf'), bold: path.join(dir, 'bold.ttf') };
    await writeFile(fonts.regular, regular!, { flag: 'wx', mode: 0o600 });
    await writeFile(fonts.bold, bold!, { flag: 'wx', mode: 0o600 });
    const made = dir;
    const hb = await loadHarfBuzz();
    const [inRegular, inBold] = [regular!, bold!].map(
      (bytes) => new Set(new hb.Face(new hb.Blob(bytes)).collectUnicodes()),
    );
    const lacking = new Set(
      [...text].filter((ch) => !inRegular!.has(ch.codePointAt(0)!) || !inBold!.has(ch.codePointAt(0)!)),
    );
    const covered = (svg: string) => lacking.size === 0 || [...cardTextChars([svg])].every((ch) => !lacking.has(ch));
    return {
      fonts,
      fontsFor: (svg) => (covered(svg) ? fonts : undefined),
      remove: () => rm(made, { recursive: true, force: true }).catch(() => undefined),
    };
  } catch {
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    return null;
  }
}
