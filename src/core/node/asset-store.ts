// Images live in <workspace>/assets/, named by the SHA-256 of their bytes, so the same
// image pasted twice is stored once and a reference can never point at changed content.
// Only real files inside a real assets/ folder are read (for the app, browser mode and both
// exports): a link planted there (`assets/<hash>.png -> ~/private.png`) is never followed.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import {
  ASSET_FILE_PATTERN,
  ASSET_SRC_PATTERN,
  assetMediaTypes,
  MAX_ASSET_BYTES,
  mediaTypeForExtension,
  type AssetMediaType,
} from '../pure/asset-store-limits';
import { CasebookError } from '../pure/errors';
import { lstatOrNull, readRegularFile, readRegularFileSync } from './regular-file';
import { ensureWorkspaceFolder, workspaceEntryRefusal } from './workspace-folders';

export const ASSETS_DIR = 'assets';

/** The Content-Type a stored image is served with, from its name's extension. */
export function mediaTypeOfAssetFile(file: string): string {
  return mediaTypeForExtension(path.extname(file)) ?? 'application/octet-stream';
}

/** True when the bytes look like the claimed image type (so a renamed file is refused). */
export function bytesMatchMediaType(bytes: Uint8Array, mediaType: AssetMediaType): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  switch (mediaType) {
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/gif':
      return starts(0x47, 0x49, 0x46, 0x38);
    case 'image/webp':
      return starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42;
    case 'image/svg+xml': {
      const head = new TextDecoder().decode(bytes.slice(0, 1024)).trimStart().toLowerCase();
      return head.startsWith('<svg') || head.startsWith('<?xml');
    }
  }
}

/** Stores image bytes content-addressed; returns the reference to put in the document. */
export async function saveAssetBytes(workspace: string, bytes: Uint8Array, mediaType: AssetMediaType): Promise<string> {
  if (bytes.length === 0) throw new CasebookError('invalid_input', 'The image is empty.');
  if (bytes.length > MAX_ASSET_BYTES)
    throw new CasebookError('invalid_input', 'The image is larger than 20 MB; make it smaller and try again.');
  if (!bytesMatchMediaType(bytes, mediaType)) {
    throw new CasebookError(
      'invalid_input',
      `The file is not a valid ${assetMediaTypes[mediaType].toUpperCase()} image.`,
    );
  }
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${assetMediaTypes[mediaType]}`;
  const file = path.join(await ensureWorkspaceFolder(workspace, ASSETS_DIR), name);
  // A link or anything else under the name is replaced (the rename does not follow it).
  if (!lstatOrNull(file)?.isFile()) await writeFileAtomic(file, bytes);
  return `${ASSETS_DIR}/${name}`;
}

/** The bytes behind an `assets/<hash>.<ext>` reference, or null when invalid or missing. */
export function readAssetBytes(workspace: string, src: string): Uint8Array | null {
  const match = ASSET_SRC_PATTERN.exec(src);
  if (!match || workspaceEntryRefusal(workspace, ASSETS_DIR, 'folder')) return null;
  return readRegularFileSync(path.join(workspace, ASSETS_DIR, match[1]!), MAX_ASSET_BYTES);
}

/** The bytes of `assets/<name>` for serving (browser mode, the app's asset protocol), or null. */
export async function readAssetFile(workspace: string, name: string): Promise<Buffer<ArrayBuffer> | null> {
  if (!ASSET_FILE_PATTERN.test(name) || workspaceEntryRefusal(workspace, ASSETS_DIR, 'folder')) return null;
  try {
    return await readRegularFile(path.join(workspace, ASSETS_DIR, name), MAX_ASSET_BYTES);
  } catch {
    return null;
  }
}
