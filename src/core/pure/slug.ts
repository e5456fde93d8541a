// Slugs name a study's folder and URL, so they must be safe on every filesystem
// and in every URL, whatever the title holds (unicode, emoji, `../`, `CON`).
import slugify from '@sindresorhus/slugify';
import { isWindowsDeviceName } from './schemas/windows-names';

export const MAX_SLUG_LENGTH = 80;
const FALLBACK_SLUG = 'untitled';

// Folder names the exported site uses for itself.
const SITE_RESERVED = new Set(['assets', 'category', 'feed', 'sitemap', 'tag', 'author', 'archive', 'search']);

export function slugFromTitle(title: string): string {
  let slug = slugify(title, { decamelize: false, separator: '-' });
  if (slug.length > MAX_SLUG_LENGTH) {
    slug = slug.slice(0, MAX_SLUG_LENGTH);
    const lastDash = slug.lastIndexOf('-');
    // slugify leaves single dashes between words only, so neither cut ends in a dash.
    if (lastDash > MAX_SLUG_LENGTH / 2) slug = slug.slice(0, lastDash);
  }
  if (!slug) return FALLBACK_SLUG;
  if (isWindowsDeviceName(slug) || SITE_RESERVED.has(slug)) return `${slug}-study`;
  return slug;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    // Stryker disable next-line Regex: a slug holds single dashes only (slugSchema): /-$/ and /-+$/ strip alike
    const candidate = base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/** True when `slug` is what the title would give, so the slug still follows the title. */
export function slugFollowsTitle(slug: string, title: string): boolean {
  const base = slugFromTitle(title);
  return slug === base || new RegExp(`^${base}-[0-9]+$`).test(slug);
}
