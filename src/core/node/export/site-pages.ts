// The three kinds of HTML page: the index (headline, description, Featured, one section per
// category), one page per study, one page per category. All user text is escaped here or in
// rich-text/html.ts; every link is relative to the page that holds it.
import { escapeHtml } from '../../pure/rich-text/html';
import { outcomeLabels, sectionKeys, sectionLabels } from '../../pure/schemas/study';
import { renderPage, rootOf, siteName, visible } from '../../pure/export/site-layout';
import type { SiteCategory, SiteModel, SiteStudy } from '../../pure/export/site-model';
import { firstMetricHtml, keyResultsHtml } from '../../pure/export/metrics-figure';
import type { StudyBody } from './site-study-body';
import {
  anchorHeadings,
  anchoredHeading,
  contentsHtml,
  HeadingIds,
  type PageHeading,
} from '../../pure/export/site-contents';
import { relatedStudies } from '../../pure/export/site-related';

/** How many entries a category section shows on the index before "All N …". */
export const INDEX_SECTION_LIMIT = 10;

export interface PageContext {
  model: SiteModel;
  hasFeed: boolean;
  formatDate(isoDate: string): string;
}

export function dateFormatter(language: string): (isoDate: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  } catch {
    format = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  }
  return (isoDate) => format.format(new Date(`${isoDate}T00:00:00Z`));
}

const titleOf = (s: SiteStudy) => visible(s.study.title) || 'Untitled case study';

function entry(s: SiteStudy, root: string, ctx: PageContext, showDate: boolean, level: number): string {
  const date =
    showDate && s.study.date
      ? `<p class="entry-date"><time datetime="${s.study.date}">${escapeHtml(ctx.formatDate(s.study.date))}</time></p>`
      : '';
  const summary = visible(s.study.summary) ? `<p>${escapeHtml(s.study.summary)}</p>` : '';
  const draft = s.study.status === 'draft' ? ' <span class="badge draft">Draft</span>' : '';
  const metric = firstMetricHtml(s.study.metrics);
  return `<li class="entry"><h${level}><a href="${root}${s.path}">${escapeHtml(titleOf(s))}</a>${draft}</h${level}>${summary}${metric}${date}</li>`;
}

/** Entry titles are h3 under the index's h2 sections, h2 on a category page (no skipped level). */
function entries(list: SiteStudy[], root: string, ctx: PageContext, showDate = false, level = 3): string {
  return `<ul class="entries">${list.map((s) => entry(s, root, ctx, showDate, level)).join('')}</ul>`;
}

export function renderIndex(ctx: PageContext): string {
  const { site } = ctx.model;
  const headline = visible(site.tagline) || siteName(site);
  const parts = [
    `<div class="hero"><h1>${escapeHtml(headline)}</h1>`,
    visible(site.description) ? `<p class="lede">${escapeHtml(site.description)}</p>` : '',
    `</div>`,
  ];
  if (ctx.model.featured.length) {
    parts.push(
      `<section class="index-section" aria-labelledby="featured"><h2 id="featured">Featured</h2>${entries(ctx.model.featured, '', ctx)}</section>`,
    );
  }
  ctx.model.sections.forEach((section, i) => {
    const shown = section.category ? section.studies.slice(0, INDEX_SECTION_LIMIT) : section.studies;
    const more =
      section.category && section.studies.length > shown.length
        ? `<p class="more"><a href="${section.category.path}">All ${section.studies.length} in ${escapeHtml(section.title)} →</a></p>`
        : '';
    const heading = section.category
      ? `<a href="${section.category.path}">${escapeHtml(section.title)}</a>`
      : escapeHtml(section.title);
    parts.push(
      `<section class="index-section" aria-labelledby="section-${i}"><h2 id="section-${i}">${heading}</h2>${entries(shown, '', ctx)}${more}</section>`,
    );
  });
  if (!ctx.model.studies.length) parts.push(`<p>No case studies have been published yet.</p>`);
  return renderPage({
    site,
    path: 'index.html',
    title: siteName(site),
    description: site.description || site.tagline,
    ogType: 'website',
    hasFeed: ctx.hasFeed,
    body: parts.join('\n'),
  });
}

