// The search box in every page's header. Without JavaScript it is a form that leads to the
// archive (archive/index.html, every study by year); assets/site.js sends it to the results
// page instead (search/index.html?q=…), which searches in the browser, from file:// too.
import { escapeHtml } from '../rich-text/html';

/** The box's id: a heading on the page may not take it (site-pages.ts PAGE_IDS). */
export const SEARCH_INPUT_ID = 'site-search-q';

/** The accessible name of the search box (tests and the results page use it). */
export const SEARCH_BOX_NAME = 'Search case studies';
export const SEARCH_PAGE = 'search/index.html';
export const ARCHIVE_PAGE = 'archive/index.html';

export function searchBoxHtml(root: string, query = ''): string {
  const value = query ? ` value="${escapeHtml(query)}"` : '';
  return [
    `<form role="search" class="site-search" action="${root}${ARCHIVE_PAGE}" method="get" data-search="${root}${SEARCH_PAGE}">`,
    `<label class="visually-hidden" for="${SEARCH_INPUT_ID}">${SEARCH_BOX_NAME}</label>`,
    `<input type="search" id="${SEARCH_INPUT_ID}" name="q" placeholder="Search" autocomplete="off" enterkeyhint="search" maxlength="200"${value}>`,
    `<button type="submit">Search</button>`,
    `</form>`,
  ].join('');
}
