// The frame every page of the exported site shares, as a reader and a crawler see it: the
// <head> (title, description, author, canonical address, icon, stylesheet, feeds, scripts), the
// header (name, logo, search box, category links with the current one marked), the footer, and
// the two pages built from it alone: the 404 page and the search page.
import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  renderPage,
  rootOf,
  shownTitle,
  siteBaseUrl,
  siteName,
  visible,
  type PageFrame,
} from '../../../src/core/pure/export/site-layout';
import { headerCategories, siteHeaderHtml } from '../../../src/core/pure/export/site-header';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import { searchBoxHtml } from '../../../src/core/pure/export/site-search-box';
import { siteLogoHtml, siteLogoPath } from '../../../src/core/pure/export/site-logo';
import { notFoundRoot, renderNotFound } from '../../../src/core/pure/export/site-not-found';
import { renderSearchPage } from '../../../src/core/pure/export/site-search-page';
import { makeStudy, sampleSite } from '../../site/sample-site';

const HASH = 'c'.repeat(64);
const frame = (over: Partial<PageFrame> = {}): PageFrame => ({
  site: sampleSite(),
  path: 'my-study/index.html',
  title: 'A <title>',
  description: 'Says "what"',
  ogType: 'article',
  hasFeed: false,
  body: '<p>Body</p>',
  categories: [],
  ...over,
});
const headOf = (html: string) => html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
const between = (html: string, start: string, end: string) => {
  const from = html.indexOf(start);
  return html.slice(from, html.indexOf(end, from));
};

describe('paths and addresses', () => {
  it('climbs one folder per level back to the site root', () => {
    expect(rootOf('index.html')).toBe('');
    expect(rootOf('a/index.html')).toBe('../');
    expect(rootOf('category/a/index.html')).toBe('../../');
  });

  it('takes the base URL as a folder, without query, fragment or credentials', () => {
    expect(siteBaseUrl('https://u:p@example.com/blog?x=1#top')).toBe('https://example.com/blog/');
    expect(siteBaseUrl('https://example.com/blog/')).toBe('https://example.com/blog/');
    expect(siteBaseUrl('https://example.com:8080')).toBe('https://example.com:8080/');
    // Not a URL at all: still a folder.
    expect(siteBaseUrl('not a url')).toBe('not a url/');
    expect(siteBaseUrl('not a url/')).toBe('not a url/');
  });

  it('gives a page its folder address, and any other file its own', () => {
    expect(absoluteUrl('https://example.com/blog', 'index.html')).toBe('https://example.com/blog/');
    expect(absoluteUrl('https://example.com/blog', 'a/index.html')).toBe('https://example.com/blog/a/');
    expect(absoluteUrl('https://example.com/blog', 'feed.xml')).toBe('https://example.com/blog/feed.xml');
    expect(absoluteUrl('https://example.com/', 'a/myindex.html')).toBe('https://example.com/a/myindex.html');
  });
});

describe('names as shown', () => {
  it('turns control characters into spaces and trims; falls back when nothing is left', () => {
    expect(visible(' a\u0000b\u001fc\u007fd\ne ')).toBe('a b c d e');
    expect(shownTitle('\u0001 ')).toBe('Untitled case study');
    expect(shownTitle(' Kept ')).toBe('Kept');
    expect(siteName(sampleSite({ title: '\n' }))).toBe('Casebook');
    expect(siteName(sampleSite({ title: ' Acme ' }))).toBe('Acme');
  });
});

