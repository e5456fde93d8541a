// The site's Timeline block (rich-text/blocks/timeline.ts): a vertical line of dots, each
// entry's time above its text, marked entries coloured by kind with a text label (so the kind
// never depends on colour), the time-to-detect / time-to-resolve figures above. Colours are the
// theme's badge variables, which hold 4.5:1 on the page in light and dark; print keeps the line.
export const SITE_TIMELINE_CSS = `
.timeline { margin: 0 0 1.4em; }
.timeline figcaption { margin: 0; }
.timeline-title { margin: 1.2em 0 0.4rem; }
.timeline-figures { display: flex; flex-wrap: wrap; gap: 0.4rem 2rem; margin: 0 0 0.9rem; }
.timeline-figures dt { font-size: 0.78rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.timeline-figures dd { margin: 0; font-size: 1.2rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.timeline-entries { list-style: none; margin: 0 0 0 0.4rem; padding: 0 0 0 1.1rem; border-left: 2px solid var(--rule); }
.timeline-entry { position: relative; margin: 0 0 0.8rem; }
.timeline-entry:last-child { margin-bottom: 0; }
.timeline-entry::before { content: ""; position: absolute; left: calc(-1.1rem - 7px); top: 0.45em; width: 12px; height: 12px; border-radius: 50%; background: var(--kind-fill, var(--bg)); border: 2px solid var(--kind, var(--muted)); }
.timeline-time { display: block; font: 600 0.88rem/1.5 var(--font-mono); color: var(--muted); font-variant-numeric: tabular-nums; }
.timeline-kind { display: inline-block; margin: 0 0.5em 0 0; padding: 0 0.5em; border: 1px solid var(--kind); border-radius: 999px; color: var(--kind); font-size: 0.74rem; font-weight: 700; line-height: 1.6; text-transform: uppercase; letter-spacing: 0.05em; vertical-align: 0.1em; }
.timeline-detection { --kind: var(--badge-ongoing); }
.timeline-mitigation { --kind: var(--badge-mixed); }
.timeline-resolution { --kind: var(--badge-ok); }
/* A marked entry's dot is filled: its moment stands out on the line. */
.timeline-detection, .timeline-mitigation, .timeline-resolution { --kind-fill: var(--kind); }
@media print {
  .timeline { break-inside: auto; }
  .timeline-entry { break-inside: avoid; }
  .timeline-entry::before { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .timeline-detection, .timeline-mitigation, .timeline-resolution { --kind: #000; }
}
`;
