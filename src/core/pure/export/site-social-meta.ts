// What a shared link shows: OpenGraph and Twitter meta for every page, and on study pages the
// article dates and authors plus JSON-LD (schema.org BlogPosting). Every value is escaped for
// its attribute; the JSON-LD is escaped so no text can close its <script> element.
import { escapeHtml } from '../rich-text/html';
import type { SiteSettings } from '../schemas/site';
import type { Study } from '../schemas/study';
import { absoluteUrl } from './site-layout';

/** The image a page is shared with: a path inside the site (a cover or a generated card). */
export interface SocialImage {
  /** Path inside the output folder, e.g. `assets/cards/<hash>.png`. */
  path: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface ArticleFacts {
  /** YYYY-MM-DD or null. */
  published: string | null;
  /** ISO date-time. */
  modified: string;
  authors: string[];
  tags: string[];
}

export interface PageSocial {
  image: SocialImage | null;
  article?: ArticleFacts;
  /** schema.org data for a `<script type="application/ld+json">` (study pages). */
  jsonLd?: Record<string, unknown>;
}

/** The names a study is by: its own authors, else the site's author (as the byline shows them). */
export function studyAuthorNames(site: SiteSettings, study: Study): string[] {
  const own = study.authors.map((name) => name.trim()).filter(Boolean);
  if (own.length) return own;
  const name = site.author.trim();
  return name ? [name] : [];
}

/**
 * JSON for an inline script: `<`, `>` and `&` as \u escapes (so `</script>` or `<!--` in any
 * text cannot end or change the element), and the two line separators JavaScript once forbade.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A page's URL for meta: absolute with a base URL, else relative to the page (`root`). */
export function shareUrl(site: SiteSettings, root: string, path: string): string {
  return site.baseUrl ? absoluteUrl(site.baseUrl, path) : root + path;
}

const metaProperty = (property: string, content: string) =>
  `<meta property="${property}" content="${escapeHtml(content)}">`;

/** The OpenGraph, Twitter and article meta of a page, one tag a line. */
export function socialMetaTags(
  site: SiteSettings,
  page: {
    path: string;
    root: string;
    title: string;
    description: string;
    ogType: 'website' | 'article';
    siteName: string;
  },
  social: PageSocial | undefined,
): string[] {
  const tags = [
    metaProperty('og:title', page.title),
    page.description ? metaProperty('og:description', page.description) : '',
    metaProperty('og:type', page.ogType),
    metaProperty('og:site_name', page.siteName),
    site.baseUrl ? metaProperty('og:url', absoluteUrl(site.baseUrl, page.path)) : '',
  ];
  const image = social?.image;
  if (image) {
    tags.push(metaProperty('og:image', shareUrl(site, page.root, image.path)));
    if (image.width && image.height) {
      tags.push(
        metaProperty('og:image:width', String(image.width)),
        metaProperty('og:image:height', String(image.height)),
      );
    }
    if (image.alt) tags.push(metaProperty('og:image:alt', image.alt));
  }
  tags.push(`<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">`);
  const article = social?.article;
  if (article) {
    if (article.published) tags.push(metaProperty('article:published_time', article.published));
    tags.push(metaProperty('article:modified_time', article.modified));
    for (const author of article.authors) tags.push(metaProperty('article:author', author));
    for (const tag of article.tags) tags.push(metaProperty('article:tag', tag));
  }
  if (social?.jsonLd) tags.push(`<script type="application/ld+json">${jsonForScript(social.jsonLd)}</script>`);
  return tags.filter(Boolean);
}

/** schema.org BlogPosting of a study page. */
export function blogPosting(
  site: SiteSettings,
  page: { path: string; root: string; headline: string; description: string },
  article: ArticleFacts,
  image: SocialImage | null,
): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: page.headline,
  };
  if (page.description) data.description = page.description;
  if (article.published) data.datePublished = article.published;
  data.dateModified = article.modified;
  if (article.authors.length) data.author = article.authors.map((name) => ({ '@type': 'Person', name }));
  if (image) data.image = shareUrl(site, page.root, image.path);
  if (site.baseUrl) {
    data.url = absoluteUrl(site.baseUrl, page.path);
    data.mainEntityOfPage = data.url;
  }
  if (article.tags.length) data.keywords = article.tags.join(', ');
  return data;
}
