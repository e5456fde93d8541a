// The decision record's site CSS (rich-text/blocks/decision-record-html.ts), joined to the
// theme by site-theme.ts. Colours are the theme's variables (light, dark and print set them);
// the "Chosen" badge and the status are text, so they read without colour too.
export const DECISION_CSS = `
.decision { margin: 1.5em 0; padding: 1rem 1.1rem; border: 1px solid var(--rule); border-left: 4px solid var(--decision, var(--accent)); border-radius: 8px; background: var(--surface); }
.decision > :last-child { margin-bottom: 0; }
.decision-title { margin-top: 0; }
.decision-y { font-style: italic; margin: -0.3em 0 0.8em; }
.decision-y em { font-style: normal; font-weight: 600; }
.decision-meta { display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; margin: 0 0 1em; font-size: 0.9rem; color: var(--muted); }
.decision-meta dt { font-weight: 600; }
.decision-meta dt::after { content: ":"; }
.decision-meta > div { display: flex; gap: 0.3em; }
.decision-meta dd { margin: 0; color: var(--fg); }
.decision-status { display: inline-block; font-weight: 700; font-size: 0.8rem; letter-spacing: 0.03em; text-transform: uppercase; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.55em; color: var(--decision, var(--accent)); }
.decision-is-accepted { --decision: var(--badge-ok); }
.decision-is-rejected { --decision: var(--badge-fail); }
.decision-is-deprecated, .decision-is-superseded { --decision: var(--badge-mixed); }
.decision-is-proposed { --decision: var(--badge-ongoing); }
.decision-options { padding-left: 1.4em; }
.decision-option { margin: 0 0 0.8em; }
.decision-option-title { margin: 0; }
.decision-option-description { margin: 0; color: var(--muted); }
.decision-option-chosen { padding: 0.4rem 0.6rem; margin-left: -0.6rem; border: 2px solid var(--badge-ok); border-radius: 6px; }
.decision-chosen-badge { display: inline-block; margin-left: 0.4em; font-weight: 700; font-size: 0.75rem; letter-spacing: 0.04em; text-transform: uppercase; color: var(--bg); background: var(--badge-ok); border-radius: 999px; padding: 0 0.6em; vertical-align: 0.1em; }
.decision-points { list-style: none; padding-left: 0; margin: 0.2em 0 0.6em; }
.decision-point { margin: 0.1em 0; }
.decision-point-kind { font-weight: 700; }
.decision-good .decision-point-kind { color: var(--badge-ok); }
.decision-bad .decision-point-kind { color: var(--badge-fail); }
@media print {
  .decision { background: none; break-inside: avoid; }
  .decision-chosen-badge { color: #000; background: none; border: 1.5px solid #000; }
  .decision-option-chosen { border-color: #000; }
}
`;
