// The frame every page of the exported site shares, as a reader and a crawler see it: the
// <head> (title, description, author, canonical address, icon, stylesheet, feeds, scripts),
// <main> and the footer (site-page-parts.test.ts: the header and the pages built from the frame).
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
import { sampleSite } from '../../site/sample-site';

const frame = (over: Partial<PageFrame> = {}): PageFrame => ({
  site: sampleSite(),
  path: 'my-study/index.html',
  title: 'A <title>',
  description: 'Says "what"',
  ogType: 'article',
  hasFeed: false,
  body: '<p>Body</p>',
  categories: [],
  logoSize: null,
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
    expect(absoluteUrl('https://example.com/', 'a/index.html.txt')).toBe('https://example.com/a/index.html.txt');
  });
});

describe('names as shown', () => {
  it('turns control characters into spaces and trims; falls back when nothing is left', () => {
    expect(visible(' a\u0000b\u001fc\u007fd\ne ')).toBe('a b c d e');
    expect(visible('a\u0000\u0001\r\nb')).toBe('a b'); // a run of them is one space
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

  it('holds only what a page without extras needs, one tag a line', () => {
    const html = renderPage(
      frame({
        site: sampleSite({ author: '', baseUrl: '' }),
        path: 'index.html',
        title: 'T',
        description: '',
        ogType: 'website',
      }),
    );
    expect(html.slice(html.indexOf('<head>'), html.indexOf('</head>'))).toBe(`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>T</title>
<meta name="generator" content="Casebook">
<meta property="og:title" content="T">
<meta property="og:type" content="website">
<meta property="og:site_name" content="Acme Engineering">
<meta name="twitter:card" content="summary">
<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="assets/site.css">
<script src="assets/site.js" defer></script>
`);
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
