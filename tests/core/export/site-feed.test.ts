// The Atom feeds, the sitemap and robots.txt as a feed reader and a crawler read them: which
// studies a feed carries and in what order, each entry's link, dates, authors, key results and
// categories, the feed's own title, links and date, and every URL the sitemap lists.
import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import {
  categoryFeedPath,
  escapeXml,
  FEED_LIMIT,
  renderFeed,
  renderRobots,
  renderSitemap,
} from '../../../src/core/pure/export/site-feed';
import type { Study } from '../../../src/core/pure/schemas/study';
import { makeStudy, sampleSite } from '../../site/sample-site';

const LATER = new Date('2030-01-01T00:00:00.000Z');
const feedOf = (studies: Study[], site = sampleSite()) => renderFeed(buildSiteModel(site, studies, false), LATER);
const entries = (feed: string) => [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
const tag = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
/** The feed's own head: everything before the first entry. */
const head = (feed: string) => feed.slice(0, feed.indexOf('<entry>') === -1 ? undefined : feed.indexOf('<entry>'));

describe('escapeXml', () => {
  it('escapes the five XML specials and drops characters XML 1.0 cannot hold, keeping tab and newlines', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    expect(escapeXml('x\u0000\u0001\u0008y\u000b\u000cz\u000e\u001f!\ufffe\uffff')).toBe('xyz!');
    expect(escapeXml('tab\there\nnew\rline')).toBe('tab\there\nnew\rline');
  });
});

describe('the site feed', () => {
  const older = makeStudy({ title: 'Older', date: '2025-02-03', updatedAt: '2026-03-01T09:00:00.000Z' });
  const newer = makeStudy({ title: 'Newer', date: '2026-05-06', updatedAt: '2026-02-01T09:00:00.000Z' });

  it('is titled by the site, subtitled by its tagline, links home and itself, and is by its author', () => {
    const feed = head(feedOf([older, newer], sampleSite({ tagline: 'Fast & <careful>' })));
    expect(tag(feed, 'title')).toEqual(['Acme Engineering']);
    expect(feed).toContain('<subtitle>Fast &amp; &lt;careful&gt;</subtitle>');
    expect(feed).toContain('<link rel="alternate" type="text/html" href="https://eng.example.com/cases/"/>');
    expect(feed).toContain(
      '<link rel="self" type="application/atom+xml" href="https://eng.example.com/cases/feed.xml"/>',
    );
    expect(tag(feed, 'id')).toEqual(['https://eng.example.com/cases/']);
    expect(feed).toContain('<author><name>Ada Lovelace</name></author><generator>Casebook</generator>');
    expect(feed).toContain('xml:lang="en"');
  });

  it('has no subtitle without a tagline, and names the site as author when it has none', () => {
    const feed = feedOf([older], sampleSite({ tagline: '', author: '' }));
    expect(feed).not.toContain('<subtitle');
    expect(feed).toContain('<author><name>Acme Engineering</name></author><generator>');
  });

  it('is as new as its latest edited study, not as the export (same workspace, same bytes)', () => {
    expect(tag(head(feedOf([newer, older])), 'updated')).toEqual(['2026-03-01T09:00:00.000Z']);
    expect(tag(head(feedOf([])), 'updated')).toEqual([LATER.toISOString()]);
  });

  it('lists studies newest first, each linked, identified and dated by its own date and edit', () => {
    const [first, second] = entries(feedOf([older, newer]));
    expect(tag(first!, 'title')).toEqual(['Newer']);
    expect(first).toContain('<link rel="alternate" type="text/html" href="https://eng.example.com/cases/newer/"/>');
    expect(tag(first!, 'id')).toEqual(['https://eng.example.com/cases/newer/']);
    expect(tag(first!, 'published')).toEqual(['2026-05-06T00:00:00Z']);
    expect(tag(first!, 'updated')).toEqual(['2026-02-01T09:00:00.000Z']);
    expect(tag(first!, 'summary')).toEqual(['Summary of Newer']);
    expect(tag(second!, 'title')).toEqual(['Older']);
  });

  it('gives an undated study no published date, and an untitled one a title', () => {
    const [entry] = entries(feedOf([makeStudy({ title: '', slug: 'nameless', date: null })]));
    expect(entry).not.toContain('<published>');
    expect(tag(entry!, 'title')).toEqual(['Untitled case study']);
  });

  it(`carries the newest ${FEED_LIMIT} studies only`, () => {
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    const many = Array.from({ length: FEED_LIMIT + 1 }, (_, i) => makeStudy({ title: `Study ${i}`, date: day(i) }));
    const titles = entries(feedOf(many)).map((e) => tag(e, 'title')[0]);
    expect(titles).toHaveLength(FEED_LIMIT);
    expect(titles[0]).toBe(`Study ${FEED_LIMIT}`);
    expect(titles).not.toContain('Study 0');
  });

  it('names the study authors (with their site link only when it is http or https) and its categories', () => {
    const site = sampleSite({
      authors: [
        { name: 'Dana Kim', bio: '', url: 'https://dana.example.com/?a=1&b=2', avatar: '' },
        { name: 'Mallory', bio: '', url: 'javascript:alert(1)', avatar: '' },
      ],
    });
    const study = makeStudy({
      title: 'Authored',
      authors: ['Dana Kim', 'Mallory', 'Sam <Reyes>'],
      categories: ['Failure Analysis', 'Ops & Infra'],
    });
    const [entry] = entries(feedOf([study], site));
    expect(entry).toContain(
      '<author><name>Dana Kim</name><uri>https://dana.example.com/?a=1&amp;b=2</uri></author>' +
        '<author><name>Mallory</name></author><author><name>Sam &lt;Reyes&gt;</name></author>',
    );
    expect(entry).toContain('<category term="Failure Analysis"/><category term="Ops &amp; Infra"/>');
  });

  it('gives an entry with key results its summary and one line per result as HTML content', () => {
    const study = makeStudy({
      title: 'Measured',
      summary: 'Costs <down>',
      metrics: [{ label: 'Cost', before: 200, after: 50, unit: '$', better: 'lower' }],
    });
    const [entry] = entries(feedOf([study]));
    const content = /<content type="html">([^<]*)<\/content>/.exec(entry!)![1]!;
    // Escaped twice: as HTML inside, then as XML.
    expect(content).toBe(
      '&lt;p&gt;Costs &amp;lt;down&amp;gt;&lt;/p&gt;&lt;h2&gt;Key results&lt;/h2&gt;' +
        '&lt;ul&gt;&lt;li&gt;Cost: 200 \u2192 50 $, 75 % lower&lt;/li&gt;&lt;/ul&gt;',
    );
    expect(entries(feedOf([makeStudy({ title: 'Unmeasured' })]))[0]).not.toContain('<content');
  });
});

