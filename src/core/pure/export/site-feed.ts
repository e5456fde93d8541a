// Atom feed and sitemap. Both need absolute URLs, so they exist only when the site has a
// base URL. Dates come from the studies, never from the clock, so an unchanged workspace
// exports byte-identical files (and the writer leaves them alone).
import { escapeHtml } from '../rich-text/html';
import type { Study } from '../schemas/study';
import { safeRemoteUrl } from '../safe-url';
import { metricSentence } from './metrics-format';
import { absoluteUrl, siteName, UNTITLED_STUDY } from './site-layout';
import type { SiteCategory, SiteModel, SiteStudy } from './site-model';

/** How many of the newest studies the feed carries. */
export const FEED_LIMIT = 50;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML, dropping characters XML 1.0 cannot hold at all. */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these characters at all
  const xmlChars = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return xmlChars.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** A category's own feed, beside its page: `category/<slug>/feed.xml`. */
// Stryker disable next-line Regex: the path ends in index.html and holds it once (a slug has no dot)
export const categoryFeedPath = (category: SiteCategory): string => category.path.replace(/index\.html$/, 'feed.xml');

function latest(studies: SiteStudy[], fallback: Date): string {
  const stamps = studies.map((s) => s.study.updatedAt).sort();
  return stamps.length ? stamps[stamps.length - 1]! : fallback.toISOString();
}

/**
 * The study's key results as the entry's content (HTML, escaped once as HTML and once as XML):
 * a reader sees the summary and then one line per metric, as the figure's names say them.
 */
function keyResults(study: Study): string {
  if (study.metrics.length === 0) return '';
  const items = study.metrics.map((m) => `<li>${escapeHtml(metricSentence(m))}</li>`).join('');
  const html = `<p>${escapeHtml(study.summary)}</p><h2>Key results</h2><ul>${items}</ul>`;
  return `\n<content type="html">${escapeXml(html)}</content>`;
}

/** An entry's author; `url` (their profile's, if any) only when it is an http(s) link. */
function feedAuthor(name: string, url: string | undefined): string {
  const uri = safeRemoteUrl(url);
  return `<author><name>${escapeXml(name)}</name>${uri ? `<uri>${escapeXml(uri)}</uri>` : ''}</author>`;
}

/**
 * The site's feed, or with `category` that category's (its page as the home, its studies only).
 */
export function renderFeed(model: SiteModel, generatedAt: Date, category?: SiteCategory): string {
  const { site } = model;
  const studies = category ? category.studies : model.studies;
  // Stryker disable next-line StringLiteral: absoluteUrl drops a final index.html ('' is the same address)
  const home = absoluteUrl(site.baseUrl, category ? category.path : 'index.html');
  const self = category ? categoryFeedPath(category) : 'feed.xml';
  const title = category ? `${category.name} · ${siteName(site)}` : siteName(site);
  // Atom requires an author on the feed (or on every entry): the site's name stands in.
  const author = `<author><name>${escapeXml(site.author || siteName(site))}</name></author>`;
  const entries = studies.slice(0, FEED_LIMIT).map((s) => {
    const url = absoluteUrl(site.baseUrl, s.path);
    const published = s.study.date ? `<published>${s.study.date}T00:00:00Z</published>` : '';
    const categories = s.categories.map((c) => `<category term="${escapeXml(c.name)}"/>`).join('');
    // The study's own authors name the entry (Atom: they replace the feed's author for it).
    const authors = s.people.map((p) => feedAuthor(p.name, p.profile?.url)).join('');
    return `<entry>
<title>${escapeXml(s.study.title || UNTITLED_STUDY)}</title>
<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
<id>${escapeXml(url)}</id>
${authors}${published}<updated>${s.study.updatedAt}</updated>
<summary>${escapeXml(s.study.summary)}</summary>${keyResults(s.study)}${categories}
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">
<title>${escapeXml(title)}</title>
${site.tagline ? `<subtitle>${escapeXml(site.tagline)}</subtitle>\n` : ''}<link rel="alternate" type="text/html" href="${escapeXml(home)}"/>
<link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(site.baseUrl, self))}"/>
<id>${escapeXml(home)}</id>
<updated>${latest(studies, generatedAt)}</updated>
${author}<generator>Casebook</generator>
${entries.join('\n')}
</feed>
`;
}

export function renderSitemap(model: SiteModel): string {
  const url = (path: string, lastmod?: string) =>
    `<url><loc>${escapeXml(absoluteUrl(model.site.baseUrl, path))}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`;
  const urls = [
    // Stryker disable next-line StringLiteral: absoluteUrl drops a final index.html ('' is the same address)
    url('index.html'),
    ...model.studies.map((s) => url(s.path, s.study.updatedAt)),
    ...model.categories.map((c) => url(c.path)),
    ...model.tags.map((t) => url(t.path)),
    ...model.people.map((p) => url(p.path)),
    url('archive/index.html'),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

/** robots.txt: everything may be crawled; with a base URL, where the sitemap is. */
export function renderRobots(baseUrl: string): string {
  const sitemap = baseUrl ? `Sitemap: ${absoluteUrl(baseUrl, 'sitemap.xml')}\n` : '';
  return `User-agent: *\nAllow: /\n${sitemap}`;
}
