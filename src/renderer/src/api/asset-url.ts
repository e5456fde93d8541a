// Where the editor loads a stored image from: the document keeps `assets/<hash>.<ext>`;
// Electron shows it through the casebook-asset: protocol, browser mode through the server,
// whose session cookie authenticates it: the URL holds no secret, so neither does copied HTML.
import { ASSET_SRC_PATTERN } from '../../../core/pure/asset-store-limits';

export const ASSET_PROTOCOL = 'casebook-asset';
const ELECTRON_PREFIX = `${ASSET_PROTOCOL}://asset/`;
const BROWSER_ROUTE = '/workspace-assets/';

/** The URL an <img> uses for a stored `src`; other sources are returned as they are. */
export function assetDisplayUrl(src: string): string {
  const match = ASSET_SRC_PATTERN.exec(src);
  if (!match) return src;
  if (window.casebook) return `${ELECTRON_PREFIX}${match[1]}`;
  return `${BROWSER_ROUTE}${match[1]}`;
}

/** The stored `src` for a display URL (e.g. an image copied within the editor), or the input. */
export function storedAssetSrc(displayUrl: string): string {
  const name = /(?:casebook-asset:\/\/asset\/|\/workspace-assets\/)([a-f0-9]{64}\.(?:png|jpg|gif|webp|svg))/.exec(
    displayUrl,
  );
  return name ? `assets/${name[1]}` : displayUrl;
}
