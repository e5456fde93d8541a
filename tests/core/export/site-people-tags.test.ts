// Part A of the site v2: tag pages and the tag index, author pages, the archive by year, the
// byline and tag links of a study page, richer listings, the feed's authors, hostile names,
// and the page memo: a change to another study's tags or to an author re-renders the pages
// that show it, and nothing else.
import { describe, expect, it } from 'vitest';
import { ExportMemory } from '../../../src/core/node/export/export-memory';
import { siteExport, siteKeyOf, studyPageKey } from '../../../src/core/node/export/site-export';
import { buildSiteModel } from '../../../src/core/pure/export/site-model';
import type { Study } from '../../../src/core/pure/schemas/study';
import { withoutThemeScripts } from '../../helpers/site-scripts';
import {
  HOSTILE_STRINGS,
  hostileSite,
  hostileStudies,
  makeStudy,
  PNG_HASH,
  readSampleAsset,
  sampleSite,
  sampleStudies,
} from '../../site/sample-site';

const exportOf = (studies: Study[] = sampleStudies(), site = sampleSite(), memory?: ExportMemory) =>
  siteExport({ site, studies, readAsset: readSampleAsset, drafts: true, memory });
const pageOf = (result: ReturnType<typeof exportOf>, path: string) => {
  const file = result.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in ${result.files.map((f) => f.path).join(', ')}`);
  return String(file.contents);
};
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const headings = (html: string) =>
  [...main(html).matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map(
    (m) => `h${m[1]} ${m[2]!.replace(/<[^>]+>/g, '').replaceAll('&amp;', '&')}`,
  );

describe('tag pages', () => {
  it('one per tag (names matched without case), linked from study pages, and an index with counts', () => {
    const result = exportOf();
    const paths = result.files.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('tag/')).sort()).toEqual([
      'tag/aws/index.html',
      'tag/cost/index.html',
      'tag/index.html',
      'tag/queues/index.html',
    ]);
    // "aws" on six studies and "AWS" on one are one tag.
    const aws = pageOf(result, 'tag/aws/index.html');
    expect(headings(aws)[0]).toBe('h1 AWS');
    expect(aws).toContain('7 case studies, newest first.');
    expect(aws).toContain('href="../../the-queue-that-ate-friday/index.html"');
    const index = pageOf(result, 'tag/index.html');
    expect(main(index)).toMatch(/href="..\/tag\/aws\/index.html">AWS<\/a> <span class="tag-count">7 case studies/);
    expect(main(index)).toMatch(/href="..\/tag\/cost\/index.html">cost<\/a> <span class="tag-count">1 case study/);
    const study = pageOf(result, 'the-queue-that-ate-friday/index.html');
    expect(study).not.toContain('Tags: ');
    expect(study).toContain('<a class="tag" href="../tag/queues/index.html">queues</a>');
    expect(study).toContain('<a class="tag" href="../tag/aws/index.html">AWS</a>');
  });
});

describe('author pages and bylines', () => {
  it('lists an author’s studies with bio, link and portrait; the byline links each author', () => {
    const result = exportOf();
    const dana = pageOf(result, 'author/dana-kim/index.html');
    expect(headings(dana)).toEqual([
      'h1 Dana Kim',
      'h2 2 case studies',
      'h3 When Nobody Owns the Cloud Bill',
      'h3 Rewriting Search Without a Freeze',
    ]);
    expect(dana).toContain('Staff engineer on the platform team.');
    expect(dana).toContain('<a href="https://dana.example.com/" rel="author">');
    expect(dana).toContain(`src="../../assets/img/${PNG_HASH}.png" alt="Portrait of Dana Kim"`);
    expect(result.files.some((f) => f.path === `assets/img/${PNG_HASH}.png`)).toBe(true);
    // A name only a study gives still gets a page (without a profile).
    expect(headings(pageOf(result, 'author/sam-reyes/index.html'))[0]).toBe('h1 Sam Reyes');
    const study = pageOf(result, 'when-nobody-owns-the-cloud-bill/index.html');
    expect(study).toMatch(
      /<p class="byline">By <a class="byline-author" href="..\/author\/dana-kim\/index.html"><img [^>]*alt=""[^>]*><span>Dana Kim<\/span><\/a> and <a class="byline-author" href="..\/author\/lee-ortiz\/index.html"><span>Lee Ortiz<\/span><\/a><\/p>/,
    );
    expect(pageOf(result, 'an-edge-cache-for-everyone/index.html')).not.toContain('class="byline"');
  });

  it('names each entry’s authors in the feed, with their http(s) link', () => {
    const feed = pageOf(exportOf(), 'feed.xml');
    const entry = feed.slice(
      feed.indexOf('<title>When Nobody'),
      feed.indexOf('</entry>', feed.indexOf('<title>When Nobody')),
    );
    expect(entry).toContain(
      '<author><name>Dana Kim</name><uri>https://dana.example.com/</uri></author><author><name>Lee Ortiz</name></author>',
    );
  });
});

describe('listings and the archive', () => {
  it('show date, outcome, reading time and the first key result under each summary', () => {
    const index = main(pageOf(exportOf(), 'index.html'));
    const entry = index.slice(
      index.indexOf('<li class="entry"><h3><a href="when-nobody'),
      index.indexOf('</li></ul></li>') + 15,
    );
    expect(entry).toMatch(
      /<h3>.*When Nobody Owns the Cloud Bill<\/a><\/h3><p>How strategic.*<\/p><p class="entry-metric metric-improved">Monthly IT cost .*<\/p><ul class="entry-meta"><li><time datetime="2026-04-02">April 2, 2026<\/time><\/li><li><span class="visually-hidden">Outcome: <\/span><span class="badge outcome-succeeded">Succeeded<\/span><\/li><li>1 min read<\/li><\/ul>/,
    );
    // The index still reads as before: headline, Featured, then the categories in the settings' order.
    expect(headings(pageOf(exportOf(), 'index.html')).filter((h) => h.startsWith('h1') || h.startsWith('h2'))).toEqual([
      'h1 Real systems. Real decisions. Real outcomes.',
      'h2 Featured',
      'h2 Optimization & Migration Wins',
      'h2 Failure Analysis',
      'h2 Architecture & Design',
      'h2 More case studies',
    ]);
  });

  it('the archive lists every study under its year, newest first, undated last', () => {
    const archive = pageOf(exportOf(), 'archive/index.html');
    const hs = headings(archive);
    expect(hs.filter((h) => !h.startsWith('h3'))).toEqual(['h1 All case studies', 'h2 2026', 'h2 2025', 'h2 Undated']);
    expect(hs.filter((h) => h.startsWith('h3'))).toHaveLength(7);
    expect(hs.indexOf('h3 Security Review Lessons')).toBeGreaterThan(hs.indexOf('h2 Undated'));
    for (const page of ['index.html', 'when-nobody-owns-the-cloud-bill/index.html', 'tag/aws/index.html']) {
      const root = '../'.repeat(page.split('/').length - 1);
      expect(pageOf(exportOf(), page)).toContain(`<a href="${root}archive/index.html">All case studies</a>`);
    }
  });
});

describe('hostile tag and author names', () => {
  it('are escaped everywhere and give safe folder names', () => {
    const result = exportOf(hostileStudies(), hostileSite());
    for (const file of result.files) {
      if (!file.path.endsWith('.html')) continue;
      expect(file.path).toMatch(/^[a-z0-9/.-]+$/);
      // Besides the theme's own scripts, the one script element is JSON-LD (data, checked elsewhere).
      const html = withoutThemeScripts(String(file.contents)).replace(
        /<script type="application\/ld\+json">[^]*?<\/script>/,
        '',
      );
      expect(html, file.path).not.toMatch(/<(script|iframe)\b|<svg onload|<img src=x|href="\s*javascript:/i);
    }
    const people = result.files.filter((f) => f.path.startsWith('author/')).map((f) => String(f.contents));
    expect(people.length).toBe(HOSTILE_STRINGS.length);
    // Author links that are not http(s) are left out: only the escaped text of the names remains.
    for (const html of people) expect(html).not.toContain('rel="author"');
  });
});

describe('the page memo', () => {
  it('keys a study page by its tags’ and authors’ names and paths, which other studies can change', () => {
    const site = sampleSite();
    const a = makeStudy({ id: 'a', title: 'A study', tags: ['C++'], authors: ['Dana Kim'] });
    const keyOf = (studies: Study[]) => {
      const model = buildSiteModel(site, studies, true);
      return studyPageKey(
        siteKeyOf(site, model),
        model,
        model.studies.findIndex((s) => s.study.id === 'a'),
      );
    };
    const alone = keyOf([a]);
    // Another study's tag "C" takes the slug `c` first (A–Z), so "C++" moves to `c-2`.
    const b = makeStudy({ id: 'b', title: 'B study', tags: ['C'], date: '2020-01-01' });
    expect(keyOf([a, b])).not.toBe(alone);
    // An author's bio is in the site settings: every page with the byline is keyed by it.
    const bio = { ...site, authors: site.authors.map((x) => ({ ...x, bio: 'New bio' })) };
    const model = buildSiteModel(site, [a], true);
    expect(siteKeyOf(bio, model)).not.toBe(siteKeyOf(site, model));
  });

  it('renders again the page whose tag link another study moved, and reuses the others', () => {
    const memory = new ExportMemory();
    const a = makeStudy({ id: 'a', title: 'A study', tags: ['C++'], date: '2026-01-02' });
    const mid = makeStudy({ id: 'mid', title: 'Mid study', tags: ['x'], date: '2025-01-01' });
    const far = makeStudy({ id: 'far', title: 'Far study', tags: ['x'], date: '2019-01-01' });
    const first = exportOf([a, mid, far], sampleSite(), memory);
    expect(pageOf(first, 'a-study/index.html')).toContain('href="../tag/c/index.html">C++</a>');
    // The oldest study: a neighbour of "Far study" only and in no category (so related to none),
    // so A's page changes for its tag alone.
    const b = makeStudy({ id: 'b', title: 'B study', tags: ['C'], categories: [], date: '2018-01-01' });
    const second = exportOf([a, mid, far, b], sampleSite(), memory);
    expect(pageOf(second, 'a-study/index.html')).toContain('href="../tag/c-2/index.html">C++</a>');
    expect(pageOf(second, 'tag/c/index.html')).toContain('B study');
    // The middle study's page shows nothing that changed: the very same string comes back.
    expect(pageOf(second, 'mid-study/index.html')).toBe(pageOf(first, 'mid-study/index.html'));
  });
});
