// Listings, bylines, tag links, author pages and the footer's browse links (part A of the
// site v2). Colours come from the theme's variables, so light, dark and print follow it.
export const LISTINGS_CSS = `.entry-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.2rem 0.9rem; list-style: none; margin: 0.35rem 0 0; padding: 0; color: var(--muted); font-size: 0.85rem; }
.entry-meta li + li { margin-top: 0; }
.entry-meta .badge { font-size: 0.7rem; }
.entry .entry-metric { margin-top: 0.3rem; }
.byline { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem; margin: 0 0 0.75rem; color: var(--muted); }
.byline-author { display: inline-flex; align-items: center; gap: 0.4rem; font-weight: 600; }
.avatar { border-radius: 50%; object-fit: cover; flex: none; background: var(--surface); }
.tags { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem; margin-top: 2.5rem; color: var(--muted); font-size: 0.925rem; }
.tag-list, .tag-index { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
.tag-list li + li, .tag-index li + li { margin-top: 0; }
.tag { display: inline-block; padding: 0.05rem 0.65rem; border: 1px solid var(--rule); border-radius: 999px; text-decoration: none; font-size: 0.9rem; }
.tag:hover { border-color: var(--accent); }
.tag-index { gap: 0.75rem 1.25rem; }
.tag-count { color: var(--muted); font-size: 0.85rem; }
.author-hero { display: flex; gap: 1.25rem; align-items: flex-start; }
.author-hero h1 { margin-bottom: 0.5rem; }
.author-url { margin: 0; overflow-wrap: anywhere; }
.footer-nav { display: flex; gap: 1rem; }
@media (max-width: 40rem) {
  .author-hero { flex-direction: column; }
}
@media print {
  .footer-nav { display: none; }
}
`;
