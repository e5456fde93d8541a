// The decision record on the site: a <section> named by its heading ("Decision: <title>"),
// a one-line Y-statement built from the data, the status as a badge, the context, the options
// (the chosen one with a visible "Chosen" badge) and the consequences. Readable without
// JavaScript and in print; its CSS is export/site-theme-decision.ts.
import type { HtmlState } from '../block-module';
import { escapeHtml } from '../html-escape';
import type { RichTextNode } from '../../schemas/rich-text';
import { decisionAttrs, decisionStatusLabels, type DecisionPoint, type DecisionRecordAttrs } from './decision-attrs';
import { optionTitle } from './decision-record-markdown';

const em = (value: string): string => `<em>${escapeHtml(value)}</em>`;

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

// "accepting that …" reads as a sentence only when the point is a clause ("it is tied to one
// vendor"); a bare phrase ("tied to one vendor") is quoted as the downside instead.
const CLAUSE = /^(it|it's|we|we're|our|the|this|that|these|those|they|there|a|an|i|you|some|every|each|no|its)\b/i;
function accepting(point: DecisionPoint | undefined): string {
  if (!point || !point.text.trim()) return '';
  const text = point.text.trim().replace(/[.!]+$/, '');
  return CLAUSE.test(text) ? `, accepting that ${escapeHtml(text)}` : `, accepting the downside: ${escapeHtml(text)}`;
}

/** The Y-statement as HTML ("Chose <em>B</em> over <em>A</em>, accepting that …."), or ''. */
export function yStatement(a: DecisionRecordAttrs): string {
  const names = a.options.map((o, i) => em(optionTitle(o, i)));
  if (names.length === 0) return '';
  if (a.chosen === null) return `Options considered: ${list(names)}; none chosen yet.`;
  const chosen = a.options[a.chosen]!;
  const others = names.filter((_, i) => i !== a.chosen);
  const over = others.length > 0 ? ` over ${list(others)}` : '';
  return `Chose ${names[a.chosen]}${over}${accepting(chosen.points.find((p) => p.kind === 'bad'))}.`;
}

function points(items: DecisionPoint[]): string {
  if (items.length === 0) return '';
  const li = (p: DecisionPoint) =>
    `<li class="decision-point decision-${p.kind}"><span class="decision-point-kind">${p.kind === 'bad' ? 'Bad' : 'Good'}:</span> ${escapeHtml(p.text)}</li>`;
  return `<ul class="decision-points">${items.map(li).join('')}</ul>`;
}

export function decisionHtml(node: RichTextNode, state: HtmlState): string {
  const a = decisionAttrs(node.attrs);
  const level = Math.min(6, 2 + (state.options.headingOffset ?? 0));
  const sub = Math.min(6, level + 1);
  const name = a.title.trim() ? `Decision: ${a.title.trim()}` : 'Decision';
  const meta = [
    `<div><dt>Status</dt><dd><span class="decision-status decision-status-${a.status}">${decisionStatusLabels[a.status]}</span></dd></div>`,
    ...(a.date.trim() ? [`<div><dt>Date</dt><dd>${escapeHtml(a.date)}</dd></div>`] : []),
    ...(a.deciders.trim() ? [`<div><dt>Deciders</dt><dd>${escapeHtml(a.deciders)}</dd></div>`] : []),
    ...(a.supersededBy.trim() ? [`<div><dt>Superseded by</dt><dd>${escapeHtml(a.supersededBy)}</dd></div>`] : []),
    ...a.meta.map((m) => `<div><dt>${escapeHtml(m.key)}</dt><dd>${escapeHtml(m.value)}</dd></div>`),
  ];
  const y = yStatement(a);
  const options = a.options.map((o, i) => {
    const chosen = a.chosen === i;
    const badge = chosen ? ` <span class="decision-chosen-badge">Chosen</span>` : '';
    const description = o.description.trim()
      ? `<p class="decision-option-description">${escapeHtml(o.description)}</p>`
      : '';
    return `<li class="decision-option${chosen ? ' decision-option-chosen' : ''}"><p class="decision-option-title"><strong>${escapeHtml(optionTitle(o, i))}</strong>${badge}</p>${description}${points(o.points)}</li>`;
  });
  // aria-label rather than aria-labelledby: two records with the same title on one page would
  // need ids the renderer (pure, cached per node) cannot make unique.
  return [
    `<section class="decision decision-is-${a.status}" aria-label="${escapeHtml(name)}">`,
    `<h${level} class="decision-title">${escapeHtml(name)}</h${level}>`,
    y ? `<p class="decision-y">${y}</p>` : '',
    `<dl class="decision-meta">${meta.join('')}</dl>`,
    `<div class="decision-context">${state.inner()}</div>`,
    options.length ? `<h${sub}>Considered options</h${sub}><ol class="decision-options">${options.join('')}</ol>` : '',
    a.consequences.length ? `<h${sub}>Consequences</h${sub}>${points(a.consequences)}` : '',
    '</section>',
  ].join('');
}
