// The exported site's stylesheet and favicon, kept as strings so the pure pipeline needs no
// file paths (the CLI and the Electron main process are bundled into different folders).
// Light and dark (prefers-color-scheme), responsive, print styles, and highlight.js colours.
import { METRICS_CSS } from './site-theme-metrics';
import { SITE_TIMELINE_CSS } from './site-theme-timeline';
import { SITE_COVER_CSS } from './site-theme-cover';

import { DECISION_CSS } from './site-theme-decision';
import { LISTINGS_CSS } from './site-theme-listings';
import { HEADER_CSS } from './site-theme-header';
import { STUDY_PAGE_CSS } from './site-theme-study-page';

export const SITE_CSS = `/* Casebook site theme */
:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #1f2328;
  --muted: #57606a;
  --rule: #d8dee4;
  --accent: #0a58ca;
  --accent-hover: #084298;
  --surface: #f6f8fa;
  --code-bg: #f6f8fa;
  --badge-ok: #116329;
  --badge-fail: #a40e26;
  --badge-mixed: #7d4e00;
  --badge-ongoing: #0550ae;
  --measure: 44rem;
  --font-body: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --font-mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --fg: #e6edf3;
    --muted: #9da7b3;
    --rule: #30363d;
    --accent: #6cb6ff;
    --accent-hover: #9ecbff;
    --surface: #161b22;
    --code-bg: #161b22;
    --badge-ok: #56d364;
    --badge-fail: #ff7b72;
    --badge-mixed: #e3b341;
    --badge-ongoing: #79c0ff;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font: 1.0625rem/1.7 var(--font-body);
  text-rendering: optimizeLegibility;
}
a { color: var(--accent); text-underline-offset: 0.18em; text-decoration-thickness: 1px; }
a:hover { color: var(--accent-hover); text-decoration-thickness: 2px; }
a:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: -999rem; }
.skip-link:focus { left: 1rem; top: 0.5rem; background: var(--bg); padding: 0.25rem 0.5rem; z-index: 1; }
.wrap { max-width: var(--measure); margin: 0 auto; padding: 0 1.25rem; }
.site-header { border-bottom: 1px solid var(--rule); }
.site-title { font-weight: 700; font-size: 1.05rem; letter-spacing: -0.01em; color: var(--fg); text-decoration: none; }
.site-title:hover { color: var(--accent); }
.site-nav a { color: var(--muted); text-decoration: none; font-size: 0.95rem; }
.site-nav a:hover { color: var(--accent); }
main { padding: 3rem 0 4rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; letter-spacing: -0.015em; margin: 2.2em 0 0.6em; }
h1 { font-size: clamp(1.9rem, 1.4rem + 2.2vw, 2.6rem); margin-top: 0; letter-spacing: -0.025em; }
h2 { font-size: 1.5rem; }
h3 { font-size: 1.2rem; }
h4, h5, h6 { font-size: 1.05rem; }
p, ul, ol, blockquote, pre, figure, .table-wrap { margin: 0 0 1.2em; }
ul, ol { padding-left: 1.4em; }
li + li { margin-top: 0.3em; }
li > p { margin: 0; }
blockquote { border-left: 3px solid var(--rule); padding: 0.1em 0 0.1em 1em; color: var(--muted); }
blockquote > :last-child, li > :last-child, td > :last-child, th > :last-child { margin-bottom: 0; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2.5em 0; }
img { max-width: 100%; height: auto; border-radius: 6px; }
figure { margin-left: 0; margin-right: 0; }
code { font-family: var(--font-mono); font-size: 0.875em; background: var(--code-bg); padding: 0.12em 0.35em; border-radius: 4px; }
pre { background: var(--code-bg); border: 1px solid var(--rule); border-radius: 8px; padding: 1rem 1.1rem; overflow-x: auto; line-height: 1.55; }
pre code { background: none; padding: 0; font-size: 0.85rem; border-radius: 0; }
.table-wrap { overflow-x: auto; }
.task-list { list-style: none; padding-left: 0.2em; }
.task-list .task-list { padding-left: 1.6em; }
.task { position: relative; padding-left: 1.7em; }
.task::before { content: ""; position: absolute; left: 0; top: 0.3em; width: 1.05em; height: 1.05em; border: 1.5px solid var(--muted); border-radius: 3px; }
.task-done::before { background: var(--accent); border-color: var(--accent); }
.task-done::after { content: ""; position: absolute; left: 0.36em; top: 0.45em; width: 0.32em; height: 0.6em; border: solid var(--bg); border-width: 0 2px 2px 0; transform: rotate(45deg); }
.callout { margin: 0 0 1.2em; padding: 0.8rem 1rem; border: 1px solid var(--rule); border-left: 4px solid var(--callout, var(--accent)); border-radius: 6px; background: var(--surface); }
.callout > :last-child { margin-bottom: 0; }
.callout-label { font-weight: 700; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--callout, var(--accent)); margin: 0 0 0.3rem; }
.callout-note { --callout: var(--badge-ongoing); }
.callout-tip { --callout: var(--badge-ok); }
.callout-warning { --callout: var(--badge-mixed); }
${SITE_TIMELINE_CSS}${SITE_COVER_CSS}table { border-collapse: collapse; width: 100%; font-size: 0.95rem; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { border-bottom-width: 2px; }
th p, td p { margin: 0; }
.lede { font-size: 1.2rem; color: var(--muted); margin-bottom: 1.5rem; }
.hero { margin-bottom: 3rem; }
.hero h1 { font-size: clamp(1.9rem, 1.3rem + 2.4vw, 2.55rem); max-width: 22em; }
.index-section { margin-top: 3rem; }
.index-section > h2, .section-heading { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0 0 1rem; padding-bottom: 0.5rem; border-bottom: 1px solid var(--rule); }
.index-section > h2 a { color: inherit; text-decoration: none; }
.index-section > h2 a::after { content: " →"; }
.index-section > h2 a:hover { color: var(--accent); }
.entries { list-style: none; padding: 0; margin: 0; }
.entry { margin: 0; padding: 0.9rem 0; }
.entry + .entry { margin-top: 0; border-top: 1px solid var(--rule); }
.entry h2, .entry h3 { font-size: 1.15rem; margin: 0 0 0.2rem; }
.entry h2 a, .entry h3 a { color: var(--fg); text-decoration: none; }
.entry h2 a:hover, .entry h3 a:hover { color: var(--accent); text-decoration: underline; }
.entry p { margin: 0; color: var(--muted); }
.entry .entry-date { font-size: 0.875rem; }
.more { margin: 0.75rem 0 0; font-size: 0.95rem; }
.study-header { margin-bottom: 2.5rem; }
.study-header .lede { margin-bottom: 1rem; }
.meta { display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; color: var(--muted); font-size: 0.925rem; margin: 0; padding: 0; list-style: none; }
.meta li + li { margin-top: 0; }
.meta a { color: inherit; }
.badge { display: inline-block; font-weight: 600; font-size: 0.8rem; letter-spacing: 0.03em; text-transform: uppercase; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.55em; }
.outcome-succeeded { color: var(--badge-ok); }
.outcome-failed { color: var(--badge-fail); }
.outcome-mixed { color: var(--badge-mixed); }
.outcome-ongoing { color: var(--badge-ongoing); }
.draft { color: var(--badge-mixed); }
.tags { color: var(--muted); font-size: 0.925rem; }
.pager { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin-top: 3.5rem; padding-top: 1.5rem; border-top: 1px solid var(--rule); }
.pager a { display: block; text-decoration: none; color: var(--fg); border: 1px solid var(--rule); border-radius: 8px; padding: 0.75rem 1rem; }
.pager a:hover { border-color: var(--accent); color: var(--accent); }
.pager .label { display: block; font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.pager .next { text-align: right; grid-column: 2; }
.site-footer { border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; }
.site-footer .wrap { padding-top: 1.5rem; padding-bottom: 2.5rem; display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem 1rem; }
.site-footer p { margin: 0; }
.site-footer a { color: inherit; }
@media (max-width: 40rem) {
  body { font-size: 1rem; }
  main { padding: 2rem 0 3rem; }
  .pager { grid-template-columns: 1fr; }
  .pager .next { grid-column: 1; }
}
/* highlight.js tokens (GitHub-like), light then dark */
.hljs-comment, .hljs-quote { color: #57606a; font-style: italic; }
.hljs-keyword, .hljs-selector-tag, .hljs-literal, .hljs-doctag, .hljs-meta .hljs-keyword { color: #b31d28; }
.hljs-string, .hljs-regexp, .hljs-meta .hljs-string { color: #0a3069; }
.hljs-number, .hljs-symbol, .hljs-bullet, .hljs-variable, .hljs-template-variable, .hljs-attr, .hljs-attribute, .hljs-selector-attr { color: #0550ae; }
.hljs-title, .hljs-title.class_, .hljs-title.function_, .hljs-section { color: #6639ba; }
.hljs-built_in, .hljs-type, .hljs-params { color: #953800; }
.hljs-name, .hljs-tag, .hljs-selector-id, .hljs-selector-class { color: #116329; }
.hljs-meta { color: #57606a; }
.hljs-addition { color: #116329; background: #dafbe1; }
.hljs-deletion { color: #82071e; background: #ffebe9; }
.hljs-emphasis { font-style: italic; }
.hljs-strong { font-weight: 700; }
@media (prefers-color-scheme: dark) {
  .hljs-comment, .hljs-quote, .hljs-meta { color: #9da7b3; }
  .hljs-keyword, .hljs-selector-tag, .hljs-literal, .hljs-doctag, .hljs-meta .hljs-keyword { color: #ff7b72; }
  .hljs-string, .hljs-regexp, .hljs-meta .hljs-string { color: #a5d6ff; }
  .hljs-number, .hljs-symbol, .hljs-bullet, .hljs-variable, .hljs-template-variable, .hljs-attr, .hljs-attribute, .hljs-selector-attr { color: #79c0ff; }
  .hljs-title, .hljs-title.class_, .hljs-title.function_, .hljs-section { color: #d2a8ff; }
  .hljs-built_in, .hljs-type, .hljs-params { color: #ffa657; }
  .hljs-name, .hljs-tag, .hljs-selector-id, .hljs-selector-class { color: #7ee787; }
  .hljs-addition { color: #aff5b4; background: #033a16; }
  .hljs-deletion { color: #ffdcd7; background: #67060c; }
}
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --rule: #bbb; --accent: #000; --code-bg: #f3f3f3; }
  body { font-size: 11pt; line-height: 1.5; }
  .site-header, .site-nav, .pager, .skip-link, .more { display: none; }
  main { padding: 0; }
  .wrap { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: underline; }
  .study-body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  pre { white-space: pre-wrap; overflow: visible; border-color: #bbb; }
  pre, blockquote, table, figure, img { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .site-footer { border-top: 1px solid #bbb; }
}
${METRICS_CSS}${DECISION_CSS}${LISTINGS_CSS}${HEADER_CSS}${STUDY_PAGE_CSS}`;

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#0a58ca"/>
<path d="M9 7h11l4 4v14H9z" fill="#fff"/>
<path d="M20 7v4h4" fill="#cfe0fb"/>
<path d="M12 14h9M12 18h9M12 22h6" stroke="#0a58ca" stroke-width="1.6" stroke-linecap="round"/>
</svg>
`;
