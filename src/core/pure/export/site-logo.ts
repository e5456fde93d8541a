// The site's logo in the header: a workspace image copied to assets/img/ with the study images.
// The site title stays beside it as text (the link's name), so the image itself is decorative.
import type { SiteSettings } from '../schemas/site';
import { ASSET_SRC_PATTERN } from '../asset-store-limits';

/** Where the logo is written in the site, or null without one (or with a source not stored). */
export function siteLogoPath(site: Pick<SiteSettings, 'logo'>): string | null {
  const stored = site.logo ? ASSET_SRC_PATTERN.exec(site.logo) : null;
  // SVG is never exported (it can carry scripts): exportable-asset.ts refuses it.
  return stored && !stored[1]!.endsWith('.svg') ? `assets/img/${stored[1]}` : null;
}

/** The logo's <img> for a page whose way back to the site root is `root`; '' without a logo. */
export function siteLogoHtml(site: Pick<SiteSettings, 'logo'>, root: string): string {
  const logo = siteLogoPath(site);
  // The name matches ASSET_SRC_PATTERN (hex and an extension): nothing in it needs escaping.
  return logo ? `<img class="site-logo" src="${root}${logo}" alt="" height="32">` : '';
}
