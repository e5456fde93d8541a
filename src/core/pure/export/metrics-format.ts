// Key results as words: the numbers with thousands separators, the change in percent and
// whether it went the better way. Shared by the figure, the listings and the feed, so each
// says the same thing ("Monthly IT cost: 10,250 → 2,146 $/month, 79 % lower").
import type { Metric } from '../schemas/metrics';
import { visible } from './site-layout';

const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
// Beyond a quadrillion (or below a hundredth) a number is written in scientific form, not as
// hundreds of digits or as 0.
const scientific = new Intl.NumberFormat('en', { notation: 'scientific', maximumSignificantDigits: 3 });

/** "10,250", "−3.5", "1.23E20"; a minus sign, not a hyphen. */
export function formatNumber(number: number): string {
  const value = number === 0 ? 0 : number; // -0 (from a file) is written 0
  const size = Math.abs(value);
  const text = size !== 0 && (size >= 1e15 || size < 0.01) ? scientific.format(value) : plain.format(value);
  return text.replace('-', '\u2212');
}

export interface MetricChange {
  /** Which way the value moved. */
  direction: 'lower' | 'higher' | 'same';
  /** Rounded percent of the before value; null when before is 0 (no percent of nothing). */
  percent: number | null;
  /** Whether it moved the way the metric calls better (false for no change). */
  improved: boolean;
}

export function metricChange(m: Metric): MetricChange {
  const direction = m.after === m.before ? 'same' : m.after < m.before ? 'lower' : 'higher';
  const ratio = m.before === 0 ? null : (Math.abs(m.after - m.before) / Math.abs(m.before)) * 100;
  // A finite ratio of finite numbers can still overflow (1e308 − (−1e308)).
  const percent = ratio === null || !Number.isFinite(ratio) ? null : ratio;
  return { direction, percent, improved: direction !== 'same' && direction === m.better };
}

/** "79 %", "<1 %", "1,200 %". */
function percentText(percent: number): string {
  const rounded = Math.round(percent);
  return rounded === 0 ? '<1 %' : `${plain.format(rounded)} %`;
}

/** "79 % lower", "lower" (before was 0), "no change". */
export function changeText(m: Metric): string {
  const change = metricChange(m);
  if (change.direction === 'same') return 'no change';
  return change.percent === null ? change.direction : `${percentText(change.percent)} ${change.direction}`;
}

/** The label as shown: control characters gone, never empty. */
export const metricLabel = (m: Metric): string => visible(m.label) || 'Key result';
const unitSuffix = (m: Metric): string => (visible(m.unit) ? ` ${visible(m.unit)}` : '');

/** "10,250 → 2,146 $/month". */
export const valuesText = (m: Metric): string =>
  `${formatNumber(m.before)} \u2192 ${formatNumber(m.after)}${unitSuffix(m)}`;

/** The figure's accessible name: "Monthly IT cost: 10,250 → 2,146 $/month, 79 % lower". */
export const metricSentence = (m: Metric): string => `${metricLabel(m)}: ${valuesText(m)}, ${changeText(m)}`;

/** A listing's line: "Monthly IT cost 10,250 → 2,146 $/month · −79 %" (no percent when before is 0). */
export function metricListingText(m: Metric): string {
  const change = metricChange(m);
  let tail = '';
  if (change.direction === 'same') tail = ' · no change';
  else if (change.percent !== null)
    tail = ` · ${change.direction === 'lower' ? '\u2212' : '+'}${percentText(change.percent)}`;
  return `${metricLabel(m)} ${valuesText(m)}${tail}`;
}
