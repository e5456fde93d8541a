// The parts of every page and the two pages built from the frame alone, as a reader sees them:
// the header (name, logo, search box, category links with the current one marked), the search
// box, the logo, the 404 page and the search page.
import { describe, expect, it } from 'vitest';
import { headerCategories, siteHeaderHtml } from '../../../src/core/pure/export/site-header';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import { searchBoxHtml } from '../../../src/core/pure/export/site-search-box';
import { siteLogoHtml, siteLogoPath } from '../../../src/core/pure/export/site-logo';
import { notFoundRoot, renderNotFound } from '../../../src/core/pure/export/site-not-found';
import { renderSearchPage } from '../../../src/core/pure/export/site-search-page';
import { makeStudy, sampleSite } from '../../site/sample-site';

const HASH = 'c'.repeat(64);
/** What <main> holds, without its wrapper. */
const main = (html: string) => html.slice(html.indexOf('<div class="wrap">\n') + 19, html.indexOf('\n</div></main>'));

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
    expect(html.endsWith('maxlength="200"><button type="submit">Search</button></form>')).toBe(true);
    expect(html.startsWith('<form ')).toBe(true);
    expect(html.match(/></g)).toHaveLength(4); // form|label, label|input, input|button, button|form
    expect(html).not.toContain('value=');
  });

  it('shows a query given to it, escaped', () => {
    expect(searchBoxHtml('', 'a "b" <c>')).toContain(' value="a &quot;b&quot; &lt;c&gt;">');
  });
});

describe('the logo', () => {
  it('is the stored raster image, decorative, from the page root; nothing for SVG or anything else', () => {
    expect(siteLogoPath({ logo: `assets/${HASH}.png` })).toBe(`assets/img/${HASH}.png`);
    expect(siteLogoHtml({ logo: `assets/${HASH}.webp` }, '../', { width: 400, height: 100 })).toBe(
      `<img class="site-logo" src="../assets/img/${HASH}.webp" alt="" width="128" height="32">`,
    );
    expect(siteLogoPath({ logo: `assets/${HASH}.svg` })).toBeNull();
    expect(siteLogoPath({ logo: 'https://example.com/logo.png' })).toBeNull();
    expect(siteLogoPath({ logo: '' })).toBeNull();
    expect(siteLogoHtml({ logo: '' }, '', { width: 400, height: 100 })).toBe('');
  });

  it('is as wide as its proportions make it at the header’s 32 px, to the nearest pixel', () => {
    const width = (w: number, h: number) =>
      /width="(\d+)"/.exec(siteLogoHtml({ logo: `assets/${HASH}.png` }, '', { width: w, height: h }))?.[1];
    expect(width(32, 32)).toBe('32');
    expect(width(333, 100)).toBe('107'); // 106.56
    expect(width(100, 300)).toBe('11'); // 10.67: a tall logo is narrow, not as wide as high
    expect(width(1000, 64)).toBe('500');
    expect(width(1, 100)).toBe('1'); // 0.32: never a zero width, which would hide it
  });

  it('keeps only its height when its size is unknown: a guessed width would squash or stretch it', () => {
    expect(siteLogoHtml({ logo: `assets/${HASH}.jpg` }, '', null)).toBe(
      `<img class="site-logo" src="assets/img/${HASH}.jpg" alt="" height="32">`,
    );
  });
});

describe('the 404 page', () => {
  it('says the page is missing and links home, from the base URL when one is set', () => {
    const html = renderNotFound(sampleSite({ title: 'A & B' }), true, [], null);
    expect(notFoundRoot(sampleSite())).toBe('https://eng.example.com/cases/');
    expect(html).toContain('<title>Page not found · A &amp; B</title>');
    expect(main(html)).toBe(
      '<div class="hero not-found"><h1>Page not found</h1>\n' +
        '<p class="lede">There is no page at this address. It may have moved, or the address may be mistyped.</p>\n' +
        '<p><a href="https://eng.example.com/cases/index.html">Go to the home page of A &amp; B</a></p></div>',
    );
    expect(html).toContain('<meta property="og:type" content="website">');
    expect(html).toContain('<link rel="stylesheet" href="https://eng.example.com/cases/assets/site.css">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('href="https://eng.example.com/cases/feed.xml"');
    expect(html).not.toContain('name="description"');
  });

  it('links relatively without a base URL', () => {
    const html = renderNotFound(sampleSite({ baseUrl: '' }), false, [], null);
    expect(notFoundRoot(sampleSite({ baseUrl: '' }))).toBe('');
    expect(html).toContain('<a href="index.html">Go to the home page of Acme Engineering</a>');
    expect(html).toContain('<link rel="stylesheet" href="assets/site.css">');
  });
});

describe('the search page', () => {
  it('says searching needs script, links the archive, and loads the index before the site script', () => {
    const html = renderSearchPage(sampleSite(), false, [{ name: 'Ops', path: 'category/ops/index.html' }], null);
    expect(html).toContain('<title>Search · Acme Engineering</title>');
    expect(html).toContain('<meta name="description" content="Search the case studies of Acme Engineering">');
    expect(main(html)).toBe(
      '<div class="hero search-hero"><h1>Search</h1>\n' +
        '<p id="search-status" class="lede" role="status">Searching needs JavaScript. Every case study is listed in <a href="../archive/index.html">All case studies</a>.</p></div>\n' +
        '<ol id="search-results" class="search-results" data-root="../"></ol>',
    );
    expect(html).toContain('<meta property="og:type" content="website">');
    expect(html).toContain(
      '<script src="../assets/search-index.js" defer></script>\n<script src="../assets/site.js" defer>',
    );
    expect(html).toContain('<link rel="canonical" href="https://eng.example.com/cases/search/">');
    expect(html).toContain('<a href="../category/ops/index.html">Ops</a>');
  });
});
