// Site CSS for a study page's reading aids (site-contents.ts, site-related.ts, code blocks):
// the table of contents (top of the article; a sticky column beside it on wide screens), the
// heading links shown on hover and focus, code blocks' label and copy button, related studies.
export const STUDY_PAGE_CSS = `.contents { margin: 0 0 2.5rem; padding: 1rem 1.25rem; border: 1px solid var(--rule); border-radius: 8px; background: var(--surface); font-size: 0.95rem; }
.contents-title { font-size: 0.8rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0 0 0.5rem; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents ol ol { padding-left: 1rem; margin-top: 0.2rem; }
.contents li + li { margin-top: 0.2rem; }
.contents a { text-decoration: none; }
.contents a:hover { text-decoration: underline; }
.study { position: relative; }
@media (min-width: 80rem) {
  /* Beside the article, in the margin the 44rem measure leaves: sticky while reading. */
  .contents { position: absolute; top: 0; bottom: 0; left: calc(100% + 2.5rem); width: 14rem; margin: 0; padding: 0; border: 0; background: none; }
  .contents-inner { position: sticky; top: 1.5rem; max-height: calc(100vh - 3rem); overflow-y: auto; padding: 0 0.25rem 0 1rem; border-left: 1px solid var(--rule); }
}
.heading { position: relative; }
.heading-anchor { position: absolute; top: 0; left: -1.15em; width: 1em; text-align: center; font-weight: 400; color: var(--muted); text-decoration: none; opacity: 0; }
.heading-2 > .heading-anchor { font-size: 1.5rem; line-height: 1.25; }
.heading-3 > .heading-anchor { font-size: 1.2rem; line-height: 1.25; }
.heading-4 > .heading-anchor, .heading-5 > .heading-anchor, .heading-6 > .heading-anchor { font-size: 1.05rem; line-height: 1.25; }
.heading:hover > .heading-anchor, .heading-anchor:focus { opacity: 1; }
.heading-anchor:hover { color: var(--accent); }
.study-section > .heading > h2 { padding-top: 1.5rem; border-top: 1px solid var(--rule); margin-top: 2.5rem; }
.study-section > .heading-2 > .heading-anchor { top: calc(1.5rem + 1px); }
.study-section:first-of-type > .heading > h2 { border-top: 0; padding-top: 0; margin-top: 0; }
.study-section:first-of-type > .heading-2 > .heading-anchor { top: 0; }
/* The heading's top margin collapses through its wrapper: the anchor sits at the heading's text. */
.heading > h2, .heading > h3, .heading > h4, .heading > h5, .heading > h6 { scroll-margin-top: 1rem; }
.code-block { margin: 0 0 1.2em; border: 1px solid var(--rule); border-radius: 8px; background: var(--code-bg); }
.code-block > pre { margin: 0; border: 0; border-radius: 0 0 8px 8px; tab-size: 4; }
.code-block > pre:first-child { border-radius: 8px; }
.code-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; min-height: 2.25rem; padding: 0.25rem 0.5rem 0.25rem 1.1rem; border-bottom: 1px solid var(--rule); font-size: 0.8rem; }
.code-lang { font-family: var(--font-mono); color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.code-copy { margin-left: auto; font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--rule); border-radius: 6px; padding: 0.2rem 0.6rem; cursor: pointer; }
.code-copy:hover { border-color: var(--accent); color: var(--accent); }
.code-copy:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.code-copy-source { position: fixed; top: 0; left: -9999px; opacity: 0; }
pre { tab-size: 4; }
.related { margin-top: 3.5rem; padding-top: 1.5rem; border-top: 1px solid var(--rule); }
.related > h2 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0 0 0.5rem; }
.related + .pager { margin-top: 1.5rem; }
@media print {
  .contents, .heading-anchor, .code-copy, .related { display: none; }
  .code-block { border: 0; }
}
`;
