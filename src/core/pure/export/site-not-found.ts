// 404.html: what a static host (GitHub Pages, Netlify, Cloudflare Pages, S3 with an error
// document) shows for an address the site does not have. The host serves it at the missing
// address itself, e.g. /blog/no/such/page, so links relative to the site root would resolve
// against that address and break: with a base URL set, every link (stylesheet and script
// included) is absolute under it; without one they are relative, right only for a 404 at the
// top level (or opened from the folder).
import { escapeHtml } from '../rich-text/html-escape';
import type { ImageSize } from '../image-size';
import type { SiteSettings } from '../schemas/site';
import type { HeaderLink } from './site-header';
import { renderPage, siteBaseUrl, siteName } from './site-layout';

export const NOT_FOUND_PATH = '404.html';

/** The 404 page's way back to the site root: the base URL (with a final `/`) when set. */
export function notFoundRoot(site: SiteSettings): string {
  if (!site.baseUrl) return '';
  return siteBaseUrl(site.baseUrl);
}

export function renderNotFound(
  site: SiteSettings,
  hasFeed: boolean,
  categories: HeaderLink[],
  logoSize: ImageSize | null,
): string {
  const root = notFoundRoot(site);
  const body = [
    `<div class="hero not-found"><h1>Page not found</h1>`,
    `<p class="lede">There is no page at this address. It may have moved, or the address may be mistyped.</p>`,
    `<p><a href="${escapeHtml(root)}index.html">Go to the home page of ${escapeHtml(siteName(site))}</a></p></div>`,
  ];
  return renderPage({
    site,
    path: NOT_FOUND_PATH,
    root: escapeHtml(root),
    title: `Page not found · ${siteName(site)}`,
    description: '',
    ogType: 'website',
    hasFeed,
    categories,
    logoSize,
    noindex: true,
    body: body.join('\n'),
  });
}
