// A key result as the Key results panel holds it while the author types: text in every
// input. Turned into a metric (metrics.ts) when it is one, or into a message per input that
// says what is missing, shown beside that input.
import { metricLimits, metricSchema, type Metric, type MetricBetter } from './schemas/metrics';

export interface MetricDraft {
  label: string;
  before: string;
  after: string;
  unit: string;
  better: MetricBetter;
}

export type MetricProblems = Partial<Record<'label' | 'before' | 'after' | 'unit', string>>;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const SEPARATOR = /[,\s_]/; // \s takes in the no-break and thin spaces some locales group with
// Separators only between groups of three, one kind throughout: "2,5" is a decimal comma,
// which would otherwise read as 25, and "1,5,0" is nothing a reader would call 150.
const GROUPED = /^[-+]?\d{1,3}([,\s_])\d{3}(?:\1\d{3})*(\.\d+)?$/;

/**
 * The number an author typed: "10250", "10,250", "10 250", "-3.5", "−3.5" (a minus sign),
 * "2e6"; null for anything else ("2,5" among them), and for what is too big to be a finite number.
 */
export function parseMetricNumber(text: string): number | null {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (SEPARATOR.test(trimmed) && !GROUPED.test(trimmed)) return null;
  const compact = trimmed.replace(/[,\s_]/g, '');
  if (!NUMBER.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
}

/** Why a Before / After text is not a number, in words the author can act on. */
function numberProblem(text: string): string {
  if (text.trim() === '') return 'Enter a number.';
  if (text.includes(',')) return 'Write decimals with a point, like 2.5 (a comma only groups thousands).';
  return 'Enter a number, like 10250 or 2.5.';
}

export const draftOf = (m: Metric): MetricDraft => ({
  label: m.label,
  before: String(m.before),
  after: String(m.after),
  unit: m.unit,
  better: m.better,
});

export function metricFromDraft(draft: MetricDraft): { metric: Metric } | { problems: MetricProblems } {
  const problems: MetricProblems = {};
  const label = draft.label.trim();
  if (label === '') problems.label = 'Give the key result a label, like “Monthly cost”.';
  else if (label.length > metricLimits.label) problems.label = `Keep the label under ${metricLimits.label} characters.`;
  const before = parseMetricNumber(draft.before);
  const after = parseMetricNumber(draft.after);
  if (before === null) problems.before = numberProblem(draft.before);
  if (after === null) problems.after = numberProblem(draft.after);
  if (draft.unit.trim().length > metricLimits.unit)
    problems.unit = `Keep the unit under ${metricLimits.unit} characters.`;
  if (Object.keys(problems).length > 0) return { problems };
  const parsed = metricSchema.safeParse({ label, before, after, unit: draft.unit, better: draft.better });
  return parsed.success ? { metric: parsed.data } : { problems: { label: parsed.error.issues[0]!.message } };
}
