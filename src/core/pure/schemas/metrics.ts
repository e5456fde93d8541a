// Key results: a study's measured outcome as a list of metrics (before → after, a unit, and
// which direction is better). A study field (study-fields.ts `metrics`), written to Markdown
// front matter as Hugo's `.Params.metrics`; one bad entry in an imported file is left out
// with a warning naming it, the others are kept.
import { z } from 'zod';
import { PlainToken, type FrontMatterCodec, type YamlMap } from '../markdown/front-matter-codec';

export const metricLimits = { metrics: 12, label: 120, unit: 32 } as const;

export const metricBetterSchema = z.enum(['lower', 'higher']);
export type MetricBetter = z.infer<typeof metricBetterSchema>;

/** Finite numbers only: zod 4's number already refuses NaN and ±Infinity (YAML's 1e400 is one). */
const measured = (what: string) => z.number({ error: `${what} must be a number` });

export const metricSchema = z.object({
  label: z
    .string({ error: 'Label must be text' })
    .trim()
    .min(1, 'Label is empty')
    .max(metricLimits.label, `Label is longer than ${metricLimits.label} characters`),
  before: measured('Before'),
  after: measured('After'),
  unit: z
    .string({ error: 'Unit must be text' })
    .trim()
    .max(metricLimits.unit, `Unit is longer than ${metricLimits.unit} characters`)
    .default(''), // a count (incidents, pages) has no unit, and a hand-written file may leave it out
  better: metricBetterSchema,
}); // other keys (a Hugo user's own) are dropped, as the study schema drops unknown keys
export type Metric = z.infer<typeof metricSchema>;

export const metricsSchema = z
  .array(metricSchema)
  .max(metricLimits.metrics, `At most ${metricLimits.metrics} key results`);

/** Front matter `metrics`: block YAML as the issue shows it, `better` unquoted. */
export const metricsFrontMatter: FrontMatterCodec<Metric[]> = {
  write: (metrics) =>
    metrics.length === 0
      ? []
      : [
          [
            'metrics',
            metrics.map((m): YamlMap => ({
              label: m.label,
              before: m.before,
              after: m.after,
              unit: m.unit,
              better: new PlainToken(m.better),
            })),
          ],
        ],
  read: (input) => {
    const raw = input.raw('metrics');
    if (raw === undefined || raw === null) return undefined;
    if (!Array.isArray(raw)) {
      input.warn('"metrics" must be a list of key results; it was ignored.');
      return [];
    }
    // A hostile list of thousands gives a few warnings, not thousands: the first bad entries
    // by name, then one count for the rest and one for those beyond the limit.
    const metrics: Metric[] = [];
    let bad = 0;
    for (const [i, entry] of raw.entries()) {
      if (metrics.length >= metricLimits.metrics) {
        const [limit, beyond] = [metricLimits.metrics, raw.length - i];
        input.warn(
          `"metrics": ${entries(beyond)} after the first ${limit} ${were(beyond)} left out: a study holds at most ${limit} key results.`,
        );
        break;
      }
      const parsed = metricSchema.safeParse(entry);
      if (parsed.success) metrics.push(parsed.data);
      else if (++bad <= metricLimits.metrics)
        input.warn(`"metrics" ${entryName(entry, i)} was left out: ${parsed.error.issues[0]!.message}.`);
    }
    const unnamed = bad - metricLimits.metrics;
    if (unnamed > 0) input.warn(`"metrics": ${entries(unnamed, 'more unreadable ')} ${were(unnamed)} left out.`);
    return metrics;
  },
};

// Made on first use: an Intl formatter costs every process that loads the schemas ~10 ms
// (ICU's data), and only an import with bad metrics needs one.
let count: Intl.NumberFormat | undefined;
/** "1 entry", "4,988 more unreadable entries". */
const entries = (n: number, more = ''): string =>
  `${(count ??= new Intl.NumberFormat('en')).format(n)} ${more}${n === 1 ? 'entry' : 'entries'}`;
const were = (n: number): string => (n === 1 ? 'was' : 'were');

/** "entry 2 (“Monthly IT cost”)": the 1-based position, and the label when it has one. */
function entryName(entry: unknown, i: number): string {
  const label =
    typeof entry === 'object' && entry !== null && Object.hasOwn(entry, 'label')
      ? (entry as { label: unknown }).label
      : undefined;
  if (typeof label !== 'string' || label.trim() === '') return `entry ${i + 1}`;
  const shown = label.trim().replace(/\s+/g, ' ');
  return `entry ${i + 1} ("${shown.length > 60 ? `${shown.slice(0, 59)}…` : shown}")`;
}
