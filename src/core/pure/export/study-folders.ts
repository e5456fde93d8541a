// The folder each exported study gets — one rule for the site and the Markdown export: its own
// slug when that is a safe folder name not yet taken, otherwise one derived from it (or its
// title) and made unique. Every study gets a folder: no export drops a study over its slug.
import { slugSchema } from '../schemas/study';
import { MAX_SLUG_LENGTH, slugFromTitle, uniqueSlug } from '../slug';

/** The folder for a study wanting `wanted`; adds it to `taken`. `reserved` names are never given. */
export function studyFolder(
  wanted: string,
  fallbackTitle: string,
  taken: Set<string>,
  reserved: ReadonlySet<string> = new Set(),
): string {
  const valid = slugSchema.safeParse(wanted).success && !reserved.has(wanted);
  const base = valid ? wanted : slugFromTitle(`${wanted} ${fallbackTitle}`.trim()).slice(0, MAX_SLUG_LENGTH);
  const slug = uniqueSlug(reserved.has(base) ? `${base}-study` : base, taken);
  taken.add(slug);
  return slug;
}
