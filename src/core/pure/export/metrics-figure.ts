// The "Key results" figure of a study page (and of the app's preview): one row per metric,
// its before and after drawn as bars to scale in an inline SVG (no script, no external file)
// whose accessible name states the data, beside the same numbers as text for copying and
// screen readers. Each metric is scaled on its own (they have different units); the zero line
// is drawn, so negatives and a zero before or after read right. Colours are the theme's,
// through CSS classes (site-theme-metrics.ts): the text also says "better" or "worse".
import { escapeHtml } from '../rich-text/html';
import type { Metric } from '../schemas/metrics';
import {
  changeText,
  formatNumber,
  metricChange,
  metricLabel,
  metricListingText,
  metricSentence,
} from './metrics-format';
import { visible } from './site-layout';

/** The SVG's drawing box; CSS stretches it to the row's width (the bars only scale sideways). */
const WIDTH = 240;
const HEIGHT = 36;
const BAR = 12;
/** A bar of a value that is not 0 is drawn at least this wide, so it never vanishes. */
const MIN_BAR = 1;

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Where `value` lies between `lo` and `hi`, 0–WIDTH. Halved first: hi − lo of two finite
 * numbers may overflow (1e308 − (−1e308)), their halves' difference does not.
 */
function scaleOf(lo: number, hi: number): (value: number) => number {
  const span = hi / 2 - lo / 2;
  return (value) => (span === 0 ? 0 : ((value / 2 - lo / 2) / span) * WIDTH);
}

function bar(value: number, x: (v: number) => number, y: number, cls: string): string {
  if (value === 0) return '';
  const zero = x(0);
  const end = x(value);
  let left = Math.min(zero, end);
  let width = Math.abs(end - zero);
  if (width < MIN_BAR) {
    width = MIN_BAR;
    if (value < 0) left = zero - MIN_BAR;
  }
  return `<rect class="${cls}" x="${round(left)}" y="${y}" width="${round(width)}" height="${BAR}"/>`;
}

/** The bars of one metric, named by its sentence ("Monthly IT cost: 10,250 → 2,146 $/month, 79 % lower"). */
export function metricSvg(m: Metric): string {
  const lo = Math.min(0, m.before, m.after);
  const hi = Math.max(0, m.before, m.after);
  const x = scaleOf(lo, hi);
  const name = escapeHtml(metricSentence(m));
  const zero = round(x(0));
  return [
    `<svg class="metric-bars" role="img" aria-label="${name}" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" focusable="false">`,
    `<title>${name}</title>`,
    bar(m.before, x, 3, 'bar-before'),
    bar(m.after, x, HEIGHT - 3 - BAR, 'bar-after'),
    `<line class="metric-zero" x1="${zero}" y1="0" x2="${zero}" y2="${HEIGHT}" vector-effect="non-scaling-stroke"/>`,
    `</svg>`,
  ].join('');
}

function metricItem(m: Metric): string {
  const change = metricChange(m);
  const state = change.direction === 'same' ? 'same' : change.improved ? 'improved' : 'worse';
  const unit = visible(m.unit) ? ` <span class="metric-unit">${escapeHtml(visible(m.unit))}</span>` : '';
  const verdict = state === 'same' ? '' : ` · ${state === 'improved' ? 'better' : 'worse'}`;
  return [
    `<li class="metric metric-${state}">`,
    `<p class="metric-label">${escapeHtml(metricLabel(m))}</p>`,
    `<div class="metric-row">`,
    `<span class="metric-when metric-when-before">Before</span>`,
    `<span class="metric-value metric-value-before">${formatNumber(m.before)}${unit}</span>`,
    `<span class="metric-when metric-when-after">After</span>`,
    `<span class="metric-value metric-value-after">${formatNumber(m.after)}${unit}</span>`,
    metricSvg(m),
    `</div>`,
    `<p class="metric-change">${escapeHtml(changeText(m))}${verdict}</p>`,
    `</li>`,
  ].join('');
}

/** The whole figure under an `<h{level}>Key results` heading; '' for a study without metrics. */
export function keyResultsHtml(metrics: readonly Metric[], level = 2): string {
  if (metrics.length === 0) return '';
  return [
    `<section class="key-results" aria-labelledby="key-results">`,
    `<h${level} id="key-results">Key results</h${level}>`,
    `<ul class="metrics">${metrics.map(metricItem).join('')}</ul>`,
    `</section>`,
  ].join('\n');
}

/** A listing's line under a study's summary: its first metric, or '' without one. */
export function firstMetricHtml(metrics: readonly Metric[]): string {
  const first = metrics[0];
  if (!first) return '';
  const change = metricChange(first);
  const state = change.direction === 'same' ? 'same' : change.improved ? 'improved' : 'worse';
  return `<p class="entry-metric metric-${state}">${escapeHtml(metricListingText(first))}</p>`;
}
