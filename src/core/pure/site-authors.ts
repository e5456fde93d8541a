// Site authors named by studies: a Markdown import that names someone the site does not know
// adds them (name only; bio, link and avatar are the author's to fill in Site settings).
import type { SiteAuthor, SiteSettings } from './schemas/site';
import { authorLimits } from './schemas/site';

/** The site's authors with every name of `names` it lacks (matched without case) appended; null: none new. */
export function withAuthors(site: SiteSettings, names: readonly string[]): SiteAuthor[] | null {
  const known = new Set(site.authors.map((a) => a.name.trim().toLowerCase()));
  const added: SiteAuthor[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (!name || name.length > authorLimits.name || known.has(key)) continue;
    known.add(key);
    added.push({ name, bio: '', url: '', avatar: '' });
  }
  return added.length ? [...site.authors, ...added] : null;
}
