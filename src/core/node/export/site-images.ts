// How a study page shows an image: the export's answer for each stored src (a workspace file
// copied to assets/img/ with its pixel size, an http(s) address, or left out) and the URL the
// page writes for it. Shared by the export, its pre-render and the worker threads.
import { imageSize, type ImageSize } from '../../pure/image-size';

export interface ImageResolver {
  /**
   * The file name under assets/img/ for a stored src with the image's pixel size (null when its
   * header gives none), an http(s) address, or null to leave the image out. The name is the
   * file's hash, so a page rendered with it, size included, stays right (the render cache).
   */
  (src: string): { name: string; size: ImageSize | null } | { remote: string } | null;
}

/** How big the image at a page's URL is (null: unknown). */
export type ImageSizes = (url: string) => ImageSize | null;

/** A workspace image as a resolver answers it: its file name and the size its header gives. */
export const workspaceImage = (name: string, bytes: Uint8Array) => ({ name, size: imageSize(bytes) });

/** The pixel size a resolved image brings with it, for the page's `width`/`height`. */
export const sizeOf = (found: ReturnType<ImageResolver>): ImageSize | null =>
  found && 'name' in found ? found.size : null;

/** Where the page (one folder below the site root) points for a resolved image, or null. */
export function imageUrl(found: ReturnType<ImageResolver>): string | null {
  if (!found) return null;
  return 'remote' in found ? found.remote : `../assets/img/${found.name}`;
}
