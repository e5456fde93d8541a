// The social card of a page without a cover image: a 1200×630 SVG (title, summary, site name,
// outcome, first key result) that site-cards.ts rasterises to PNG. Pure and deterministic: the
// same content gives the same SVG, whose hash names the PNG (assets/cards/<hash>.png). Text is
// wrapped by an estimate of its width (no font metrics here) and clamped with an ellipsis, so a
// long title never runs off the card; every piece of text is escaped for XML.
import { escapeXml } from './site-feed';
import { UNTITLED_STUDY } from './site-layout';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardContent {
  title: string;
  summary: string;
  siteName: string;
  /** E.g. "Succeeded"; empty for none. */
  outcome: string;
  /** The first key result as a sentence; empty for none. */
  keyResult: string;
}

/** The font family the SVG asks for: the one font the rasteriser is given (site-cards.ts). */
export const CARD_FONT_FAMILY = 'Inter';

const MARGIN = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;
/** Advance of a lowercase letter in em, generous for a bold sans (Inter Bold averages less). */
const AVERAGE_EM = 0.64;

// A card's text is measured again and again as lines are wrapped and clamped (twice for
// each card of an export): each character's advance is worked out once.
const emsOf = new Map<string, number>();
const charEms = (ch: string): number => {
  let ems = emsOf.get(ch);
  if (ems === undefined) emsOf.set(ch, (ems = measureChar(ch)));
  return ems;
};

function measureChar(ch: string): number {
  const code = ch.codePointAt(0)!;
  // CJK, Hangul, full-width forms and emoji take about a full em.
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || code >= 0xac00)) return 1;
  if (/[ilI.,:;'|!()[\]\s]/.test(ch)) return 0.36;
  if (/[mwMW@]/.test(ch)) return 1;
  if (/[A-Z0-9]/.test(ch)) return 0.76;
  return AVERAGE_EM;
}

/** Regular text is about this much narrower than bold in a sans face. */
const REGULAR = 0.9;
/** `size` is the font size; regular text is passed as `size * REGULAR` (its effective width). */
export const widthOf = (text: string, size: number) => [...text].reduce((sum, ch) => sum + charEms(ch) * size, 0);

/** Collapsed whitespace and no control characters: one line of text as the card shows it. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this drops
  return text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

/** Cuts `text` to fit `width` at `size`, ending with an ellipsis when anything was cut. */
export function clamp(text: string, size: number, width: number): string {
  if (widthOf(text, size) <= width) return text;
  const chars = [...text];
  // The longest start that fits with the ellipsis: widths summed in the order widthOf sums them.
  let keep = 0;
  for (let sum = 0; keep < chars.length; keep++) {
    const next = sum + charEms(chars[keep]!) * size;
    if (next + charEms('…') * size > width) break;
    sum = next;
  }
  return `${chars.slice(0, keep).join('').trimEnd()}…`;
}

/** Words into at most `maxLines` lines of `width`; the last one clamped with an ellipsis. */
export function wrapText(text: string, size: number, width: number, maxLines: number): string[] {
  const words = oneLine(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (widthOf(next, size) <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines - 1) {
      line = words.slice(i).join(' ');
      break;
    }
  }
  if (line) lines.push(line);
  return lines.slice(0, maxLines).map((l) => clamp(l, size, width));
}

function textBlock(lines: string[], x: number, y: number, size: number, lineHeight: number, attrs: string): string {
  return lines
    .map((line, i) => `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`)
    .join('');
}

/** The card as SVG text in the site theme's light colours: accent bar, site name, title, summary, facts. */
export function cardSvg(card: CardContent): string {
  const title = oneLine(card.title) || UNTITLED_STUDY;
  // The title takes up to three lines; a shorter title leaves room for two lines of summary.
  const titleSize = widthOf(title, 64) > TEXT_WIDTH * 2 ? 54 : 64;
  const titleLines = wrapText(title, titleSize, TEXT_WIDTH, 3);
  const titleTop = 200;
  const titleLead = Math.round(titleSize * 1.18);
  const summaryTop = titleTop + titleLines.length * titleLead + 24;
  const summaryLines = titleLines.length < 3 ? wrapText(card.summary, 30 * REGULAR, TEXT_WIDTH, 2) : [];
  const facts = [card.outcome && `Outcome: ${oneLine(card.outcome)}`, oneLine(card.keyResult)].filter(Boolean);
  const factLine = facts.length ? clamp(facts.join('  ·  '), 28 * REGULAR, TEXT_WIDTH) : '';
  const font = `font-family="${CARD_FONT_FAMILY}"`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#f6f8fa"/>`,
    `<rect width="${CARD_WIDTH}" height="16" fill="#0a58ca"/>`,
    textBlock(
      [clamp(oneLine(card.siteName) || 'Casebook', 30, TEXT_WIDTH)],
      MARGIN,
      112,
      30,
      0,
      `${font} font-weight="bold" fill="#0a58ca"`,
    ),
    textBlock(titleLines, MARGIN, titleTop, titleSize, titleLead, `${font} font-weight="bold" fill="#1f2328"`),
    textBlock(summaryLines, MARGIN, summaryTop + 12, 30, 42, `${font} fill="#57606a"`),
    `<rect x="${MARGIN}" y="${CARD_HEIGHT - 116}" width="${TEXT_WIDTH}" height="2" fill="#d8dee4"/>`,
    factLine ? textBlock([factLine], MARGIN, CARD_HEIGHT - 64, 28, 0, `${font} fill="#1f2328"`) : '',
    `</svg>`,
  ].join('');
}
