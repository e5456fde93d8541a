// Many cards are drawn with the card fonts cut to the characters they show (card-font-subset.ts,
// faster with resvg-js): a card drawn so must be the very same PNG as one drawn with the full
// fonts — kerning, the ellipsis of a clamped title, accents and a character Inter lacks
// included — and the subset is gone once the export is done with it.
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardTextChars, subsetCardFonts } from '../../../src/core/node/export/card-font-subset';
import { cardFontFiles, renderCardPng } from '../../../src/core/node/export/site-card-render';
import { cardSvg, type CardContent } from '../../../src/core/pure/export/site-card-svg';

const base: CardContent = {
  title: 'AVATAR: To Wave, Yawn & “quote” <tags>',
  summary: 'Crème brûlée für Straße — naïve façade, 漢字, 50 % off.',
  siteName: 'Acme Engineering',
  outcome: 'Succeeded',
  keyResult: 'p99 latency: 120 ms → 40 ms',
};
const cards = [
  cardSvg(base),
  cardSvg({
    ...base,
    summary: 'Crème brûlée',
    title: 'Why the very long title of this study must be cut short somewhere '.repeat(3),
  }),
  cardSvg({ ...base, outcome: '', keyResult: '', summary: 'naïve façade, “50 % off” & <more>' }),
];

describe('card font subset', () => {
  it('takes every character the cards show, escapes undone, and nothing of the markup', () => {
    const chars = cardTextChars(cards);
    for (const ch of '&<>“”…·→漢üAVTW') expect(chars).toContain(ch);
    // Markup only: '#' (colours), '=' and '/' appear in attributes, never in this text.
    for (const ch of '#=/') expect(chars).not.toContain(ch);
  });

  it('draws each card as the very same PNG as the full fonts, and is removed afterwards', async () => {
    const subset = await subsetCardFonts(cards);
    expect(subset).not.toBeNull();
    const { fonts, fontsFor, remove } = subset!;
    expect(statSync(fonts.bold).size).toBeLessThan(statSync(cardFontFiles().bold).size / 2);
    for (const svg of cards)
      expect(Buffer.from(renderCardPng(svg, fontsFor(svg))).equals(Buffer.from(renderCardPng(svg)))).toBe(true);
    // Only the card showing a character Inter lacks (漢) keeps the full fonts.
    expect(cards.map((svg) => fontsFor(svg) === fonts)).toEqual([false, true, true]);
    await remove();
    expect(existsSync(fonts.regular) || existsSync(fonts.bold)).toBe(false);
  });

  it('misses what it was not made for (so the comparison above can fail)', async () => {
    const subset = await subsetCardFonts([cardSvg({ ...base, title: 'AAA' })]);
    const other = cardSvg({ ...base, title: 'Zebra quiz' });
    expect(Buffer.from(renderCardPng(other, subset!.fonts)).equals(Buffer.from(renderCardPng(other)))).toBe(false);
    await subset!.remove();
  });
});
