// The site's logo as the export carries it: copied to assets/img/ with the study images, with
// the pixel size its header gives, which the header's <img> turns into a width (site-logo.ts).
import { imageSize, type ImageSize } from '../../pure/image-size';
import type { SiteSettings } from '../../pure/schemas/site';
import { exportableAsset } from './exportable-asset';

/**
 * The site's logo as the export carries it: added to `assets` with its pixel size for the
 * header's <img> (site-logo.ts), or, when it cannot be exported, left out of every page (the
 * title stays, with a warning) rather than linked broken. The size needs no key of its own in
 * the page memo: the logo's name is its bytes' hash (exportableAsset checks it) and site.logo
 * is in every page's key (siteKeyOf), so a page remembered with one logo's width is never
 * served for another.
 */
export function siteLogo(
  site: SiteSettings,
  readAsset: (src: string) => Uint8Array | null,
  assets: Map<string, Uint8Array>,
  warnings: string[],
): { site: SiteSettings; logoSize: ImageSize | null } {
  if (!site.logo) return { site, logoSize: null };
  const logo = exportableAsset(site.logo, readAsset);
  if (!logo.ok) {
    warnings.push(`Site logo: ${logo.reason}; the header shows the site title alone`);
    return { site: { ...site, logo: '' }, logoSize: null };
  }
  assets.set(logo.name, logo.bytes);
  return { site, logoSize: imageSize(logo.bytes) };
}