describe('a whole feed', () => {
  it('reads, line by line, as an Atom document with nothing in it but its entries', () => {
    const studies = [
      makeStudy({
        title: 'Newer',
        date: '2026-05-06',
        updatedAt: '2026-03-01T09:00:00.000Z',
        categories: ['Failure Analysis'],
        authors: ['Dana Kim'],
        metrics: [
          { label: 'Cost', before: 200, after: 50, unit: '$', better: 'lower' },
          { label: 'Speed', before: 1, after: 2, unit: '', better: 'higher' },
        ],
      }),
      // Dated last, edited first: the feed's date is still the latest edit.
      makeStudy({ title: 'Older', date: null, updatedAt: '2026-02-01T09:00:00.000Z', categories: [] }),
    ];
    const model = buildSiteModel(sampleSite({ tagline: '' }), studies, false);
    expect(renderFeed(model, LATER)).toBe(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>Acme Engineering</title>
<link rel="alternate" type="text/html" href="https://eng.example.com/cases/"/>
<link rel="self" type="application/atom+xml" href="https://eng.example.com/cases/feed.xml"/>
<id>https://eng.example.com/cases/</id>
<updated>2026-03-01T09:00:00.000Z</updated>
<author><name>Ada Lovelace</name></author><generator>Casebook</generator>
<entry>
<title>Newer</title>
<link rel="alternate" type="text/html" href="https://eng.example.com/cases/newer/"/>
<id>https://eng.example.com/cases/newer/</id>
<author><name>Dana Kim</name><uri>https://dana.example.com/</uri></author><published>2026-05-06T00:00:00Z</published><updated>2026-03-01T09:00:00.000Z</updated>
<summary>Summary of Newer</summary>
<content type="html">&lt;p&gt;Summary of Newer&lt;/p&gt;&lt;h2&gt;Key results&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;Cost: 200 \u2192 50 $, 75 % lower&lt;/li&gt;&lt;li&gt;Speed: 1 \u2192 2, 100 % higher&lt;/li&gt;&lt;/ul&gt;</content><category term="Failure Analysis"/>
</entry>
<entry>
<title>Older</title>
<link rel="alternate" type="text/html" href="https://eng.example.com/cases/older/"/>
<id>https://eng.example.com/cases/older/</id>
<updated>2026-02-01T09:00:00.000Z</updated>
<summary>Summary of Older</summary>
</entry>
</feed>
`);
    expect(renderSitemap(model)).toBe(`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://eng.example.com/cases/</loc></url>
<url><loc>https://eng.example.com/cases/newer/</loc><lastmod>2026-03-01</lastmod></url>
<url><loc>https://eng.example.com/cases/older/</loc><lastmod>2026-02-01</lastmod></url>
<url><loc>https://eng.example.com/cases/category/failure-analysis/</loc></url>
<url><loc>https://eng.example.com/cases/tag/aws/</loc></url>
<url><loc>https://eng.example.com/cases/author/dana-kim/</loc></url>
<url><loc>https://eng.example.com/cases/archive/</loc></url>
</urlset>
`);
  });
});

describe('a category feed', () => {
  it('carries only that category, titled by it and the site, its page as home and its own file as self', () => {
    const studies = [
      makeStudy({ title: 'Outage', categories: ['Failure Analysis'], updatedAt: '2026-01-05T00:00:00.000Z' }),
      makeStudy({ title: 'Design', categories: ['Architecture & Design'], updatedAt: '2026-06-01T00:00:00.000Z' }),
    ];
    const model = buildSiteModel(sampleSite(), studies, false);
    const category = model.categories.find((c) => c.name === 'Failure Analysis')!;
    expect(categoryFeedPath(category)).toBe('category/failure-analysis/feed.xml');
    const feed = renderFeed(model, LATER, category);
    expect(tag(head(feed), 'title')).toEqual(['Failure Analysis · Acme Engineering']);
    expect(feed).toContain(
      '<link rel="alternate" type="text/html" href="https://eng.example.com/cases/category/failure-analysis/"/>',
    );
    expect(feed).toContain(
      '<link rel="self" type="application/atom+xml" href="https://eng.example.com/cases/category/failure-analysis/feed.xml"/>',
    );
    expect(tag(head(feed), 'updated')).toEqual(['2026-01-05T00:00:00.000Z']);
    expect(entries(feed).map((e) => tag(e, 'title')[0])).toEqual(['Outage']);
  });
});

describe('the sitemap and robots.txt', () => {
  it('lists the home page, every study with its last edit, category, tag, author and the archive', () => {
    const studies = [
      makeStudy({
        title: 'Mapped',
        tags: ['Queues'],
        authors: ['Dana Kim'],
        categories: ['Failure Analysis'],
        updatedAt: '2026-07-08T09:10:11.000Z',
      }),
    ];
    const sitemap = renderSitemap(buildSiteModel(sampleSite(), studies, false));
    const base = 'https://eng.example.com/cases/';
    expect([...sitemap.matchAll(/<url>(.*?)<\/url>/g)].map((m) => m[1])).toEqual([
      `<loc>${base}</loc>`,
      `<loc>${base}mapped/</loc><lastmod>2026-07-08</lastmod>`,
      `<loc>${base}category/failure-analysis/</loc>`,
      `<loc>${base}tag/queues/</loc>`,
      `<loc>${base}author/dana-kim/</loc>`,
      `<loc>${base}archive/</loc>`,
    ]);
    expect(sitemap).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org/);
  });

  it('lets everything be crawled, and names the sitemap only with a base URL', () => {
    expect(renderRobots('https://eng.example.com/cases')).toBe(
      'User-agent: *\nAllow: /\nSitemap: https://eng.example.com/cases/sitemap.xml\n',
    );
    expect(renderRobots('')).toBe('User-agent: *\nAllow: /\n');
  });
});
