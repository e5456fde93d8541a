// The site's logo in the header: a workspace image copied to assets/img/ with the study images.
// The site title stays beside it as text (the link's name), so the image itself is decorative.
import type { SiteSettings } from '../schemas/site';
import type { ImageSize } from '../image-size';
import { ASSET_SRC_PATTERN } from '../asset-store-limits';

/** The header's line height in CSS pixels (2rem in site-theme-brand.ts), the logo's height. */
export const LOGO_HEIGHT = 32;

/** Where the logo is written in the site, or null without one (or with a source not stored). */
export function siteLogoPath(site: Pick<SiteSettings, 'logo'>): string | null {
  const stored = site.logo ? ASSET_SRC_PATTERN.exec(site.logo) : null;
  // SVG is never exported (it can carry scripts): exportable-asset.ts refuses it.
  return stored && !stored[1]!.endsWith('.svg') ? `assets/img/${stored[1]}` : null;
}

/**
 * The logo's <img> for a page whose way back to the site root is `root`; '' without a logo.
 * `size` is the logo's pixel size (image-size.ts): with it the width at the header's height is
 * given too, so the browser reserves the logo's box before it loads. Without it (a header that
 * gives no size) only the height is given: a guessed width would squash or stretch the box.
 */
export function siteLogoHtml(site: Pick<SiteSettings, 'logo'>, root: string, size: ImageSize | null): string {
  const logo = siteLogoPath(site);
  if (!logo) return '';
  // Whole pixels, at least one (imageSize gives no zero side). Once loaded, the CSS's
  // `width: auto` draws the logo at its own proportions, so rounding costs under a pixel.
  const width = size ? ` width="${Math.max(1, Math.round((LOGO_HEIGHT * size.width) / size.height))}"` : '';
  // The name matches ASSET_SRC_PATTERN (hex and an extension): nothing in it needs escaping.
  return `<img class="site-logo" src="${root}${logo}" alt=""${width} height="${LOGO_HEIGHT}">`;
}
