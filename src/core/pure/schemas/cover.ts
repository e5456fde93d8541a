// A study's cover image (format 3): a stored workspace image and its alt text. Shown at the top
// of the study page and used as its social card; the publish check asks for the alt text.
// Front matter: `cover: {image, alt}` — the shape of Hugo's most used blog theme (PaperMod's
// `cover.image` / `cover.alt`, also read by Congo/Blowfish-style themes as a page resource),
// so a generator shows it without a template change; `src` is read too. The image is written
// as its file name beside index.md (the Markdown export puts every image of a page bundle
// there) and read back as the workspace image of that name.
import { z } from 'zod';
import { ASSET_FILE_PATTERN, ASSET_SRC_PATTERN } from '../asset-store-limits';
import type { FrontMatterCodec } from '../markdown/front-matter-codec';

export const COVER_ALT_MAX = 300;

export const coverSchema = z
  .object({
    src: z.string().regex(ASSET_SRC_PATTERN, 'A cover must be an image stored in the workspace'),
    alt: z.string().max(COVER_ALT_MAX, `Cover alt text is longer than ${COVER_ALT_MAX} characters`),
  })
  .nullable();
export type Cover = z.infer<typeof coverSchema>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `cover: {image, alt}`; read from `image` or `src`. Only a workspace image is taken. */
export const coverFrontMatter: FrontMatterCodec<Cover> = {
  write: (value) => (value ? [['cover', { image: value.src.slice('assets/'.length), alt: value.alt }]] : []),
  read: (input) => {
    const raw = input.raw('cover');
    if (raw === undefined || raw === null) return undefined;
    if (!isObject(raw)) return input.fail('cover', '"cover" must be a map with "image" and "alt".');
    const src = Object.hasOwn(raw, 'image') ? raw.image : Object.hasOwn(raw, 'src') ? raw.src : undefined;
    const alt = Object.hasOwn(raw, 'alt') && typeof raw.alt === 'string' ? raw.alt : '';
    const stored = typeof src === 'string' && ASSET_FILE_PATTERN.test(src) ? `assets/${src}` : src;
    const parsed = coverSchema.safeParse({ src: stored, alt: alt.slice(0, COVER_ALT_MAX) });
    if (parsed.success) return parsed.data;
    input.warn(`The cover "${String(src).slice(0, 100)}" is not an image stored in the workspace; it was ignored.`);
    return undefined;
  },
};
