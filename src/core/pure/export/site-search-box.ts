// The search box in every page's header. Without JavaScript it is a form that leads to the
// archive (archive/index.html, every study by year); assets/site.js sends it to the results
// page instead (search/index.html?q=…), which searches in the browser, from file:// too.
import { escapeHtml } from '../rich-text/html';

/** The accessible name of the search box (tests and the results page use it). */
export const SEARCH_BOX_NAME = 'Search case studies';
export const SEARCH_PAGE = 'search/index.html';
export const ARCHIVE_PAGE = 'archive/index.html';

export function searchBoxHtml(root: string, query = ''): string {
  const value = query ? ` value="${escapeHtml(query)}"` : '';
  return [
    `<form role="search" class="site-search" action="${root}${ARCHIVE_PAGE}" method="get" data-search="${root}${SEARCH_PAGE}">`,
    `<label class="visually-hidden" for="site-search-q">${SEARCH_BOX_NAME}</label>`,
    `<input type="search" id="site-search-q" name="q" placeholder="Search" autocomplete="off" enterkeyhint="search" maxlength="200"${value}>`,
    `<button type="submit">Search</button>`,
    `</form>`,
  ].join('');
}
