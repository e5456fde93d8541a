// The "Key results" figure and the first-metric line of listings: what a reader sees and a
// screen reader hears, bars drawn to scale whatever the numbers, all text escaped; the study
// page, listings and feed of an exported site show them (metrics-figure-incremental.test.ts:
// an incremental export re-renders a page whose metric changed).
import { describe, expect, it } from 'vitest';
import { siteExport } from '../../../src/core/node/export/site-export';
import { studyPreviewHtml } from '../../../src/core/node/export/study-preview';
import { keyResultsHtml, metricSvg } from '../../../src/core/pure/export/metrics-figure';
import { metricListingText, metricSentence } from '../../../src/core/pure/export/metrics-format';
import type { Metric } from '../../../src/core/pure/schemas/metrics';
import { defaultSiteSettings } from '../../../src/core/pure/schemas/site';
import type { Study } from '../../../src/core/pure/schemas/study';
import { sampleStudy } from '../../helpers/study-files';
import { metric as m } from '../../helpers/metrics';

const cost: Metric = { label: 'Monthly IT cost', before: 10250, after: 2146, unit: '$/month', better: 'lower' };

/** The x and width of the before and after bars (absent bars: null). */
function bars(svg: string): { before: number[] | null; after: number[] | null; zero: number } {
  const rect = (cls: string) => {
    const found = new RegExp(`<rect class="${cls}" x="([^"]+)" y="[^"]+" width="([^"]+)"`).exec(svg);
    return found ? [Number(found[1]), Number(found[2])] : null;
  };
  return {
    before: rect('bar-before'),
    after: rect('bar-after'),
    zero: Number(/<line[^>]* x1="([^"]+)"/.exec(svg)![1]),
  };
}

describe('a key result in words', () => {
  it('states the data with thousands separators and the change the way it went', () => {
    expect(metricSentence(cost)).toBe('Monthly IT cost: 10,250 \u2192 2,146 $/month, 79 % lower');
    expect(metricSentence({ ...m(250, 280, 'higher', 'rps'), label: 'Throughput' })).toBe(
      'Throughput: 250 \u2192 280 rps, 12 % higher',
    );
    // Lower is not always better: the words say where it went, the class whether that is good.
    expect(metricSentence(m(100, 88, 'higher'))).toBe('M: 100 \u2192 88, 12 % lower');
    expect(metricSentence(m(0, 40, 'higher', 'signups'))).toBe('M: 0 \u2192 40 signups, higher');
    expect(metricSentence(m(5, 5))).toBe('M: 5 \u2192 5, no change');
    expect(metricSentence(m(-20, -5, 'higher'))).toBe('M: \u221220 \u2192 \u22125, 75 % higher');
    expect(metricSentence(m(1e20, 1000))).toBe('M: 1E20 \u2192 1,000, 100 % lower');
    expect(metricSentence(m(1000, 999.9))).toBe('M: 1,000 \u2192 999.9, <1 % lower');
  });

  it('as a listing line: the signed percent, none when before is 0', () => {
    expect(metricListingText(cost)).toBe('Monthly IT cost 10,250 \u2192 2,146 $/month \u00b7 \u221279 %');
    expect(metricListingText(m(250, 280, 'higher'))).toBe('M 250 \u2192 280 \u00b7 +12 %');
    expect(metricListingText(m(0, 3))).toBe('M 0 \u2192 3');
    expect(metricListingText(m(3, 3))).toBe('M 3 \u2192 3 \u00b7 no change');
  });

  it('says a change above 10,000 % as a multiple, short whatever the numbers', () => {
    // Up to 10,000 % the percent is still read at a glance.
    expect(metricSentence(m(1, 101, 'higher'))).toBe('M: 1 \u2192 101, 10,000 % higher');
    expect(metricListingText(m(1, 101, 'higher'))).toBe('M 1 \u2192 101 \u00b7 +10,000 %');
    // Beyond, a growth is so many times the before value, the same in the name, listing and feed.
    expect(metricSentence(m(2, 500, 'higher'))).toBe('M: 2 \u2192 500, 250\u00d7 higher');
    expect(metricListingText(m(2, 500, 'higher'))).toBe('M 2 \u2192 500 \u00b7 250\u00d7 higher');
    expect(metricSentence(m(1e-300, 1))).toBe('M: 1E\u2212300 \u2192 1, over 1,000,000\u00d7 higher');
    expect(metricListingText(m(1e-300, 1))).toBe('M 1E\u2212300 \u2192 1 \u00b7 over 1,000,000\u00d7 higher');
    // Across zero there is no multiple to speak of: a bounded percent.
    expect(metricSentence(m(1, -500))).toBe('M: 1 \u2192 \u2212500, over 10,000 % lower');
    expect(metricListingText(m(1, -500))).toBe('M 1 \u2192 \u2212500 \u00b7 over \u221210,000 %');
    expect(metricSentence(m(-1e-300, Number.MAX_VALUE, 'higher'))).toBe('M: \u22121E\u2212300 \u2192 1.8E308, higher');
    expect(keyResultsHtml([m(2, 500, 'higher')])).toContain('250\u00d7 higher \u00b7 better');
  });
});

