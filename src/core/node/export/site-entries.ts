// One study as a listing shows it (index, category, tag, author and archive pages): its title
// (a link) over its summary, then its first key result and a line of date, outcome and
// reading time. The index keeps reading as before: title over summary, the rest smaller below.
import { escapeHtml } from '../../pure/rich-text/html';
import { outcomeLabels } from '../../pure/schemas/study';
import { visible } from '../../pure/export/site-layout';
import type { SiteStudy } from '../../pure/export/site-model';
import { firstMetricHtml } from '../../pure/export/metrics-figure';
import type { PageContext } from './site-pages';

export const titleOf = (s: SiteStudy): string => visible(s.study.title) || 'Untitled case study';

/** Date, outcome and reading time under an entry; the outcome badge is named for screen readers. */
function entryMeta(s: SiteStudy, ctx: PageContext): string {
  const items: string[] = [];
  if (s.study.date) {
    items.push(`<li><time datetime="${s.study.date}">${escapeHtml(ctx.formatDate(s.study.date))}</time></li>`);
  }
  if (s.study.outcome) {
    const word = outcomeLabels[s.study.outcome];
    items.push(
      `<li><span class="visually-hidden">Outcome: </span><span class="badge outcome-${s.study.outcome}">${word}</span></li>`,
    );
  }
  const minutes = ctx.minutes.get(s);
  if (minutes !== undefined) items.push(`<li>${minutes} min read</li>`);
  return items.length ? `<ul class="entry-meta">${items.join('')}</ul>` : '';
}

function entry(s: SiteStudy, root: string, ctx: PageContext, level: number): string {
  const summary = visible(s.study.summary) ? `<p>${escapeHtml(s.study.summary)}</p>` : '';
  const draft = s.study.status === 'draft' ? ' <span class="badge draft">Draft</span>' : '';
  const metric = firstMetricHtml(s.study.metrics);
  const title = `<h${level}><a href="${root}${s.path}">${escapeHtml(titleOf(s))}</a>${draft}</h${level}>`;
  return `<li class="entry">${title}${summary}${metric}${entryMeta(s, ctx)}</li>`;
}

/** Entry titles are h3 under an h2 section, h2 straight under a page's h1 (no skipped level). */
export function entries(list: SiteStudy[], root: string, ctx: PageContext, level = 3): string {
  return `<ul class="entries">${list.map((s) => entry(s, root, ctx, level)).join('')}</ul>`;
}
