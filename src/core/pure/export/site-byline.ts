// A study page's byline (its authors, each a link to their page, with their avatar when the
// site has one) and its tag links. The avatar sits inside the link beside the name, so it is
// decorative there (alt=""): the link is named once, by the name. Author pages give the
// portrait its own alt text (site-listings.ts).
import { escapeHtml } from '../rich-text/html';
import type { SitePerson, SiteTag } from './site-model';

/** "A", "A and B", "A, B and C". */
export function joinNames(parts: string[]): string {
  // Stryker disable next-line StringLiteral: no separator shows with one part or none
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}

/** The `<img>` of an avatar stored as `assets/img/<file>`; `alt` is escaped here. */
export function avatarHtml(root: string, file: string, alt: string, size: number): string {
  return `<img class="avatar" src="${root}assets/img/${escapeHtml(file)}" alt="${escapeHtml(alt)}" width="${size}" height="${size}">`;
}

export function bylineHtml(people: SitePerson[], root: string, avatars: ReadonlyMap<SitePerson, string>): string {
  if (people.length === 0) return '';
  const links = people.map((p) => {
    const file = avatars.get(p);
    const avatar = file ? avatarHtml(root, file, '', 28) : '';
    return `<a class="byline-author" href="${root}${p.path}">${avatar}<span>${escapeHtml(p.name)}</span></a>`;
  });
  return `<p class="byline">By ${joinNames(links)}</p>`;
}

export function tagLinksHtml(tags: SiteTag[], root: string): string {
  if (tags.length === 0) return '';
  const links = tags.map((t) => `<li><a class="tag" href="${root}${t.path}">${escapeHtml(t.name)}</a></li>`);
  // The visible word is for the eye; the navigation's name says it to a screen reader.
  return `<nav class="tags" aria-label="Tags"><span class="tags-label" aria-hidden="true">Tags</span><ul class="tag-list">${links.join('')}</ul></nav>`;
}