describe('the figure', () => {
  it('is an SVG image named by the data, with the numbers beside it as text', () => {
    const html = keyResultsHtml([cost]);
    expect(html).toContain('<h2 id="key-results">Key results</h2>');
    expect(html).toContain(
      '<svg class="metric-bars" role="img" aria-label="Monthly IT cost: 10,250 \u2192 2,146 $/month, 79 % lower"',
    );
    const text = html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ');
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Monthly IT cost Before 10,250 $/month After 2,146 $/month 79 % lower · better',
    );
    expect(html).not.toMatch(/<script|href=|src=/);
    expect(keyResultsHtml([])).toBe('');
  });

  it('marks a change the wrong way as worse', () => {
    expect(keyResultsHtml([m(100, 120)])).toContain('<li class="metric metric-worse">');
    expect(keyResultsHtml([m(100, 120)])).toContain('20 % higher · worse');
    expect(keyResultsHtml([m(100, 100)])).toContain('<li class="metric metric-same">');
  });

  it('draws each metric to its own scale from the zero line', () => {
    expect(bars(metricSvg(cost))).toEqual({ before: [0, 240], after: [0, 50.25], zero: 0 });
    // Negatives go left of zero; a zero value has no bar.
    expect(bars(metricSvg(m(-50, 50)))).toEqual({ before: [0, 120], after: [120, 120], zero: 120 });
    expect(bars(metricSvg(m(0, 7)))).toEqual({ before: null, after: [0, 240], zero: 0 });
    expect(bars(metricSvg(m(0, 0)))).toEqual({ before: null, after: null, zero: 0 });
    expect(bars(metricSvg(m(7, 7)))).toEqual({ before: [0, 240], after: [0, 240], zero: 0 });
    // A huge range keeps the small bar visible, and the extremes of doubles stay finite.
    expect(bars(metricSvg(m(1e9, 1)))).toEqual({ before: [0, 240], after: [0, 1], zero: 0 });
    expect(bars(metricSvg(m(-Number.MAX_VALUE, Number.MAX_VALUE)))).toEqual({
      before: [0, 120],
      after: [120, 120],
      zero: 120,
    });
  });

  it('escapes every text it shows', () => {
    const hostile = { ...cost, label: '<script>alert(1)</script>" onload="x', unit: '<b>&</b>' };
    const html = keyResultsHtml([hostile]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/" onload="/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x');
  });
});

const site = { ...defaultSiteSettings(), baseUrl: 'https://example.org/', categories: ['Cost'] };
const withCost = (overrides: Partial<Study> = {}) =>
  sampleStudy(1, { status: 'published', date: '2026-03-02', categories: ['Cost'], metrics: [cost], ...overrides });

describe('the exported site', () => {
  const files = () => {
    const result = siteExport({ site, studies: [withCost()], readAsset: () => null, drafts: false });
    return new Map(result.files.map((f) => [f.path, String(f.contents)]));
  };

  it('opens the study page with the figure, before the sections', () => {
    const page = files().get('study-1/index.html')!;
    const figure = page.indexOf('<section class="key-results"');
    expect(figure).toBeGreaterThan(page.indexOf('</header>'));
    expect(figure).toBeLessThan(page.indexOf('<section class="study-section"'));
    expect(page).toContain('aria-label="Monthly IT cost: 10,250 \u2192 2,146 $/month, 79 % lower"');
  });

  it('shows the first metric under the summary in the index and category listings', () => {
    const line =
      '<p class="entry-metric metric-improved">Monthly IT cost 10,250 \u2192 2,146 $/month \u00b7 \u221279 %</p>';
    expect(files().get('index.html')).toContain(`<p>Summary 1</p>${line}`);
    expect(files().get('category/cost/index.html')).toContain(`<p>Summary 1</p>${line}`);
  });

  it('puts the metrics in the feed entry', () => {
    const feed = files().get('feed.xml')!;
    expect(feed).toContain('<content type="html">');
    expect(feed).toContain('&lt;li&gt;Monthly IT cost: 10,250 \u2192 2,146 $/month, 79 % lower&lt;/li&gt;');
  });

  it('shows the same figure in the preview', () => {
    const html = studyPreviewHtml({ site, study: withCost(), readAsset: () => null });
    expect(html).toContain('aria-label="Monthly IT cost: 10,250 \u2192 2,146 $/month, 79 % lower"');
    expect(html).toContain('.metric-bars .bar-after');
  });
});
