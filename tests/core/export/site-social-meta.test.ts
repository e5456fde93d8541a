// What a shared link shows: the OpenGraph, Twitter and article meta of a page, a study's
// JSON-LD, its image (its cover, else its generated card), the card's text, the cover figure at
// the top of the page, and the byline and tag links under the title.
import { describe, expect, it } from 'vitest';
import {
  blogPosting,
  jsonForScript,
  shareUrl,
  socialMetaTags,
  studyAuthorNames,
  type ArticleFacts,
  type SocialImage,
} from '../../../src/core/pure/export/site-social-meta';
import {
  cardImage,
  coverFigure,
  pageCardContent,
  studyCardContent,
  studySocial,
} from '../../../src/core/pure/export/site-share';
import { avatarHtml, bylineHtml, joinNames, tagLinksHtml } from '../../../src/core/pure/export/site-byline';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import { makeStudy, sampleSite } from '../../site/sample-site';

const page = (over: Partial<Parameters<typeof socialMetaTags>[1]> = {}) => ({
  path: 'my-study/index.html',
  root: '../',
  title: 'My "study"',
  description: 'What <it> did',
  ogType: 'article' as const,
  siteName: 'Acme',
  ...over,
});
const image = (over: Partial<SocialImage> = {}): SocialImage => ({
  path: 'assets/cards/abc.png',
  alt: 'A & B',
  width: 1200,
  height: 630,
  ...over,
});
const article = (over: Partial<ArticleFacts> = {}): ArticleFacts => ({
  published: '2026-03-01',
  modified: '2026-03-02T10:00:00.000Z',
  authors: ['Dana Kim', 'Lee Ortiz'],
  tags: ['aws', 'cost'],
  ...over,
});

describe('OpenGraph and Twitter meta', () => {
  it('name the page, its site, type and address, escaped, one tag each', () => {
    expect(socialMetaTags(sampleSite(), page(), undefined)).toEqual([
      '<meta property="og:title" content="My &quot;study&quot;">',
      '<meta property="og:description" content="What &lt;it&gt; did">',
      '<meta property="og:type" content="article">',
      '<meta property="og:site_name" content="Acme">',
      '<meta property="og:url" content="https://eng.example.com/cases/my-study/">',
      '<meta name="twitter:card" content="summary">',
    ]);
  });

  it('leave out the description and the address when there is none', () => {
    const tags = socialMetaTags(sampleSite({ baseUrl: '' }), page({ description: '' }), { image: null });
    expect(tags).toEqual([
      '<meta property="og:title" content="My &quot;study&quot;">',
      '<meta property="og:type" content="article">',
      '<meta property="og:site_name" content="Acme">',
      '<meta name="twitter:card" content="summary">',
    ]);
  });

  it('show the image large, with its size and alt text; relative to the page without a base URL', () => {
    const withBase = socialMetaTags(sampleSite(), page(), { image: image() });
    expect(withBase.slice(5)).toEqual([
      '<meta property="og:image" content="https://eng.example.com/cases/assets/cards/abc.png">',
      '<meta property="og:image:width" content="1200">',
      '<meta property="og:image:height" content="630">',
      '<meta property="og:image:alt" content="A &amp; B">',
      '<meta name="twitter:card" content="summary_large_image">',
    ]);
    const noBase = socialMetaTags(sampleSite({ baseUrl: '' }), page(), { image: image({ alt: '', height: null }) });
    expect(noBase.slice(4)).toEqual([
      '<meta property="og:image" content="../assets/cards/abc.png">',
      '<meta name="twitter:card" content="summary_large_image">',
    ]);
    const noWidth = socialMetaTags(sampleSite(), page(), { image: image({ width: null }) });
    expect(noWidth.join('\n')).not.toContain('og:image:height');
  });

  it("carry a study's dates, authors and tags, and its JSON-LD last", () => {
    const tags = socialMetaTags(sampleSite(), page(), { image: null, article: article(), jsonLd: { a: '</script>' } });
    expect(tags.slice(6)).toEqual([
      '<meta property="article:published_time" content="2026-03-01">',
      '<meta property="article:modified_time" content="2026-03-02T10:00:00.000Z">',
      '<meta property="article:author" content="Dana Kim">',
      '<meta property="article:author" content="Lee Ortiz">',
      '<meta property="article:tag" content="aws">',
      '<meta property="article:tag" content="cost">',
      '<script type="application/ld+json">{"a":"\\u003c/script\\u003e"}</script>',
    ]);
    const undated = socialMetaTags(sampleSite(), page(), { image: null, article: article({ published: null }) });
    expect(undated.join('\n')).not.toContain('published_time');
  });
});