describe('a page head', () => {
  it('has the escaped title and description, the author, the canonical address, icon and stylesheet', () => {
    const head = headOf(renderPage(frame()));
    expect(head).toContain('<meta charset="utf-8">');
    expect(head).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(head).toContain('<title>A &lt;title&gt;</title>');
    expect(head).toContain('<meta name="description" content="Says &quot;what&quot;">');
    expect(head).toContain('<meta name="author" content="Ada Lovelace">');
    expect(head).toContain('<meta name="generator" content="Casebook">');
    expect(head).toContain('<link rel="canonical" href="https://eng.example.com/cases/my-study/">');
    expect(head).toContain('<link rel="icon" href="../assets/favicon.svg" type="image/svg+xml">');
    expect(head).toContain('<link rel="stylesheet" href="../assets/site.css">');
    expect(head).not.toContain('robots');
    // No empty lines left by the tags a page goes without.
    expect(head).not.toMatch(/\n\n/);
  });

  it('leaves out what the page has not: description, author, canonical without a base URL', () => {
    const head = headOf(renderPage(frame({ description: '', site: sampleSite({ author: '', baseUrl: '' }) })));
    expect(head).not.toContain('name="description"');
    expect(head).not.toContain('name="author"');
    expect(head).not.toContain('rel="canonical"');
    expect(head).not.toMatch(/\n\n/);
  });

  it('keeps a noindex page out of search engines, with no canonical address', () => {
    const head = headOf(renderPage(frame({ noindex: true })));
    expect(head).toContain('<meta name="robots" content="noindex">');
    expect(head).not.toContain('rel="canonical"');
  });

  it("links the site's feed, and a category's own, only when feeds exist", () => {
    const feed = { title: 'Ops & more', path: 'category/ops/feed.xml' };
    const withFeeds = headOf(renderPage(frame({ hasFeed: true, feed, site: sampleSite({ title: 'A & B' }) })));
    expect(withFeeds).toContain(
      '<link rel="alternate" type="application/atom+xml" title="A &amp; B" href="../feed.xml">',
    );
    expect(withFeeds).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Ops &amp; more" href="../category/ops/feed.xml">',
    );
    expect(headOf(renderPage(frame({ hasFeed: false, feed })))).not.toContain('application/atom+xml');
  });

  it("loads the page's own scripts, then the site script, deferred, from the site root", () => {
    const head = headOf(renderPage(frame({ scripts: ['assets/search-index.js'] })));
    expect(head).toContain(
      '<script src="../assets/search-index.js" defer></script>\n<script src="../assets/site.js" defer></script>',
    );
    expect(headOf(renderPage(frame({ path: 'index.html' })))).toContain('<script src="assets/site.js" defer></script>');
  });

  it('is in the site language, English when unset', () => {
    expect(renderPage(frame({ site: sampleSite({ language: 'de' }) }))).toContain('<html lang="de">');
    expect(renderPage(frame({ site: sampleSite({ language: '' }) }))).toContain('<html lang="en">');
  });
});

describe('a page body', () => {
  it('skips to the content, holds the body in <main>, and signs the footer with the author', () => {
    const html = renderPage(frame({ site: sampleSite({ author: 'Ada & Co' }) }));
    expect(html).toContain('<a class="skip-link" href="#content">Skip to content</a>');
    expect(html).toContain('<main id="content"><div class="wrap">\n<p>Body</p>\n</div></main>');
    expect(between(html, '<footer', '</footer>')).toBe(
      '<footer class="site-footer"><div class="wrap"><p>Ada &amp; Co</p><p>Made with Casebook</p></div>',
    );
  });

  it('links the archive and the tags from the footer when asked, from the page root', () => {
    const footer = between(
      renderPage(frame({ browse: true, site: sampleSite({ author: '' }) })),
      '<footer',
      '</footer>',
    );
    expect(footer).toBe(
      '<footer class="site-footer"><div class="wrap"><nav class="footer-nav" aria-label="Browse">' +
        '<a href="../archive/index.html">All case studies</a><a href="../tag/index.html">Tags</a></nav>' +
        '<p>Made with Casebook</p></div>',
    );
  });

  it('uses the way back it is given instead of its own (the 404 page)', () => {
    const html = renderPage(frame({ root: 'https://x.example/', path: '404.html' }));
    expect(html).toContain('<link rel="stylesheet" href="https://x.example/assets/site.css">');
    expect(html).toContain('<a class="site-title" href="https://x.example/index.html">');
  });
});

describe('the header', () => {
  const header = (path: string, hasFeed = true) =>
    siteHeaderHtml({
      root: '../',
      path,
      name: 'Acme <Eng>',
      categories: [
        { name: 'Ops & Infra', path: 'category/ops/index.html' },
        { name: 'Design', path: 'category/design/index.html' },
      ],
      hasFeed,
    });
  const links = (html: string) => [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);

  it('links home by the escaped site name, then each category, the archive and the feed, in order', () => {
    const html = header('a/index.html');
    expect(html).toContain('<a class="site-title" href="../index.html"><span>Acme &lt;Eng&gt;</span></a>');
    expect(links(html)).toEqual([
      '<a href="../category/ops/index.html">Ops &amp; Infra</a>',
      '<a href="../category/design/index.html">Design</a>',
      '<a href="../archive/index.html">All case studies</a>',
      '<a href="../feed.xml">Feed</a>',
    ]);
    expect(html).toContain('<nav class="site-nav" aria-label="Site">');
    expect(links(header('a/index.html', false))).toHaveLength(3);
  });

  it('marks the link to the page it is on as the current page, and no other', () => {
    const html = header('category/design/index.html');
    expect(links(html).filter((l) => l!.includes('aria-current'))).toEqual([
      '<a href="../category/design/index.html" aria-current="page">Design</a>',
    ]);
  });

  it('is the name, the search box and the row of links, and nothing else', () => {
    const html = siteHeaderHtml({ root: '', path: 'index.html', name: 'N', categories: [], hasFeed: false });
    expect(html).toBe(
      '<header class="site-header"><div class="wrap header-bar">' +
        '<a class="site-title" href="index.html"><span>N</span></a>' +
        searchBoxHtml('') +
        '</div><nav class="site-nav" aria-label="Site"><div class="wrap"><ul>' +
        '<li><a href="archive/index.html">All case studies</a></li></ul></div></nav></header>',
    );
  });

  it("links the site's categories that have studies, in the site's order, not the section of the others", () => {
    const studies = [
      makeStudy({ title: 'A', categories: ['Architecture & Design'] }),
      makeStudy({ title: 'B', categories: ['Failure Analysis', 'Extra'] }),
      makeStudy({ title: 'C', categories: [] }),
    ];
    expect(headerCategories(buildSiteModel(sampleSite(), studies, false))).toEqual([
      { name: 'Failure Analysis', path: 'category/failure-analysis/index.html' },
      { name: 'Architecture & Design', path: 'category/architecture-and-design/index.html' },
    ]);
  });

  it('puts the logo before the name inside the home link', () => {
    const html = siteHeaderHtml({
      root: '',
      path: 'index.html',
      name: 'N',
      categories: [],
      hasFeed: false,
      logoHtml: '<img>',
    });
    expect(html).toContain('<a class="site-title" href="index.html"><img><span>N</span></a>');
  });
});

