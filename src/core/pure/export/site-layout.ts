// The frame every exported page shares: <head> (title, description, OpenGraph, favicon,
// stylesheet, feed link), the header linking home and the footer. Links are relative to the
// page (`root` is '' or '../' or '../../') so the site works from file:// and any sub-path.
import { escapeHtml } from '../rich-text/html';
import type { SiteSettings } from '../schemas/site';
import { siteHeaderHtml, type HeaderLink } from './site-header';
import { socialMetaTags, type PageSocial } from './site-social-meta';
import { siteLogoHtml } from './site-logo';
import type { ImageSize } from '../image-size';

export interface PageFrame {
  site: SiteSettings;
  /** Path of this page inside the output folder, e.g. `my-study/index.html`. */
  path: string;
  /** Text of <title> and og:title. */
  title: string;
  description: string;
  ogType: 'website' | 'article';
  /** Whether feed.xml exists (it needs a base URL). */
  hasFeed: boolean;
  /**
   * The logo's pixel size (site-logo.ts), null when it has none or its header gives none. Never
   * left out, so no kind of page can forget it.
   */
  logoSize: ImageSize | null;
  /** Already-escaped HTML that goes inside <main>. */
  body: string;
  /**
   * Footer links to the archive and the tag index (none in the app's preview). Always both, so
   * no study page depends on whether some other study has a tag (its memo key would miss it).
   */
  browse?: boolean;
  /** The header's category links (site-header.ts headerCategories). */
  categories: HeaderLink[];
  /** Classic scripts this page needs before assets/site.js, as paths from the site root. */
  scripts?: string[];
  /** The image, article facts and JSON-LD a shared link shows (site-social-meta.ts). */
  social?: PageSocial;
  /** A feed of this page's own (a category's), linked besides the site's. */
  feed?: { title: string; path: string };
  /**
   * The way back to the site root, when not the page's own (rootOf(path)): the 404 page, which a
   * server shows at any URL, links from the base URL when one is set.
   */
  root?: string;
  /** Kept out of search engines, with no canonical link (the 404 page, served at any address). */
  noindex?: boolean;
}

/** `../` once per folder in `path`: the way back to the site root from that page. */
export function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

/**
 * The base URL as every absolute link starts: its folder, with a final `/`, without a query, a
 * fragment or credentials (which would end up in the middle of every link built on it).
 */
export function siteBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  }
  const folder = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.protocol}//${url.host}${folder}`;
}

/** The public URL of a page (folder URL for `x/index.html`), for og:url, the feed and the sitemap. */
export function absoluteUrl(baseUrl: string, path: string): string {
  const base = siteBaseUrl(baseUrl);
  return base + path.replace(/(^|\/)index\.html$/, '$1');
}

/** Text as a reader will see it: without control characters (escapeHtml drops them) and trimmed. */
export function visible(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** What a study is called where its title is empty. */
export const UNTITLED_STUDY = 'Untitled case study';

/** A study's title as a reader sees it, or UNTITLED_STUDY. */
export const shownTitle = (title: string): string => visible(title) || UNTITLED_STUDY;

export function siteName(site: SiteSettings): string {
  return visible(site.title) || 'Casebook';
}

export function renderPage(frame: PageFrame): string {
  const { site } = frame;
  const root = frame.root ?? rootOf(frame.path);
  const name = siteName(site);
  const meta = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(frame.title)}</title>`,
    frame.description ? `<meta name="description" content="${escapeHtml(frame.description)}">` : '',
    site.author ? `<meta name="author" content="${escapeHtml(site.author)}">` : '',
    `<meta name="generator" content="Casebook">`,
    ...socialMetaTags(site, { ...frame, root, siteName: name }, frame.social),
    frame.noindex ? `<meta name="robots" content="noindex">` : '',
    site.baseUrl && !frame.noindex
      ? `<link rel="canonical" href="${escapeHtml(absoluteUrl(site.baseUrl, frame.path))}">`
      : '',
    `<link rel="icon" href="${root}assets/favicon.svg" type="image/svg+xml">`,
    `<link rel="stylesheet" href="${root}assets/site.css">`,
    frame.hasFeed
      ? `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(name)}" href="${root}feed.xml">`
      : '',
    frame.hasFeed && frame.feed
      ? `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(frame.feed.title)}" href="${root}${frame.feed.path}">`
      : '',
  ].filter(Boolean);
  // Classic, deferred, external: works from file:// and under a CSP without 'unsafe-inline'.
  const scripts = [...(frame.scripts ?? []), 'assets/site.js']
    .map((src) => `<script src="${root}${src}" defer></script>`)
    .join('\n');
  const header = siteHeaderHtml({
    root,
    path: frame.path,
    name,
    logoHtml: siteLogoHtml(site, root, frame.logoSize),
    categories: frame.categories,
    hasFeed: frame.hasFeed,
  });
  const byline = site.author ? `<p>${escapeHtml(site.author)}</p>` : '';
  // The archive is every page's way to all studies (the header may link it too).
  const browse = frame.browse
    ? `<nav class="footer-nav" aria-label="Browse"><a href="${root}archive/index.html">All case studies</a><a href="${root}tag/index.html">Tags</a></nav>`
    : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(site.language || 'en')}">
<head>
${meta.join('\n')}
${scripts}
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
${header}
<main id="content"><div class="wrap">
${frame.body}
</div></main>
<footer class="site-footer"><div class="wrap">${byline}${browse}<p>Made with Casebook</p></div></footer>
</body>
</html>
`;
}
