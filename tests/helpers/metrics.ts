// Key results as the metrics tests build them: label "M", lower is better unless told.
import type { Metric } from '../../src/core/pure/schemas/metrics';

export const metric = (before: number, after: number, better: Metric['better'] = 'lower', unit = ''): Metric => ({
  label: 'M',
  before,
  after,
  unit,
  better,
});
