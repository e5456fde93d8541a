// search/index.html: the results page the header's box leads to (with JavaScript). Static
// HTML says what to do without the script; assets/site.js reads ?q=, searches the index
// (assets/search-index.js, loaded as a classic script: file:// allows those)
// and fills the list, announcing the count in the live region.
import { renderPage, siteName } from './site-layout';
import type { HeaderLink } from './site-header';
import type { SiteSettings } from '../schemas/site';
import type { ImageSize } from '../image-size';
import { ARCHIVE_PAGE, SEARCH_PAGE } from './site-search-box';

export const SEARCH_INDEX_ASSET = 'assets/search-index.js';

export function renderSearchPage(
  site: SiteSettings,
  hasFeed: boolean,
  categories: HeaderLink[],
  logoSize: ImageSize | null,
): string {
  const body = [
    `<div class="hero search-hero"><h1>Search</h1>`,
    `<p id="search-status" class="lede" role="status">Searching needs JavaScript. Every case study is listed in <a href="../${ARCHIVE_PAGE}">All case studies</a>.</p></div>`,
    `<ol id="search-results" class="search-results" data-root="../"></ol>`,
  ].join('\n');
  return renderPage({
    site,
    path: SEARCH_PAGE,
    title: `Search · ${siteName(site)}`,
    description: `Search the case studies of ${siteName(site)}`,
    ogType: 'website',
    hasFeed,
    categories,
    logoSize,
    scripts: [SEARCH_INDEX_ASSET],
    body,
  });
}
