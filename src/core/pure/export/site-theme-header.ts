// The header (site name, search box, category links) and the search results page. The link
// row wraps on narrow screens, so nothing scrolls sideways at 390 px.
export const HEADER_CSS = `.site-header .header-bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.75rem 1rem; padding-top: 0.9rem; padding-bottom: 0.6rem; }
.site-title { display: inline-flex; align-items: center; gap: 0.5rem; }
.site-search { display: flex; gap: 0.4rem; flex: 0 1 18rem; min-width: 0; }
.site-search input { flex: 1 1 auto; min-width: 0; font: inherit; font-size: 0.95rem; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 0.3rem 0.6rem; }
.site-search input:focus-visible, .site-search button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.site-search button { font: inherit; font-size: 0.9rem; color: var(--fg); background: var(--surface); border: 1px solid var(--muted); border-radius: 6px; padding: 0.3rem 0.7rem; cursor: pointer; }
.site-search button:hover { border-color: var(--accent); color: var(--accent); }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0.2rem 1.1rem; list-style: none; margin: 0; padding: 0 0 0.7rem; }
.site-nav li + li { margin-top: 0; }
.site-nav a { overflow-wrap: anywhere; }
.site-nav a[aria-current="page"] { color: var(--fg); text-decoration: underline; text-decoration-thickness: 2px; }
.search-hero { margin-bottom: 1.5rem; }
.search-results { list-style: none; padding: 0; margin: 0; }
.search-result { padding: 1rem 0; margin: 0; }
.search-result + .search-result { margin-top: 0; border-top: 1px solid var(--rule); }
.search-result h2 { font-size: 1.15rem; margin: 0 0 0.25rem; }
.search-result p { margin: 0; color: var(--muted); }
.search-where { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; }
mark { background: color-mix(in srgb, var(--accent) 22%, transparent); color: var(--fg); border-radius: 2px; padding: 0 0.1em; }
.search-result h2 a { color: var(--fg); }
@media (max-width: 40rem) {
  .site-search { flex: 1 1 100%; }
}
@media print {
  .site-search { display: none; }
}
`;
