// The site's branding as CSS: the accent colour and the body font from the site settings.
// Nothing is added for the defaults, so a site without branding keeps its stylesheet.
//
// The accent is never refused: links must reach 4.5:1 against both the light and the dark
// backgrounds, and no single colour does (a colour dark enough for white is too dark for
// #0d1117), so each scheme gets the chosen colour as it is when it passes there, else the
// nearest one towards black (light) or white (dark) that does. The Site settings dialog shows
// both results.
import type { SiteSettings } from '../schemas/site';

/** WCAG 2 minimum for normal text. */
export const MIN_CONTRAST = 4.5;
/** The theme's backgrounds links are drawn on (--bg, --surface / --code-bg), light then dark. */
const LIGHT_BACKGROUNDS = ['#ffffff', '#f6f8fa'];
const DARK_BACKGROUNDS = ['#0d1117', '#161b22'];

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const hexOf = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const mix = (from: string, to: string, t: number): string => {
  const a = rgbOf(from);
  const b = rgbOf(to);
  return hexOf([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgb);
};

const passes = (colour: string, backgrounds: string[]) =>
  // Stryker disable next-line EqualityOperator: no #rrggbb colour is exactly 4.5:1 on these backgrounds (all 16.7 million checked)
  backgrounds.every((bg) => contrastRatio(colour, bg) >= MIN_CONTRAST);

/** `colour`, or the first mix towards `towards` (in 2% steps) that passes on every background. */
function adjusted(colour: string, towards: string, backgrounds: string[]): string {
  // Stryker disable next-line EqualityOperator: step 50 is `towards` itself, which the line after the loop returns
  for (let step = 0; step <= 50; step++) {
    const candidate = mix(colour, towards, step / 50);
    if (passes(candidate, backgrounds)) return candidate;
  }
  return towards; // black on the light backgrounds, white on the dark: always enough
}

export interface AccentColours {
  light: string;
  lightHover: string;
  dark: string;
  darkHover: string;
  /** Whether the chosen colour was changed for that scheme. */
  lightAdjusted: boolean;
  darkAdjusted: boolean;
}

/** The accent as each colour scheme draws it: the chosen colour where it reads, else adjusted. */
export function accentColours(accent: string): AccentColours {
  const colour = accent.toLowerCase();
  // Stryker disable next-line StringLiteral: '' reads as black (rgbOf), the same colour
  const light = adjusted(colour, '#000000', LIGHT_BACKGROUNDS);
  const dark = adjusted(colour, '#ffffff', DARK_BACKGROUNDS);
  return {
    light,
    // Hover moves further from the background, so it keeps (and raises) the contrast.
    // Stryker disable next-line StringLiteral: '' reads as black (rgbOf), the same colour
    lightHover: mix(light, '#000000', 0.2),
    dark,
    darkHover: mix(dark, '#ffffff', 0.3),
    lightAdjusted: light !== colour,
    darkAdjusted: dark !== colour,
  };
}

const SERIF = 'ui-serif, Georgia, Cambria, "Times New Roman", Times, serif';
const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The bundled font's files under assets/ (site-fonts.ts copies them), by weight. */
export const BUNDLED_FONT_FILES = {
  400: 'fonts/inter-latin-400-normal.woff2',
  700: 'fonts/inter-latin-700-normal.woff2',
};

// Relative to site.css (in assets/), so it loads from file:// and under any sub-path. Latin
// only (24 KB a weight): other scripts fall back to the system sans in the same stack.
const INTER_CSS = Object.entries(BUNDLED_FONT_FILES)
  .map(
    ([weight, file]) =>
      `@font-face { font-family: "Inter"; font-style: normal; font-weight: ${weight}; font-display: swap; src: url("${file}") format("woff2"); }`,
  )
  .join('\n');

/** CSS for the site's branding, '' when it has none. Appended after the theme. */
export function brandCss(site: Pick<SiteSettings, 'accent' | 'font'> & Partial<Pick<SiteSettings, 'logo'>>): string {
  const parts: string[] = [];
  if (site.accent && /^#[0-9a-fA-F]{6}$/.test(site.accent)) {
    const c = accentColours(site.accent);
    parts.push(
      // Screen only: print keeps the theme's black links.
      `@media screen { :root { --accent: ${c.light}; --accent-hover: ${c.lightHover}; } }`,
      `@media screen and (prefers-color-scheme: dark) { :root { --accent: ${c.dark}; --accent-hover: ${c.darkHover}; } }`,
    );
  }
  if (site.font === 'serif') parts.push(`:root { --font-body: ${SERIF}; }`);
  if (site.font === 'inter') parts.push(INTER_CSS, `:root { --font-body: "Inter", ${SANS}; }`);
  // The logo (site-logo.ts) at the header's line height, its width from its own proportions.
  if (site.logo)
    parts.push(
      '.site-title { display: inline-flex; align-items: center; gap: 0.5rem; }',
      '.site-logo { height: 2rem; width: auto; border-radius: 0; }',
    );
  // Stryker disable next-line StringLiteral: browsers need nothing between rules; the newlines are for readers of site.css
  const rules = parts.join('\n');
  return parts.length ? `/* Branding (Site settings) */\n${rules}\n` : '';
}
