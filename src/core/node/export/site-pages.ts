// The three kinds of HTML page: the index (headline, description, Featured, one section per
// category), one page per study, one page per category. All user text is escaped here or in
// rich-text/html.ts; every link is relative to the page that holds it.
import { escapeHtml } from '../../pure/rich-text/html';
import { outcomeLabels, sectionKeys, sectionLabels } from '../../pure/schemas/study';
import { renderPage, rootOf, siteName, visible, type PageFrame } from '../../pure/export/site-layout';
import type { SiteCategory, SiteModel, SitePerson, SiteStudy } from '../../pure/export/site-model';
import { headerCategories } from '../../pure/export/site-header';
import { SEARCH_INPUT_ID } from '../../pure/export/site-search-box';
import { keyResultsHtml } from '../../pure/export/metrics-figure';
import { bylineHtml, tagLinksHtml } from '../../pure/export/site-byline';
import type { StudyBody } from './site-study-body';
import { entries, titleOf } from './site-entries';
import type { PageSocial, SocialImage } from '../../pure/export/site-social-meta';
import { categoryFeedPath } from '../../pure/export/site-feed';
import { coverFigure, type ShownCover } from '../../pure/export/site-share';
import {
  anchorHeadings,
  anchoredHeading,
  contentsHtml,
  HeadingIds,
  type PageHeading,
} from '../../pure/export/site-contents';
import { relatedStudies } from '../../pure/export/site-related';
import type { ImageSize } from '../../pure/image-size';

/** How many entries a category section shows on the index before "All N …". */
export const INDEX_SECTION_LIMIT = 10;

export interface PageContext {
  model: SiteModel;
  hasFeed: boolean;
  formatDate(isoDate: string): string;
  /** Reading minutes of each study with a page (its body, or what the last export recorded). */
  minutes: ReadonlyMap<SiteStudy, number>;
  /** Each author's avatar that travels with the site: its file name under assets/img/. */
  avatars: ReadonlyMap<SitePerson, string>;
  /** The pixel size of the logo that travels with the site (null: none, or its header gives none). */
  logoSize: ImageSize | null;
}

/** The frame fields every page of the exported site shares (header categories, footer links). */
export function frameOf(ctx: PageContext): Pick<PageFrame, 'site' | 'hasFeed' | 'browse' | 'categories' | 'logoSize'> {
  const { model, hasFeed, logoSize } = ctx;
  return { site: model.site, hasFeed, browse: true, categories: headerCategories(model), logoSize };
}

export function dateFormatter(language: string): (isoDate: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  } catch {
    format = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  }
  // Every listing names each study's date again (index, categories, tags, authors, archive):
  // formatted once per export, as Intl formatting is most of a listing's cost.
  const done = new Map<string, string>();
  return (isoDate) => {
    let text = done.get(isoDate);
    if (text === undefined) done.set(isoDate, (text = format.format(new Date(`${isoDate}T00:00:00Z`))));
    return text;
  };
}

export function renderIndex(ctx: PageContext, image: SocialImage | null): string {
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
    ...frameOf(ctx),
    path: 'index.html',
    title: siteName(site),
    description: site.description || site.tagline,
    ogType: 'website',
    body: parts.join('\n'),
    social: { image },
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
  // Without reading times: a related study drawn later in the export has none yet, and the
  // page's key (studyPageKey) could not see one change.
  const noMinutes: PageContext = { ...ctx, minutes: new Map() };
  return `<section class="related" aria-labelledby="related"><h2 id="related">Related case studies</h2>${entries(list, root, noMinutes, 3)}</section>`;
}

/** Ids the page gives its own elements, which no heading may take. */
const PAGE_IDS = ['content', 'key-results', 'related', SEARCH_INPUT_ID, ...sectionKeys];

/** `index` is the study's place in model.studies (newest first): previous = older, next = newer. */
export function renderStudy(
  ctx: PageContext,
  index: number,
  content: StudyBody,
  /** `coverSrc`: the cover's URL when not its path from the page (the preview's data: URL). */
  share: { social: PageSocial; cover: ShownCover | null; coverSrc?: string },
): string {
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
    // The author's text takes its own direction (right-to-left too); the heading is the site's.
    const text = `<div class="section-text" dir="auto">${anchorHeadings(html, ids, headings)}</div>`;
    return `<section class="study-section" aria-labelledby="${key}">${heading}\n${text}\n</section>`;
  });
  const body = [
    // The study's language (its own, else the site's) for screen readers, hyphens and quotes.
    `<article class="study" lang="${escapeHtml(s.study.language ?? ctx.model.site.language)}">`,
    // The header (title, summary, byline) takes the direction of the title as written.
    `<header class="study-header" dir="auto"><h1>${escapeHtml(titleOf(s))}</h1>`,
    visible(s.study.summary) ? `<p class="lede">${escapeHtml(s.study.summary)}</p>` : '',
    bylineHtml(s.people, root, ctx.avatars),
    metaLine(s, content.minutes, root, ctx),
    `</header>`,
    coverFigure(share.cover, share.coverSrc ?? `${root}${share.cover?.path ?? ''}`),
    contentsHtml(headings),
    keyResults,
    `<div class="study-body">`,
    ...sections,
    `</div>`,
    tagLinksHtml(s.tags, root),
    `</article>`,
    related(s, root, ctx),
    pager(ctx.model.studies[index + 1], ctx.model.studies[index - 1], root),
  ];
  return renderPage({
    ...frameOf(ctx),
    path: s.path,
    title: `${titleOf(s)} · ${siteName(ctx.model.site)}`,
    description: s.study.summary,
    ogType: 'article',
    body: body.filter(Boolean).join('\n'),
    social: share.social,
  });
}

export function renderCategory(ctx: PageContext, category: SiteCategory, image: SocialImage | null): string {
  const root = rootOf(category.path);
  const count = category.studies.length;
  const body = [
    `<div class="hero"><p class="section-heading">Category</p><h1>${escapeHtml(category.name)}</h1>`,
    `<p class="lede">${count} case ${count === 1 ? 'study' : 'studies'}, newest first.</p></div>`,
    `<section aria-label="Case studies in ${escapeHtml(category.name)}">${entries(category.studies, root, ctx, 2)}</section>`,
  ];
  return renderPage({
    ...frameOf(ctx),
    path: category.path,
    title: `${category.name} · ${siteName(ctx.model.site)}`,
    description: `Case studies in ${category.name}`,
    ogType: 'website',
    body: body.join('\n'),
    social: { image },
    feed: { title: `${category.name} · ${siteName(ctx.model.site)}`, path: categoryFeedPath(category) },
  });
}
