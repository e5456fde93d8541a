// Where the editor loads a stored image from: the document keeps `assets/<hash>.<ext>`;
// Electron shows it through the casebook-asset: protocol, browser mode through the server,
// whose session cookie authenticates it: the URL holds no secret, so neither does copied HTML.
import { ASSET_FILE_PATTERN, ASSET_SRC_PATTERN } from '../../../core/pure/asset-store-limits';
import { ASSET_ROUTE, ASSET_SCHEME_PREFIX } from '../../../core/pure/transport';

/** The URL an <img> uses for a stored `src`; other sources are returned as they are. */
export function assetDisplayUrl(src: string): string {
  const match = ASSET_SRC_PATTERN.exec(src);
  if (!match) return src;
  if (window.casebook) return `${ASSET_SCHEME_PREFIX}${match[1]}`;
  return `${ASSET_ROUTE}${match[1]}`;
}

/** The stored `src` for a display URL (e.g. an image copied within the editor), or the input. */
export function storedAssetSrc(displayUrl: string): string {
  for (const prefix of [ASSET_SCHEME_PREFIX, ASSET_ROUTE]) {
    const at = displayUrl.indexOf(prefix);
    if (at < 0) continue;
    const name = displayUrl.slice(at + prefix.length).split(/[?#]/)[0] ?? '';
    if (ASSET_FILE_PATTERN.test(name)) return `assets/${name}`;
  }
  return displayUrl;
}