describe('JSON-LD', () => {
  it('cannot close or comment out its script element, and still parses to the same data', () => {
    const value = { text: '</script><!-- & \u2028 \u2029 >' };
    const json = jsonForScript(value);
    expect(json).toBe('{"text":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028 \\u2029 \\u003e"}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('describes a study as a BlogPosting with what it has: dates, authors, image, address, keywords', () => {
    const data = blogPosting(
      sampleSite(),
      { path: 'my-study/index.html', root: '../', headline: 'Title', description: 'Sum' },
      article(),
      image(),
    );
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Title',
      description: 'Sum',
      datePublished: '2026-03-01',
      dateModified: '2026-03-02T10:00:00.000Z',
      author: [
        { '@type': 'Person', name: 'Dana Kim' },
        { '@type': 'Person', name: 'Lee Ortiz' },
      ],
      image: 'https://eng.example.com/cases/assets/cards/abc.png',
      url: 'https://eng.example.com/cases/my-study/',
      mainEntityOfPage: 'https://eng.example.com/cases/my-study/',
      keywords: 'aws, cost',
    });
    const bare = blogPosting(
      sampleSite({ baseUrl: '' }),
      { path: 'my-study/index.html', root: '../', headline: 'Title', description: '' },
      article({ published: null, authors: [], tags: [] }),
      null,
    );
    expect(bare).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Title',
      dateModified: '2026-03-02T10:00:00.000Z',
    });
  });

  it("names a study's own authors, else the site's author, else nobody", () => {
    const site = sampleSite({ author: ' Ada ' });
    expect(studyAuthorNames(site, makeStudy({ title: 'x', authors: [' Dana ', ' ', 'Lee'] }))).toEqual(['Dana', 'Lee']);
    expect(studyAuthorNames(site, makeStudy({ title: 'x', authors: [' '] }))).toEqual(['Ada']);
    expect(studyAuthorNames(sampleSite({ author: ' ' }), makeStudy({ title: 'x' }))).toEqual([]);
  });

  it('gives a page address absolute with a base URL, else from the page', () => {
    expect(shareUrl(sampleSite(), '../', 'a/index.html')).toBe('https://eng.example.com/cases/a/');
    expect(shareUrl(sampleSite({ baseUrl: '' }), '../', 'a/index.html')).toBe('../a/index.html');
  });
});

