// What an image asset may be: pure facts shared by the contract (renderer-safe) and the store.
import { z } from 'zod';

export const MAX_ASSET_BYTES = 20 * 1024 * 1024;

export const assetMediaTypes = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
} as const;
export type AssetMediaType = keyof typeof assetMediaTypes;
export const assetMediaTypeSchema = z.enum(Object.keys(assetMediaTypes) as [AssetMediaType, ...AssetMediaType[]]);

/** A stored image reference: `assets/<sha256>.<ext>`, nothing else (no folders, no `..`). */
export const ASSET_SRC_PATTERN = /^assets\/([a-f0-9]{64}\.(?:png|jpg|gif|webp|svg))$/;
/** An asset file name inside assets/. */
export const ASSET_FILE_PATTERN = /^[a-f0-9]{64}\.(?:png|jpg|gif|webp|svg)$/;

/** The media type for an image file extension we can store, or null. */
export function mediaTypeForExtension(ext: string): AssetMediaType | null {
  const lower = ext.toLowerCase().replace(/^\./, '');
  if (lower === 'jpeg') return 'image/jpeg';
  const found = (Object.keys(assetMediaTypes) as AssetMediaType[]).find((t) => assetMediaTypes[t] === lower);
  return found ?? null;
}
