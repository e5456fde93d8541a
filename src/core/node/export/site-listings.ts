// The listing pages beside the index and categories: one per tag, the tag index, one per
// author (bio, link, portrait, studies) and the archive of every study under year headings.
// All text is escaped here; the author's link is written exactly as safeRemoteUrl passed it.
import { escapeHtml } from '../../pure/rich-text/html';
import { renderPage, rootOf, siteName, visible } from '../../pure/export/site-layout';
import type { SitePerson, SiteStudy, SiteTag } from '../../pure/export/site-model';
import { avatarHtml } from '../../pure/export/site-byline';
import { safeRemoteUrl } from '../../pure/safe-url';
import { entries } from './site-entries';
import { frameOf, type PageContext } from './site-pages';

export const TAG_INDEX_PATH = 'tag/index.html';
export const ARCHIVE_PATH = 'archive/index.html';

const count = (n: number) => `${n} case ${n === 1 ? 'study' : 'studies'}`;

export function renderTag(ctx: PageContext, tag: SiteTag): string {
  const root = rootOf(tag.path);
  const body = [
    `<div class="hero"><p class="section-heading">Tag</p><h1>${escapeHtml(tag.name)}</h1>`,
    `<p class="lede">${count(tag.studies.length)}, newest first. <a href="${root}${TAG_INDEX_PATH}">All tags</a></p></div>`,
    `<section aria-label="Case studies tagged ${escapeHtml(tag.name)}">${entries(tag.studies, root, ctx, 2)}</section>`,
  ];
  return renderPage({
    ...frameOf(ctx),
    path: tag.path,
    title: `${tag.name} · ${siteName(ctx.model.site)}`,
    description: `Case studies tagged ${tag.name}`,
    ogType: 'website',
    body: body.join('\n'),
  });
}

export function renderTagIndex(ctx: PageContext): string {
  const root = rootOf(TAG_INDEX_PATH);
  const items = ctx.model.tags.map(
    (t) =>
      `<li><a class="tag" href="${root}${t.path}">${escapeHtml(t.name)}</a> <span class="tag-count">${count(t.studies.length)}</span></li>`,
  );
  const body = [
    `<div class="hero"><h1>Tags</h1><p class="lede">Every tag on the site, with how many case studies carry it.</p></div>`,
    items.length ? `<ul class="tag-index">${items.join('')}</ul>` : `<p>No case study has tags yet.</p>`,
  ];
  return renderPage({
    ...frameOf(ctx),
    path: TAG_INDEX_PATH,
    title: `Tags · ${siteName(ctx.model.site)}`,
    description: `All tags of ${siteName(ctx.model.site)}`,
    ogType: 'website',
    body: body.join('\n'),
  });
}

function profileHtml(person: SitePerson): string {
  const parts: string[] = [];
  const bio = visible(person.profile?.bio ?? '');
  if (bio) parts.push(`<p class="lede">${escapeHtml(bio)}</p>`);
  const url = person.profile?.url ? safeRemoteUrl(person.profile.url) : null;
  if (url) parts.push(`<p class="author-url"><a href="${escapeHtml(url)}" rel="author">${escapeHtml(url)}</a></p>`);
  return parts.join('');
}

export function renderAuthor(ctx: PageContext, person: SitePerson): string {
  const root = rootOf(person.path);
  const file = ctx.avatars.get(person);
  const portrait = file ? avatarHtml(root, file, `Portrait of ${person.name}`, 96) : '';
  const body = [
    `<div class="hero author-hero">${portrait}<div><p class="section-heading">Author</p><h1>${escapeHtml(person.name)}</h1>`,
    profileHtml(person),
    `</div></div>`,
    `<section class="index-section" aria-labelledby="author-studies"><h2 id="author-studies">${count(person.studies.length)}</h2>`,
    entries(person.studies, root, ctx, 3),
    `</section>`,
  ];
  return renderPage({
    ...frameOf(ctx),
    path: person.path,
    title: `${person.name} · ${siteName(ctx.model.site)}`,
    description: visible(person.profile?.bio ?? '') || `Case studies by ${person.name}`,
    ogType: 'website',
    body: body.join('\n'),
  });
}

/** Studies by year of their date, newest year first; undated ones last under "Undated". */
export function byYear(studies: SiteStudy[]): Array<{ year: string; studies: SiteStudy[] }> {
  const groups = new Map<string, SiteStudy[]>();
  for (const s of studies) {
    const year = s.study.date ? s.study.date.slice(0, 4) : 'Undated';
    const list = groups.get(year);
    if (list) list.push(s);
    else groups.set(year, [s]);
  }
  // model.studies is newest first with undated last, so the groups come in that order already.
  return [...groups].map(([year, list]) => ({ year, studies: list }));
}

export function renderArchive(ctx: PageContext): string {
  const root = rootOf(ARCHIVE_PATH);
  const { studies } = ctx.model;
  const years = byYear(studies).map(
    ({ year, studies: list }, i) =>
      `<section class="index-section" aria-labelledby="year-${i}"><h2 id="year-${i}">${year}</h2>${entries(list, root, ctx, 3)}</section>`,
  );
  const body = [
    `<div class="hero"><h1>All case studies</h1><p class="lede">${count(studies.length)}, newest first.</p></div>`,
    ...years,
  ];
  if (!studies.length) body.push(`<p>No case studies have been published yet.</p>`);
  return renderPage({
    ...frameOf(ctx),
    path: ARCHIVE_PATH,
    title: `All case studies · ${siteName(ctx.model.site)}`,
    description: `Every case study of ${siteName(ctx.model.site)}, by year`,
    ogType: 'website',
    body: body.join('\n'),
  });
}