function metaLine(s: SiteStudy, minutes: number, root: string, ctx: PageContext): string {
  const items: string[] = [];
  if (s.study.status === 'draft') items.push(`<li><span class="badge draft">Draft</span></li>`);
  if (s.study.date) {
    items.push(`<li><time datetime="${s.study.date}">${escapeHtml(ctx.formatDate(s.study.date))}</time></li>`);
  }
  if (s.categories.length) {
    const links = s.categories.map((c) => `<a href="${root}${c.path}">${escapeHtml(c.name)}</a>`).join(', ');
    items.push(`<li>${links}</li>`);
  }
  if (s.study.outcome) {
    const word = outcomeLabels[s.study.outcome];
    items.push(`<li>Outcome: <span class="badge outcome-${s.study.outcome}">${word}</span></li>`);
  }
  const updated = s.study.updatedAt.slice(0, 10);
  // Only a later day: an edit the same day, or a date set ahead of the last edit, is no update.
  if (s.study.date && /^\d{4}-\d{2}-\d{2}$/.test(updated) && updated > s.study.date) {
    items.push(`<li>Updated <time datetime="${updated}">${escapeHtml(ctx.formatDate(updated))}</time></li>`);
  }
  items.push(`<li>${minutes} min read</li>`);
  return `<ul class="meta">${items.join('')}</ul>`;
}

function pager(older: SiteStudy | undefined, newer: SiteStudy | undefined, root: string): string {
  if (!older && !newer) return '';
  const link = (s: SiteStudy, label: string, cls: string) =>
    `<a class="${cls}" href="${root}${s.path}"><span class="label">${label}</span>${escapeHtml(titleOf(s))}</a>`;
  return `<nav class="pager" aria-label="More case studies">${older ? link(older, 'Previous', 'prev') : ''}${newer ? link(newer, 'Next', 'next') : ''}</nav>`;
}

/** The studies sharing categories and tags with this one, at the end of its page. */
function related(s: SiteStudy, root: string, ctx: PageContext): string {
  const list = relatedStudies(ctx.model).get(s) ?? [];
  if (!list.length) return '';
  return `<section class="related" aria-labelledby="related"><h2 id="related">Related case studies</h2>${entries(list, root, ctx, true, 3)}</section>`;
}

/** Ids the page gives its own elements, which no heading may take. */
const PAGE_IDS = ['content', 'key-results', 'related', ...sectionKeys];

/** `index` is the study's place in model.studies (newest first): previous = older, next = newer. */
export function renderStudy(ctx: PageContext, index: number, content: StudyBody): string {
  const s = ctx.model.studies[index]!;
  const root = rootOf(s.path);
  const ids = new HeadingIds(PAGE_IDS);
  const headings: PageHeading[] = [];
  const keyResults = keyResultsHtml(s.study.metrics).replace(
    '<h2 id="key-results">Key results</h2>',
    () => (
      headings.push({ level: 2, id: 'key-results', text: 'Key results' }),
      anchoredHeading(2, 'key-results', '', 'Key results', 'Key results')
    ),
  );
  const sections = content.sections.map(({ key, html }) => {
    const label = sectionLabels[key];
    headings.push({ level: 2, id: key, text: label });
    const heading = anchoredHeading(2, key, '', label, label);
    return `<section class="study-section" aria-labelledby="${key}">${heading}\n${anchorHeadings(html, ids, headings)}\n</section>`;
  });
  const tags = s.study.tags.length
    ? `<p class="tags">Tags: ${s.study.tags.map((t) => escapeHtml(t)).join(', ')}</p>`
    : '';
  const body = [
    `<article class="study">`,
    `<header class="study-header"><h1>${escapeHtml(titleOf(s))}</h1>`,
    visible(s.study.summary) ? `<p class="lede">${escapeHtml(s.study.summary)}</p>` : '',
    metaLine(s, content.minutes, root, ctx),
    `</header>`,
    contentsHtml(headings),
    keyResults,
    `<div class="study-body">`,
    ...sections,
    `</div>`,
    tags,
    `</article>`,
    related(s, root, ctx),
    pager(ctx.model.studies[index + 1], ctx.model.studies[index - 1], root),
  ];
  return renderPage({
    site: ctx.model.site,
    path: s.path,
    title: `${titleOf(s)} · ${siteName(ctx.model.site)}`,
    description: s.study.summary,
    ogType: 'article',
    hasFeed: ctx.hasFeed,
    body: body.filter(Boolean).join('\n'),
  });
}

export function renderCategory(ctx: PageContext, category: SiteCategory): string {
  const root = rootOf(category.path);
  const count = category.studies.length;
  const body = [
    `<div class="hero"><p class="section-heading">Category</p><h1>${escapeHtml(category.name)}</h1>`,
    `<p class="lede">${count} case ${count === 1 ? 'study' : 'studies'}, newest first.</p></div>`,
    `<section aria-label="Case studies in ${escapeHtml(category.name)}">${entries(category.studies, root, ctx, true, 2)}</section>`,
  ];
  return renderPage({
    site: ctx.model.site,
    path: category.path,
    title: `${category.name} · ${siteName(ctx.model.site)}`,
    description: `Case studies in ${category.name}`,
    ogType: 'website',
    hasFeed: ctx.hasFeed,
    body: body.join('\n'),
  });
}
