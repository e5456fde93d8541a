// Every page's header: the site's name (the logo goes beside it: `logoHtml`), the search
// box, and a row of links — each category page in the settings' order, the archive, the
// feed. The row wraps on narrow screens rather than scrolling off them.
import { escapeHtml } from '../rich-text/html';
import type { SiteModel } from './site-model';
import { ARCHIVE_PAGE, searchBoxHtml } from './site-search-box';

/** A category page the header links to. */
export interface HeaderLink {
  name: string;
  path: string;
}

/** The site's categories that have a page, in the settings' order (the index's sections). */
export function headerCategories(model: SiteModel): HeaderLink[] {
  return model.sections.flatMap((s) => (s.category ? [{ name: s.category.name, path: s.category.path }] : []));
}

export interface HeaderInput {
  root: string;
  /** This page's path, so its own link is marked as the current page. */
  path: string;
  name: string;
  categories: HeaderLink[];
  hasFeed: boolean;
  /** Already-escaped HTML before the name in the title link (branding's logo), or ''. */
  logoHtml?: string;
}

export function siteHeaderHtml(h: HeaderInput): string {
  const link = (href: string, text: string) =>
    `<li><a href="${h.root}${href}"${href === h.path ? ' aria-current="page"' : ''}>${escapeHtml(text)}</a></li>`;
  const links = [
    ...h.categories.map((c) => link(c.path, c.name)),
    link(ARCHIVE_PAGE, 'All case studies'),
    h.hasFeed ? link('feed.xml', 'Feed') : '',
  ].join('');
  return [
    `<header class="site-header"><div class="wrap header-bar">`,
    `<a class="site-title" href="${h.root}index.html">${h.logoHtml ?? ''}<span>${escapeHtml(h.name)}</span></a>`,
    searchBoxHtml(h.root),
    `</div>`,
    `<nav class="site-nav" aria-label="Site"><div class="wrap"><ul>${links}</ul></div></nav>`,
    `</header>`,
  ].join('');
}
