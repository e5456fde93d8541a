// One study as a listing shows it (index, category, tag, author and archive pages): its title
// (a link) over its summary, then its first key result and a line of date, outcome and
// reading time. The index keeps reading as before: title over summary, the rest smaller below.
import { escapeHtml } from '../../pure/rich-text/html';
import { outcomeLabels } from '../../pure/schemas/study';
import { shownTitle, visible } from '../../pure/export/site-layout';
import type { SiteStudy } from '../../pure/export/site-model';
import { firstMetricHtml } from '../../pure/export/metrics-figure';
import type { PageContext } from './site-pages';

export const titleOf = (s: SiteStudy): string => shownTitle(s.study.title);

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

/** The parts of an entry that do not depend on the page: after the link's root, and after the heading. */
function entryParts(s: SiteStudy, ctx: PageContext): { link: string; rest: string } {
  const summary = visible(s.study.summary) ? `<p>${escapeHtml(s.study.summary)}</p>` : '';
  const draft = s.study.status === 'draft' ? ' <span class="badge draft">Draft</span>' : '';
  const metric = firstMetricHtml(s.study.metrics);
  return {
    link: `${s.path}">${escapeHtml(titleOf(s))}</a>${draft}`,
    rest: `${summary}${metric}${entryMeta(s, ctx)}</li>`,
  };
}

// A study is listed on several pages of one export (index, categories, tags, authors, archive):
// its entry is drawn once and only the link's root and the heading level differ. Keyed by the
// context, so nothing outlives the export that drew it.
const drawn = new WeakMap<PageContext, Map<SiteStudy, { link: string; rest: string }>>();

function entry(s: SiteStudy, root: string, ctx: PageContext, level: number): string {
  let byStudy = drawn.get(ctx);
  if (!byStudy) drawn.set(ctx, (byStudy = new Map()));
  let parts = byStudy.get(s);
  if (!parts) byStudy.set(s, (parts = entryParts(s, ctx)));
  return `<li class="entry"><h${level}><a href="${root}${parts.link}</h${level}>${parts.rest}`;
}

/** Entry titles are h3 under an h2 section, h2 straight under a page's h1 (no skipped level). */
export function entries(list: SiteStudy[], root: string, ctx: PageContext, level = 3): string {
  return `<ul class="entries">${list.map((s) => entry(s, root, ctx, level)).join('')}</ul>`;
}
