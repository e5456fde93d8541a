// The site CSS of the "Key results" figure (metrics-figure.ts) and of a listing's first
// metric, joined into the theme by site-theme.ts. Colours are the theme's variables: the
// after bar is --badge-ok when it moved the better way, --badge-fail when not (the text says
// "better" or "worse" too, so colour is never the only sign); print keeps the light colours.
export const METRICS_CSS = `/* Key results */
.key-results { margin: 0 0 2.5rem; }
.key-results > h2 { margin-top: 0; }
.metrics { list-style: none; padding: 0; margin: 0; display: grid; gap: 1.25rem; }
.metrics > li + li { margin-top: 0; }
.metric { --metric-after: var(--muted); border: 1px solid var(--rule); border-radius: 8px; padding: 0.75rem 1rem; background: var(--surface); break-inside: avoid; }
.metric-improved { --metric-after: var(--badge-ok); }
.metric-worse { --metric-after: var(--badge-fail); }
.metric-label { font-weight: 600; margin: 0 0 0.4rem; }
.metric-row { display: grid; grid-template-columns: auto minmax(4rem, 1fr) auto; grid-template-rows: 18px 18px; grid-template-areas: "wb bars vb" "wa bars va"; column-gap: 0.75rem; align-items: center; font-size: 0.875rem; line-height: 18px; font-variant-numeric: tabular-nums; }
.metric-when { color: var(--muted); }
.metric-when-before { grid-area: wb; }
.metric-when-after { grid-area: wa; }
.metric-value { text-align: right; white-space: nowrap; }
.metric-value-before { grid-area: vb; }
.metric-value-after { grid-area: va; font-weight: 600; }
.metric-unit { color: var(--muted); font-weight: 400; }
.metric-bars { grid-area: bars; width: 100%; height: 36px; display: block; overflow: visible; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.metric-bars .bar-before { fill: var(--muted); }
.metric-bars .bar-after { fill: var(--metric-after); }
.metric-zero { stroke: var(--fg); stroke-width: 1; }
.metric-change { margin: 0.4rem 0 0; font-size: 0.875rem; font-weight: 600; color: var(--metric-after); }
.metric-same .metric-change { color: var(--muted); }
.entry .entry-metric { font-size: 0.875rem; font-variant-numeric: tabular-nums; color: var(--fg); }
@media (max-width: 40rem) {
  .metric-row { grid-template-columns: auto minmax(3rem, 1fr) auto; column-gap: 0.5rem; }
}
@media print {
  :root { --badge-ok: #116329; --badge-fail: #a40e26; --surface: #fff; }
}
`;