describe('the search box', () => {
  it('is a labelled search form that leads to the archive without script and to the search page with it', () => {
    const html = searchBoxHtml('../');
    expect(html).toContain(
      '<form role="search" class="site-search" action="../archive/index.html" method="get" data-search="../search/index.html">',
    );
    expect(html).toContain('<label class="visually-hidden" for="site-search-q">Search case studies</label>');
    expect(html).toMatch(/<input type="search" id="site-search-q" name="q" [^>]*maxlength="200">/);
    expect(html).not.toContain('value=');
  });

  it('shows a query given to it, escaped', () => {
    expect(searchBoxHtml('', 'a "b" <c>')).toContain(' value="a &quot;b&quot; &lt;c&gt;">');
  });
});

describe('the logo', () => {
  it('is the stored raster image, decorative, from the page root; nothing for SVG or anything else', () => {
    expect(siteLogoPath({ logo: `assets/${HASH}.png` })).toBe(`assets/img/${HASH}.png`);
    expect(siteLogoHtml({ logo: `assets/${HASH}.webp` }, '../')).toBe(
      `<img class="site-logo" src="../assets/img/${HASH}.webp" alt="" height="32">`,
    );
    expect(siteLogoPath({ logo: `assets/${HASH}.svg` })).toBeNull();
    expect(siteLogoPath({ logo: 'https://example.com/logo.png' })).toBeNull();
    expect(siteLogoPath({ logo: '' })).toBeNull();
    expect(siteLogoHtml({ logo: '' }, '')).toBe('');
  });
});

describe('the 404 page', () => {
  it('says the page is missing and links home, from the base URL when one is set', () => {
    const html = renderNotFound(sampleSite({ title: 'A & B' }), true, []);
    expect(notFoundRoot(sampleSite())).toBe('https://eng.example.com/cases/');
    expect(html).toContain('<title>Page not found · A &amp; B</title>');
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('<a href="https://eng.example.com/cases/index.html">Go to the home page of A &amp; B</a>');
    expect(html).toContain('<link rel="stylesheet" href="https://eng.example.com/cases/assets/site.css">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('href="https://eng.example.com/cases/feed.xml"');
    expect(html).not.toContain('name="description"');
  });

  it('links relatively without a base URL', () => {
    const html = renderNotFound(sampleSite({ baseUrl: '' }), false, []);
    expect(notFoundRoot(sampleSite({ baseUrl: '' }))).toBe('');
    expect(html).toContain('<a href="index.html">Go to the home page of Acme Engineering</a>');
    expect(html).toContain('<link rel="stylesheet" href="assets/site.css">');
  });
});

describe('the search page', () => {
  it('says searching needs script, links the archive, and loads the index before the site script', () => {
    const html = renderSearchPage(sampleSite(), false, [{ name: 'Ops', path: 'category/ops/index.html' }]);
    expect(html).toContain('<title>Search · Acme Engineering</title>');
    expect(html).toContain('<meta name="description" content="Search the case studies of Acme Engineering">');
    expect(html).toContain(
      '<p id="search-status" class="lede" role="status">Searching needs JavaScript. Every case study is listed in <a href="../archive/index.html">All case studies</a>.</p>',
    );
    expect(html).toContain('<ol id="search-results" class="search-results" data-root="../"></ol>');
    expect(html).toContain(
      '<script src="../assets/search-index.js" defer></script>\n<script src="../assets/site.js" defer>',
    );
    expect(html).toContain('<link rel="canonical" href="https://eng.example.com/cases/search/">');
    expect(html).toContain('<a href="../category/ops/index.html">Ops</a>');
  });
});
