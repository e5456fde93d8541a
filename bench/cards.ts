// What one social card costs, stage by stage, on one thread: `npx tsx bench/cards.ts [N]`
// (default 100 cards of realistic studies; --subset: with the fonts cut to their characters). Per card: wall, user and system CPU of
//   layout   new Resvg(svg): parse, lay the text out, outline the glyphs
//   render   rasterise 1200×630
//   pixels   copy the pixels out of resvg
//   encode   card-png.ts
// System time is worth watching: resvg-js 2.6 (native) reads the font file again for every
// glyph it outlines (thx/resvg-js#367), ~150 reads of ~340 KB a card, and its 3 MB pixmap is
// fresh memory from the system unless its allocator is told to reuse memory, as the export
// tells it (`casebook export`, card-allocator.ts; --default-allocator: without, to compare).
import { createRequire } from 'node:module';
import type * as ResvgTypes from '@resvg/resvg-js';
import { prepareCardAllocator } from '../src/core/node/export/card-allocator';
import { subsetCardFonts } from '../src/core/node/export/card-font-subset';
import { encodeOpaquePng } from '../src/core/node/export/card-png';
import { cardFontFiles } from '../src/core/node/export/site-card-render';
import { cardSvg, CARD_FONT_FAMILY, CARD_WIDTH } from '../src/core/pure/export/site-card-svg';
import { studyCardContent } from '../src/core/pure/export/site-share';
import { defaultSiteSettings } from '../src/core/pure/schemas/site';
import { generateRealisticStudies } from './realistic-studies';

const n = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 100);
// --subset: drawn with the fonts cut to the cards' characters, as an export with many cards is.
const useSubset = process.argv.includes('--subset');
const defaultAllocator = process.argv.includes('--default-allocator');
if (!defaultAllocator) prepareCardAllocator();
const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof ResvgTypes;
const site = { ...defaultSiteSettings(), title: 'Acme Engineering' };
const svgs = generateRealisticStudies(n, 2026).map((s) => cardSvg(studyCardContent(site, s)));
const subset = useSubset ? await subsetCardFonts(svgs) : null;
const { regular, bold } = subset?.fonts ?? cardFontFiles();
const options = {
  fitTo: { mode: 'width' as const, value: CARD_WIDTH },
  font: {
    fontFiles: [regular, bold],
    loadSystemFonts: false,
    defaultFontFamily: CARD_FONT_FAMILY,
    sansSerifFamily: CARD_FONT_FAMILY,
  },
};

const stages = ['layout', 'render', 'pixels', 'encode'] as const;
const totals = new Map(stages.map((s) => [s, { wall: 0, user: 0, system: 0 }]));
function timed<T>(stage: (typeof stages)[number], run: () => T): T {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const used = process.cpuUsage(cpu);
  const total = totals.get(stage)!;
  total.wall += performance.now() - start;
  total.user += used.user / 1000;
  total.system += used.system / 1000;
  return result;
}

let bytes = 0;
for (const [i, svg] of svgs.entries()) {
  const resvg = timed('layout', () => new Resvg(svg, options));
  const image = timed('render', () => resvg.render());
  const pixels = timed('pixels', () => image.pixels);
  bytes += timed('encode', () => encodeOpaquePng(pixels, image.width, image.height))!.length;
  // As a render worker between chunks of 4 cards: back to the event loop, where resvg-js frees
  // the memory of the cards V8 has collected (never, in a loop that does not return).
  if (i % 4 === 3) await new Promise(setImmediate);
}
await subset?.remove();
console.log(
  `${n} cards${subset ? ' (font subset)' : ''}${defaultAllocator ? ' (allocator defaults)' : ''}, ms per card (wall / user / system), ${Math.round(bytes / n / 1024)} KB a card\n`,
);
let sum = 0;
for (const [stage, t] of totals) {
  sum += t.wall;
  const f = (ms: number) => (ms / n).toFixed(1).padStart(6);
  console.log(`  ${stage.padEnd(8)} ${f(t.wall)} ${f(t.user)} ${f(t.system)}`);
}
console.log(`  ${'total'.padEnd(8)} ${(sum / n).toFixed(1).padStart(6)}`);
