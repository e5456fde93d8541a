// What a reader of the exported site sees: the index's headline, Featured and category
// sections; study pages with their meta line, sections and previous/next; category pages;
// feed and sitemap only with a base URL; every relative link and image resolving.
import { describe, expect, it } from 'vitest';
import { NO_BASE_URL_WARNING, siteExport } from '../../../src/core/node/export/site-export';
import {
  readSampleAsset,
  sampleSite,
  sampleStudies,
  makeStudy,
  doc,
  PNG_ASSET,
  PNG_BYTES,
  PNG_HASH,
} from '../../site/sample-site';
import { byPath, htmlPages, relativeTargets } from '../../site/site-files';
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';

const exportSample = (drafts = false, site = sampleSite()) =>
  siteExport({ site, studies: sampleStudies(), readAsset: readSampleAsset, drafts });

/** Visible text of a fragment, tags removed, whitespace collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const section = (html: string, heading: string) => {
  const start = html.indexOf(`>${heading}</`);
  expect(start, `section ${heading}`).toBeGreaterThan(-1);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
};
const linkedTitles = (html: string) =>
  [...html.matchAll(/<h[23]><a href="[^"]*">([^<]*)<\/a><\/h[23]>/g)].map((m) => m[1]);

describe('index page', () => {
  it('shows the tagline as headline, the description, Featured, then categories in the site order', () => {
    const index = String(byPath(exportSample().files).get('index.html'));
    expect(index).toMatch(/<h1>Real systems\. Real decisions\. Real outcomes\.<\/h1>/);
    expect(index).toContain('Case studies of production systems');
    const order = [
      'Featured',
      'Optimization &amp; Migration Wins',
      'Failure Analysis',
      'Architecture &amp; Design',
      'More case studies',
    ];
    const positions = order.map((h) => index.search(new RegExp(`<h2 id="[^"]+">(<a [^>]+>)?${h}`)));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('lists featured studies newest first and keeps them under their categories too', () => {
    const index = String(byPath(exportSample().files).get('index.html'));
    expect(linkedTitles(section(index, 'Featured'))).toEqual([
      'When Nobody Owns the Cloud Bill',
      'Rewriting Search Without a Freeze',
    ]);
    expect(linkedTitles(section(index, 'Optimization &amp; Migration Wins'))).toEqual([
      'When Nobody Owns the Cloud Bill',
      'Rewriting Search Without a Freeze',
    ]);
    // each entry: a linked title over its summary
    expect(index).toContain(
      '<h3><a href="when-nobody-owns-the-cloud-bill/index.html">When Nobody Owns the Cloud Bill</a></h3><p>How strategic consolidation and right-sizing reduced monthly costs</p>',
    );
  });

  it('puts published studies outside the site categories in a last section, and leaves drafts out', () => {
    const index = String(byPath(exportSample().files).get('index.html'));
    expect(linkedTitles(section(index, 'More case studies'))).toEqual([
      'Notes Without a Home',
      'Security Review Lessons',
    ]);
    expect(index).not.toContain('Unfinished Draft');
    expect(byPath(exportSample().files).has('unfinished-draft/index.html')).toBe(false);
    expect(byPath(exportSample(true).files).has('unfinished-draft/index.html')).toBe(true);
  });
});

describe('study page', () => {
  const files = byPath(exportSample().files);
  const page = String(files.get('when-nobody-owns-the-cloud-bill/index.html'));

  it('has the title, summary and a meta line with date, categories, outcome and reading time', () => {
    expect(page).toContain('<h1>When Nobody Owns the Cloud Bill</h1>');
    expect(page).toContain('<p class="lede">How strategic consolidation and right-sizing reduced monthly costs</p>');
    const meta = page.slice(
      page.indexOf('<ul class="meta">'),
      page.indexOf('</ul>', page.indexOf('<ul class="meta">')),
    );
    expect(text(meta)).toBe('April 2, 2026 Optimization &amp; Migration Wins Outcome: Succeeded 1 min read');
    expect(meta).toContain('href="../category/optimization-and-migration-wins/index.html"');
  });

  it('formats the date in the site language', () => {
    const fr = byPath(exportSample(false, sampleSite({ language: 'fr' })).files);
    expect(String(fr.get('when-nobody-owns-the-cloud-bill/index.html'))).toContain('2 avril 2026');
    expect(String(fr.get('index.html'))).toContain('<html lang="fr">');
  });

  it('shows the non-empty sections as h2 with the editor headings one level down', () => {
    const h2s = [...page.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    // Tradeoffs is empty; "Related case studies" follows the article.
    expect(h2s).toEqual(['Key results', 'Problem', 'Decisions', 'Lessons', 'Related case studies']);
    expect(page).toContain('<h3 id="where-it-started">Where it started</h3>');
    expect(page).toContain('<h4 id="numbers">Numbers</h4>');
    expect(page).toContain('<h5 id="small-heading">Small heading</h5>');
  });

  it('renders rich text: marks, safe links, lists, tables, quotes and highlighted code', () => {
    expect(page).toContain('<strong>40%</strong>');
    expect(page).toContain('<a href="https://example.com/dash?a=1&amp;b=2">the dashboard</a>');
    expect(page).toContain('<a href="mailto:team@example.com">write to us</a>');
    expect(page).toContain('<code>drain()</code>');
    expect(page).toContain('<u>never</u>');
    expect(page).toContain('<s>always</s>');
    expect(page).toContain('<ol start="3">');
    expect(page).toContain('<thead><tr><th scope="col"><p>Metric</p></th>');
    expect(page).toContain('<blockquote><p>Measure first.</p></blockquote>');
    expect(page).toMatch(/<code class="language-typescript"><span class="hljs-keyword">const<\/span>/);
    expect(page).toContain('<span class="hljs-comment">// &lt;sum&gt;</span>');
    expect(page).toContain('<code>plain &lt;text&gt; &amp; more</code>');
    expect(page).toContain(
      '<aside class="callout callout-warning" role="note"><p class="callout-label">Warning</p><p>Reserved instances lock you in for a year.</p></aside>',
    );
    expect(page).toContain(
      '<li class="task task-done"><span class="visually-hidden">Done: </span><p>Tag every resource</p></li>',
    );
    expect(page).toContain(
      '<span class="visually-hidden">To do: </span><p>Set budgets per team</p><ul class="task-list">',
    );
  });

  it('copies workspace images into assets/img and points at them relatively', () => {
    expect(page).toContain(`<img src="../assets/img/${PNG_HASH}.png" alt="Cost chart" title="Monthly cost"`);
    expect(files.get(`assets/img/${PNG_HASH}.png`)).toEqual(PNG_BYTES);
  });

  it('gives a workspace image its pixel size, so the page keeps its place while it loads', () => {
    // A real 300×200 PNG, stored under the SHA-256 of its bytes as the workspace stores it.
    const wide = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"/>').render().asPng();
    const name = `${createHash('sha256').update(wide).digest('hex')}.png`;
    const study = makeStudy({
      title: 'Pictures',
      status: 'published',
      problem: doc(
        { type: 'image', attrs: { src: `assets/${name}`, alt: 'wide' } },
        { type: 'image', attrs: { src: 'https://example.com/far.png', alt: 'far' } },
      ),
    });
    const readAsset = (src: string) => (src === `assets/${name}` ? new Uint8Array(wide) : null);
    const result = siteExport({ site: sampleSite(), studies: [study], readAsset, drafts: false });
    const html = String(byPath(result.files).get(`${study.slug}/index.html`));
    expect(html).toContain(`<img src="../assets/img/${name}" alt="wide" width="300" height="200" loading="lazy">`);
    // A remote image's size is not known without fetching it: the page gives none.
    expect(html).toContain('<img src="https://example.com/far.png" alt="far" loading="lazy">');
  });

  it('links previous (older) and next (newer) studies by date', () => {
    const pager = page.slice(page.indexOf('<nav class="pager"'));
    expect(pager).toContain('href="../the-queue-that-ate-friday/index.html"><span class="label">Previous</span>');
    expect(pager).not.toContain('Next'); // the newest published study
    const middle = String(files.get('the-queue-that-ate-friday/index.html'));
    expect(middle).toContain('href="../when-nobody-owns-the-cloud-bill/index.html"><span class="label">Next</span>');
  });

  it('carries OpenGraph meta, favicon and stylesheet', () => {
    expect(page).toContain('<meta property="og:title" content="When Nobody Owns the Cloud Bill · Acme Engineering">');
    expect(page).toContain('<meta property="og:type" content="article">');
    expect(page).toContain(
      '<meta property="og:url" content="https://eng.example.com/cases/when-nobody-owns-the-cloud-bill/">',
    );
    expect(page).toContain('<link rel="icon" href="../assets/favicon.svg"');
    expect(page).toContain('<a class="site-title" href="../index.html"><span>Acme Engineering</span></a>');
    expect(page).toContain(
      '<p>Ada Lovelace</p><nav class="footer-nav" aria-label="Browse"><a href="../archive/index.html">All case studies</a><a href="../tag/index.html">Tags</a></nav><p>Made with Casebook</p>',
    );
  });
});

describe('category pages', () => {
  it('list the category studies newest first, including categories only studies use', () => {
    const files = byPath(exportSample().files);
    const page = String(files.get('category/optimization-and-migration-wins/index.html'));
    expect(page).toContain('<h1>Optimization &amp; Migration Wins</h1>');
    expect(linkedTitles(page)).toEqual(['When Nobody Owns the Cloud Bill', 'Rewriting Search Without a Freeze']);
    expect(page).toContain('href="../../when-nobody-owns-the-cloud-bill/index.html"');
    expect(files.has('category/security/index.html')).toBe(true);
  });
});

describe('feed, sitemap and links', () => {
  it('writes an Atom feed and a sitemap with absolute URLs when a base URL is set', () => {
    const result = exportSample();
    const files = byPath(result.files);
    const feed = String(files.get('feed.xml'));
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed).toContain(
      '<link rel="alternate" type="text/html" href="https://eng.example.com/cases/when-nobody-owns-the-cloud-bill/"/>',
    );
    expect(String(files.get('sitemap.xml'))).toContain('<loc>https://eng.example.com/cases/category/security/</loc>');
    expect(result.warnings).toEqual([]);
  });

  it('skips feed and sitemap without a base URL, and says so', () => {
    const result = exportSample(false, sampleSite({ baseUrl: '' }));
    const files = byPath(result.files);
    expect(files.has('feed.xml')).toBe(false);
    expect(files.has('sitemap.xml')).toBe(false);
    expect(result.warnings).toEqual([NO_BASE_URL_WARNING]);
    expect(String(files.get('index.html'))).not.toContain('og:url');
  });

  it('resolves every relative link and image to a file of the export', () => {
    for (const site of [sampleSite(), sampleSite({ baseUrl: '' })]) {
      const result = exportSample(true, site);
      const files = byPath(result.files);
      for (const page of htmlPages(result.files)) {
        for (const target of relativeTargets(page.path, page.html)) {
          expect(files.has(target), `${page.path} → ${target}`).toBe(true);
        }
      }
    }
  });

  it('warns about a missing image and leaves it out instead of linking nowhere', () => {
    const study = makeStudy({
      title: 'Lost Picture',
      problem: doc({ type: 'image', attrs: { src: PNG_ASSET, alt: 'x' } }),
    });
    const result = siteExport({ site: sampleSite(), studies: [study], readAsset: () => null, drafts: false });
    expect(String(byPath(result.files).get('lost-picture/index.html'))).not.toContain('<img');
    expect(result.warnings.join('\n')).toContain('missing');
  });

  it('leaves out SVG images, which could carry script, and says why', () => {
    const svg = `assets/${'b'.repeat(64)}.svg`;
    const study = makeStudy({ title: 'Vector', problem: doc({ type: 'image', attrs: { src: svg, alt: 'diagram' } }) });
    const result = siteExport({
      site: sampleSite(),
      studies: [study],
      readAsset: () =>
        new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      drafts: false,
    });
    expect(result.files.some((f) => f.path.endsWith('.svg') && f.path.startsWith('assets/img/'))).toBe(false);
    expect(String(byPath(result.files).get('vector/index.html'))).not.toContain('<img');
    expect(result.warnings).toEqual([
      `"Vector": the SVG image ${svg} can carry scripts (use a PNG, JPEG or WebP instead); it was left out`,
    ]);
  });

  it('never serves a remembered page after anything it shows has changed', () => {
    exportSample(); // remembered
    const retitled = byPath(exportSample(false, sampleSite({ title: 'Renamed Blog' })).files);
    for (const [p, contents] of retitled) {
      if (p.endsWith('.html')) expect(String(contents), p).toContain('>Renamed Blog</span></a>');
    }
    exportSample(); // remembered again, as the site was
    const studies = sampleStudies();
    studies[1] = { ...studies[1]!, title: 'The Queue That Ate Saturday' }; // neighbour of the first
    const files = byPath(siteExport({ site: sampleSite(), studies, readAsset: readSampleAsset, drafts: false }).files);
    expect(String(files.get('when-nobody-owns-the-cloud-bill/index.html'))).toContain('The Queue That Ate Saturday');
  });

  it('exports the same bytes twice for the same workspace', () => {
    const a = exportSample().files.map((f) => [f.path, String(f.contents)]);
    const b = siteExport({
      site: sampleSite(),
      studies: sampleStudies(),
      readAsset: readSampleAsset,
      drafts: false,
      generatedAt: new Date(0),
    });
    expect(b.files.map((f) => [f.path, String(f.contents)])).toEqual(a);
  });
});
