// What the Key results panel saves from what the author typed, and what it says otherwise.
import { describe, expect, it } from 'vitest';
import { metricFromDraft, parseMetricNumber } from '../../../src/core/pure/metric-draft';

const draft = {
  label: ' Monthly IT cost ',
  before: '10,250',
  after: '2146',
  unit: '$/month',
  better: 'lower' as const,
};

describe('a key result typed in the panel', () => {
  it('reads numbers as people write them, and nothing else', () => {
    expect(parseMetricNumber('10,250')).toBe(10250);
    expect(parseMetricNumber(' 10 250 ')).toBe(10250);
    expect(parseMetricNumber('\u22123.5')).toBe(-3.5);
    expect(parseMetricNumber('2e6')).toBe(2e6);
    expect(parseMetricNumber('-0')).toBe(0);
    for (const bad of ['', 'ten', '1e400', 'NaN', 'Infinity', '0x10', '1.2.3', '--1', '5%']) {
      expect(parseMetricNumber(bad), bad).toBeNull();
    }
  });

  it('is a metric once it has a label and two numbers', () => {
    expect(metricFromDraft(draft)).toEqual({
      metric: { label: 'Monthly IT cost', before: 10250, after: 2146, unit: '$/month', better: 'lower' },
    });
  });

  it('names what is missing, input by input', () => {
    expect(metricFromDraft({ ...draft, label: '  ', before: '', after: 'lots', unit: 'x'.repeat(33) })).toEqual({
      problems: {
        label: expect.stringContaining('label'),
        before: 'Enter a number.',
        after: 'Enter a number, like 10250 or 2.5.',
        unit: expect.stringContaining('32 characters'),
      },
    });
  });
});