describe("a study's share", () => {
  it("puts the study's facts in its JSON-LD and meta: summary, tags as shown, authors", () => {
    const study = makeStudy({
      title: 'Shared',
      summary: ' Sum\u0001mary ',
      tags: ['aws', '\u0002', ' cost '],
      authors: ['Dana'],
      date: '2026-01-02',
      updatedAt: '2026-01-03T00:00:00.000Z',
    });
    const social = studySocial(
      sampleSite(),
      study,
      { path: 'shared/index.html', root: '../', headline: 'Shared' },
      null,
    );
    expect(social.article).toEqual({
      published: '2026-01-02',
      modified: '2026-01-03T00:00:00.000Z',
      authors: ['Dana'],
      tags: ['aws', 'cost'],
    });
    expect(social.image).toBeNull();
    expect(social.jsonLd).toMatchObject({ headline: 'Shared', description: 'Sum mary', keywords: 'aws, cost' });
  });

  it("draws the card from the study's title, summary, outcome and first key result", () => {
    const study = makeStudy({
      title: ' ',
      summary: 'Sum',
      outcome: 'failed',
      metrics: [
        { label: 'Cost', before: 100, after: 50, unit: '$', better: 'lower' },
        { label: 'Other', before: 1, after: 2, unit: '', better: 'higher' },
      ],
    });
    expect(studyCardContent(sampleSite(), study)).toEqual({
      title: 'Untitled case study',
      summary: 'Sum',
      siteName: 'Acme Engineering',
      outcome: 'Failed',
      keyResult: 'Cost 100 \u2192 50 $ · \u221250 %',
    });
    const plain = studyCardContent(sampleSite(), makeStudy({ title: 'T', outcome: null, metrics: [] }));
    expect([plain.outcome, plain.keyResult]).toEqual(['', '']);
  });

  it("gives a listing page's card the tagline under its heading, or the description when they are the same", () => {
    const site = sampleSite({ tagline: 'Real outcomes', description: 'Long description' });
    expect(pageCardContent(site, 'Failure Analysis')).toEqual({
      title: 'Failure Analysis',
      summary: 'Real outcomes',
      siteName: 'Acme Engineering',
      outcome: '',
      keyResult: '',
    });
    expect(pageCardContent(site, 'Real outcomes').summary).toBe('Long description');
    expect(pageCardContent(sampleSite({ tagline: '', description: 'D' }), 'X').summary).toBe('D');
  });

  it('names the card image by its hash, at the card size', () => {
    expect(cardImage('f00', 'Title')).toEqual({ path: 'assets/cards/f00.png', alt: 'Title', width: 1200, height: 630 });
  });

  it('shows the cover at the top of the page, sized when known, loaded at once', () => {
    expect(coverFigure(null, 'x.png')).toBe('');
    expect(coverFigure(image({ alt: 'A "chart"' }), '../assets/img/a.png?x=1&y=2')).toBe(
      '<figure class="study-cover"><img src="../assets/img/a.png?x=1&amp;y=2" alt="A &quot;chart&quot;" width="1200" height="630" loading="eager" decoding="async"></figure>',
    );
    expect(coverFigure(image({ width: 10, height: null }), 'a.png')).toBe(
      '<figure class="study-cover"><img src="a.png" alt="A &amp; B" loading="eager" decoding="async"></figure>',
    );
  });
});

describe('the byline and tag links', () => {
  it('joins names as a sentence', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('links each author to their page, with their avatar (decorative) when they have one', () => {
    const study = makeStudy({ title: 'By', authors: ['Dana Kim', 'Lee <Ortiz>'], tags: ['A & B', 'queues'] });
    const model = buildSiteModel(sampleSite({ authors: [] }), [study], false);
    const [dana, lee] = model.studies[0]!.people;
    expect(bylineHtml([dana!, lee!], '../', new Map([[dana!, 'ab.png']]))).toBe(
      '<p class="byline">By <a class="byline-author" href="../author/dana-kim/index.html">' +
        '<img class="avatar" src="../assets/img/ab.png" alt="" width="28" height="28"><span>Dana Kim</span></a>' +
        ' and <a class="byline-author" href="../author/lee-ortiz/index.html"><span>Lee &lt;Ortiz&gt;</span></a></p>',
    );
    expect(bylineHtml([], '../', new Map())).toBe('');
    expect(tagLinksHtml(model.studies[0]!.tags, '../')).toBe(
      '<nav class="tags" aria-label="Tags"><span class="tags-label" aria-hidden="true">Tags</span><ul class="tag-list">' +
        '<li><a class="tag" href="../tag/a-and-b/index.html">A &amp; B</a></li>' +
        '<li><a class="tag" href="../tag/queues/index.html">queues</a></li></ul></nav>',
    );
    expect(tagLinksHtml([], '../')).toBe('');
  });

  it('escapes an avatar file name and its alt text', () => {
    expect(avatarHtml('', 'a"b.png', 'Dana "DK"', 96)).toBe(
      '<img class="avatar" src="assets/img/a&quot;b.png" alt="Dana &quot;DK&quot;" width="96" height="96">',
    );
  });
});
