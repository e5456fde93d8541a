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
  return text.replaceAll('-', '\u2212'); // the exponent's too: "−1E−300"
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

// Past 10,000 % a percent stops meaning much and grows without bound (1E-300 → 1 would be
// hundreds of digits): a growth is then so many times the before value, up to a million,
// and a change across zero (no multiple to speak of) is "over 10,000 %".
const PERCENT_LIMIT = 10_000;
const TIMES_LIMIT = 1_000_000;

interface ChangeAmount {
  /** "79 %", "250×", "1,000,000×", "10,000 %". */
  text: string;
  /** A multiple ("250× higher"), said with the direction even in a listing. */
  times: boolean;
  /** The real change is beyond the text: "over …". */
  over: boolean;
}

function changeAmount(m: Metric, percent: number): ChangeAmount {
  if (Math.round(percent) <= PERCENT_LIMIT) return { text: percentText(percent), times: false, over: false };
  if (m.before > 0 && m.after > 0) {
    const times = Math.round(m.after / m.before); // > 100: both positive and over 10,000 % up
    return times > TIMES_LIMIT
      ? { text: `${plain.format(TIMES_LIMIT)}\u00d7`, times: true, over: true }
      : { text: `${plain.format(times)}\u00d7`, times: true, over: false };
  }
  return { text: `${plain.format(PERCENT_LIMIT)} %`, times: false, over: true };
}

/** "79 % lower", "250× higher", "over 10,000 % lower", "lower" (before was 0), "no change". */
export function changeText(m: Metric): string {
  const change = metricChange(m);
  if (change.direction === 'same') return 'no change';
  if (change.percent === null) return change.direction;
  const amount = changeAmount(m, change.percent);
  return `${amount.over ? 'over ' : ''}${amount.text} ${change.direction}`;
}

/** The label as shown: control characters gone, never empty. */
export const metricLabel = (m: Metric): string => visible(m.label) || 'Key result';
const unitSuffix = (m: Metric): string => (visible(m.unit) ? ` ${visible(m.unit)}` : '');

/** "10,250 → 2,146 $/month". */
export const valuesText = (m: Metric): string =>
  `${formatNumber(m.before)} \u2192 ${formatNumber(m.after)}${unitSuffix(m)}`;

/** The figure's accessible name: "Monthly IT cost: 10,250 → 2,146 $/month, 79 % lower". */
export const metricSentence = (m: Metric): string => `${metricLabel(m)}: ${valuesText(m)}, ${changeText(m)}`;

/**
 * A listing's line: "Monthly IT cost 10,250 → 2,146 $/month · −79 %" (no percent when before
 * is 0); a multiple keeps its direction: "· 250× higher".
 */
export function metricListingText(m: Metric): string {
  const change = metricChange(m);
  let tail = '';
  if (change.direction === 'same') tail = ' · no change';
  else if (change.percent !== null) {
    const amount = changeAmount(m, change.percent);
    const sign = change.direction === 'lower' ? '\u2212' : '+';
    tail = ` · ${amount.over ? 'over ' : ''}${amount.times ? `${amount.text} ${change.direction}` : sign + amount.text}`;
  }
  return `${metricLabel(m)} ${valuesText(m)}${tail}`;
}
