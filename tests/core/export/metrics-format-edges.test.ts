// Key results at their edges, as a reader sees them: numbers at the bounds of plain and
// scientific writing, a change at the bounds of percent and multiple, the listing line's class,
// the figure's heading level, units and labels with nothing visible, a tiny negative bar.
import { describe, expect, it } from 'vitest';
import { firstMetricHtml, keyResultsHtml, metricSvg } from '../../../src/core/pure/export/metrics-figure';
import { changeText, formatNumber, metricLabel, valuesText } from '../../../src/core/pure/export/metrics-format';
import { metric as m } from '../../helpers/metrics';

describe('numbers', () => {
  it('are plain from a hundredth to below a quadrillion, scientific beyond, with a real minus sign', () => {
    expect(formatNumber(0.01)).toBe('0.01');
    expect(formatNumber(0.0099)).toBe('9.9E\u22123');
    expect(formatNumber(999_999_999_999_999)).toBe('999,999,999,999,999');
    expect(formatNumber(1e15)).toBe('1E15');
    expect(formatNumber(-1234.5)).toBe('\u22121,234.5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });
});

describe('a change', () => {
  it('is a percent up to 10,000 % (rounded), a multiple beyond when both values are positive', () => {
    expect(changeText(m(1, 101.004, 'higher'))).toBe('10,000 % higher');
    expect(changeText(m(1, 101.006, 'higher'))).toBe('101\u00d7 higher');
    expect(changeText(m(1, 1_000_001, 'higher'))).toBe('over 1,000,000\u00d7 higher');
    expect(changeText(m(1, 1_000_000, 'higher'))).toBe('1,000,000\u00d7 higher');
  });

  it('is "over 10,000 %" when both are negative or it crosses zero, and only a direction past any percent', () => {
    expect(changeText(m(-1, -500))).toBe('over 10,000 % lower');
    expect(changeText(m(1e308, -1e308))).toBe('lower');
  });
});

describe('labels and units', () => {
  it('say "Key result" for a label with nothing visible, and leave out a unit with nothing visible', () => {
    expect(metricLabel({ ...m(1, 2), label: '\u0001 ' })).toBe('Key result');
    expect(valuesText(m(1, 2, 'lower', '\u0001'))).toBe('1 \u2192 2');
    expect(valuesText(m(1, 2, 'lower', ' ms '))).toBe('1 \u2192 2 ms');
    expect(keyResultsHtml([m(1, 2, 'lower', '\u0001')])).not.toContain('metric-unit');
  });
});

describe('the listing line', () => {
  it('is classed by whether the first metric improved, worsened or stayed', () => {
    expect(firstMetricHtml([m(10, 5), m(1, 2)])).toBe(
      '<p class="entry-metric metric-improved">M 10 \u2192 5 \u00b7 \u221250 %</p>',
    );
    expect(firstMetricHtml([m(10, 20)])).toBe('<p class="entry-metric metric-worse">M 10 \u2192 20 \u00b7 +100 %</p>');
    expect(firstMetricHtml([m(10, 10)])).toBe(
      '<p class="entry-metric metric-same">M 10 \u2192 10 \u00b7 no change</p>',
    );
    expect(firstMetricHtml([])).toBe('');
  });
});

describe('the figure', () => {
  it('takes the heading level it is given, and shows each value with its unit and the verdict', () => {
    const html = keyResultsHtml([m(1, 2, 'higher', 'ms')], 3);
    expect(html).toContain('<h3 id="key-results">Key results</h3>');
    expect(html).toContain(
      '<span class="metric-value metric-value-before">1 <span class="metric-unit">ms</span></span>',
    );
    expect(html).toContain('<li class="metric metric-improved">');
    expect(html).toContain('<p class="metric-change">100 % higher · better</p>');
    expect(keyResultsHtml([m(3, 3)])).toContain('<p class="metric-change">no change</p>');
  });

  it('draws a tiny negative bar one unit wide, left of the zero line', () => {
    const svg = metricSvg(m(-1e9, -1));
    expect(svg).toContain('<rect class="bar-before" x="0" y="3" width="240" height="12"/>');
    expect(svg).toContain('<rect class="bar-after" x="239" y="21" width="1" height="12"/>');
    expect(svg).toContain('<line class="metric-zero" x1="240" y1="0" x2="240" y2="36"');
  });
});

describe('the whole figure', () => {
  it('holds one item per metric and nothing else: label, both values, the bars under their name, the change', () => {
    expect(keyResultsHtml([m(0, 2, 'higher', 'ms'), m(4, 4)])).toBe(
      '<section class="key-results" aria-labelledby="key-results">\n<h2 id="key-results">Key results</h2>\n<ul class="metrics">' +
        '<li class="metric metric-improved"><p class="metric-label">M</p><div class="metric-row">' +
        '<span class="metric-when metric-when-before">Before</span><span class="metric-value metric-value-before">0 <span class="metric-unit">ms</span></span>' +
        '<span class="metric-when metric-when-after">After</span><span class="metric-value metric-value-after">2 <span class="metric-unit">ms</span></span>' +
        '<svg class="metric-bars" role="img" aria-label="M: 0 \u2192 2 ms, higher" viewBox="0 0 240 36" preserveAspectRatio="none" focusable="false">' +
        '<title>M: 0 \u2192 2 ms, higher</title><rect class="bar-after" x="0" y="21" width="240" height="12"/>' +
        '<line class="metric-zero" x1="0" y1="0" x2="0" y2="36" vector-effect="non-scaling-stroke"/></svg></div>' +
        '<p class="metric-change">higher · better</p></li>' +
        '<li class="metric metric-same"><p class="metric-label">M</p><div class="metric-row">' +
        '<span class="metric-when metric-when-before">Before</span><span class="metric-value metric-value-before">4</span>' +
        '<span class="metric-when metric-when-after">After</span><span class="metric-value metric-value-after">4</span>' +
        '<svg class="metric-bars" role="img" aria-label="M: 4 \u2192 4, no change" viewBox="0 0 240 36" preserveAspectRatio="none" focusable="false">' +
        '<title>M: 4 \u2192 4, no change</title><rect class="bar-before" x="0" y="3" width="240" height="12"/>' +
        '<rect class="bar-after" x="0" y="21" width="240" height="12"/>' +
        '<line class="metric-zero" x1="0" y1="0" x2="0" y2="36" vector-effect="non-scaling-stroke"/></svg></div>' +
        '<p class="metric-change">no change</p></li></ul>\n</section>',
    );
  });
});
