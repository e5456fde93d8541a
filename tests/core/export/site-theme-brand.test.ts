// The site's branding CSS (site-theme-brand.ts): contrast measured as WCAG 2 defines it, an
// accent moved only as far as it must be to read, and nothing but a #rrggbb colour ever written
// into the stylesheet.
import { describe, expect, it } from 'vitest';
import { accentColours, brandCss, contrastRatio } from '../../../src/core/pure/export/site-theme-brand';
import { PNG_ASSET } from '../../site/sample-site';

const SCHEMES = [
  { scheme: 'light', towards: [0, 0, 0], backgrounds: ['#ffffff', '#f6f8fa'] },
  { scheme: 'dark', towards: [255, 255, 255], backgrounds: ['#0d1117', '#161b22'] },
] as const;

const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const hex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
const reads = (colour: string, backgrounds: readonly string[]) =>
  backgrounds.every((bg) => contrastRatio(colour, bg) >= 4.5);

describe('contrast', () => {
  it('matches the ratios WCAG tools publish for well-known pairs', () => {
    // WebAIM's contrast checker: black on white 21:1, #767676 the lightest grey passing AA
    // (4.54:1), #777777 just failing (4.48:1), pure red 4:1, pure blue 8.59:1, green 1.37:1.
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 2);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(4.0, 1);
    expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
    expect(contrastRatio('#00ff00', '#ffffff')).toBeCloseTo(1.37, 2);
  });

  it('keeps pure blue on the light background and lightens it for the dark one', () => {
    expect(accentColours('#0000FF')).toMatchObject({ light: '#0000ff', lightAdjusted: false, darkAdjusted: true });
  });
});

describe('an adjusted accent', () => {
  const accents = ['#0a58ca', '#ffff00', '#ff6600', '#777777', '#00ff00', '#0000ff', '#ff0000', '#6f42c1'];

  it('is the first 2 % step from the chosen colour towards black (light) or white (dark) that reads', () => {
    for (const accent of accents) {
      const c = accentColours(accent);
      for (const { scheme, towards, backgrounds } of SCHEMES) {
        const drawn = scheme === 'light' ? c.light : c.dark;
        const from = channels(accent);
        const step = (k: number) => hex(from.map((v, i) => v + (towards[i]! - v) * (k / 50)));
        const k = Array.from({ length: 51 }, (_, i) => i).find((i) => step(i) === drawn);
        expect(k, `${accent} ${scheme}: ${drawn} lies on the way to ${hex([...towards])}`).toBeDefined();
        expect(reads(drawn, backgrounds)).toBe(true);
        // The step before it did not read, so the colour moved no further than it had to.
        if (k! > 0) expect(reads(step(k! - 1), backgrounds), `${accent} ${scheme}`).toBe(false);
        expect(scheme === 'light' ? c.lightAdjusted : c.darkAdjusted).toBe(k! > 0);
      }
    }
  });

  it('hovers further from the background: darker on light, lighter on dark', () => {
    for (const accent of accents) {
      const c = accentColours(accent);
      const sum = (h: string) => channels(h).reduce((a, b) => a + b, 0);
      if (c.light !== '#000000') expect(sum(c.lightHover)).toBeLessThan(sum(c.light));
      if (c.dark !== '#ffffff') expect(sum(c.darkHover)).toBeGreaterThan(sum(c.dark));
    }
  });
});

describe('the branding CSS', () => {
  it('writes nothing from an accent that is not a #rrggbb colour (no CSS can be injected)', () => {
    for (const accent of ['red', '#0a58c', 'x#0a58ca', '#0a58ca; } body { display: none }', '#0a58cg']) {
      expect(brandCss({ accent, font: 'sans' }), accent).toBe('');
    }
    expect(brandCss({ accent: '#0A58CA', font: 'sans' })).toContain('--accent: #0a58ca;');
  });

  it('sizes the logo to the header line beside the title, only when there is one', () => {
    const css = brandCss({ accent: '', font: 'sans', logo: PNG_ASSET });
    expect(css).toMatch(/\.site-title \{[^}]*display: inline-flex;[^}]*align-items: center;/);
    expect(css).toMatch(/\.site-logo \{[^}]*height: 2rem;[^}]*width: auto;/);
    expect(brandCss({ accent: '', font: 'sans', logo: '' })).toBe('');
  });
});
