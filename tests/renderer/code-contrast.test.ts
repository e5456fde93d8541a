// Every colour of the code highlighting, in the editor and on the published site, light and
// dark, is at least 4.5:1 on its code background (the light editor theme once had #986801 on
// #f3f1ec, 4.31:1). Read from the stylesheets themselves, so a new colour is checked too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_CONTRAST } from '../../src/core/pure/export/site-theme-brand';
import { SITE_CSS } from '../../src/core/pure/export/site-theme';

const editorCss = readFileSync(path.join(__dirname, '../../src/renderer/src/styles/code-highlight.css'), 'utf8');

const DARK = '@media (prefers-color-scheme: dark)';

/** The CSS outside every dark-scheme media query, and the CSS inside them. */
function schemes(css: string): { light: string; dark: string } {
  let light = '';
  let dark = '';
  let at = 0;
  for (let start = css.indexOf(DARK); start >= 0; start = css.indexOf(DARK, at)) {
    light += css.slice(at, start);
    let depth = 0;
    let end = css.indexOf('{', start);
    do {
      if (css[end] === '{') depth++;
      else if (css[end] === '}') depth--;
      end++;
    } while (depth > 0 && end < css.length);
    dark += css.slice(css.indexOf('{', start) + 1, end - 1);
    at = end;
  }
  expect(dark).not.toBe('');
  return { light: light + css.slice(at), dark };
}

const hexes = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => [m[1]!, m[2]!] as const);

describe('code highlight contrast', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`is at least 4.5:1 in the editor, ${scheme}`, () => {
      const css = schemes(editorCss)[scheme];
      const vars = new Map(hexes(css, /--([\w-]+):\s*(#[0-9a-f]{6})/gi));
      const bg = vars.get('code-bg')!;
      expect(bg).toBeDefined();
      const colours = [...vars].filter(([name]) => name.startsWith('hl-') || name === 'code-fg');
      expect(colours.length).toBeGreaterThanOrEqual(8);
      for (const [name, colour] of colours)
        expect(contrastRatio(colour, bg), `${name} ${colour} on ${bg}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
    });

    it(`is at least 4.5:1 on the site, ${scheme}`, () => {
      const css = schemes(SITE_CSS)[scheme];
      const bg = new Map(hexes(css, /--([\w-]+):\s*(#[0-9a-f]{6})/gi)).get('code-bg')!;
      const rules = [...css.matchAll(/(\.hljs-[^{]*)\{([^}]*)\}/g)];
      expect(rules.length).toBeGreaterThanOrEqual(6);
      for (const [, selector, body] of rules) {
        const colour = /(?:^|[\s;])color:\s*(#[0-9a-f]{6})/i.exec(body!)?.[1];
        if (!colour) continue;
        // Added and removed lines have a background of their own.
        const own = /background:\s*(#[0-9a-f]{6})/i.exec(body!)?.[1] ?? bg;
        expect(contrastRatio(colour, own), `${selector!.trim()} ${colour} on ${own}`).toBeGreaterThanOrEqual(
          MIN_CONTRAST,
        );
      }
    });
  }
});
