// Which workspace images an export may carry — one rule for the site and the Markdown export.
// An exported image is a file anyone may open directly: an SVG can run script when opened
// (or linked to), so none is exported. The rest must be what their name says: a stored
// `assets/<sha256>.<ext>` whose bytes hash to that name and start like that image type, so a
// file swapped in the workspace (or a link to some private file) is not published.
import { createHash } from 'node:crypto';
import { bytesMatchMediaType } from '../asset-store';
import { ASSET_SRC_PATTERN, mediaTypeForExtension } from '../../pure/asset-store-limits';

export type AssetVerdict =
  | { ok: true; name: string; bytes: Uint8Array }
  | { ok: false; problem: 'not-stored' | 'svg' | 'missing' | 'damaged'; reason: string };

/** Whether the image `src` may be exported, with its bytes and file name when it may. */
export function exportableAsset(src: string, readAsset: (src: string) => Uint8Array | null): AssetVerdict {
  const stored = ASSET_SRC_PATTERN.exec(src);
  if (!stored) {
    return { ok: false, problem: 'not-stored', reason: `the image "${src}" is not a workspace image` };
  }
  const name = stored[1]!;
  const [hash, ext] = name.split('.') as [string, string];
  if (ext === 'svg') {
    return {
      ok: false,
      problem: 'svg',
      reason: `the SVG image ${src} can carry scripts (use a PNG, JPEG or WebP instead)`,
    };
  }
  const bytes = readAsset(src);
  if (!bytes) return { ok: false, problem: 'missing', reason: `the image ${src} is missing from the workspace` };
  const type = mediaTypeForExtension(ext);
  if (!type || !bytesMatchMediaType(bytes, type) || createHash('sha256').update(bytes).digest('hex') !== hash) {
    return {
      ok: false,
      problem: 'damaged',
      reason: `the image ${src} is not the picture it was stored as (its content changed or it is another file)`,
    };
  }
  return { ok: true, name, bytes };
}
