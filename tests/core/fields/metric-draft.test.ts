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

  it('takes commas and spaces only as thousands groups, so "2,5" is never 25', () => {
    expect(parseMetricNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseMetricNumber('-10,250')).toBe(-10250);
    expect(parseMetricNumber('1\u202f000')).toBe(1000);
    for (const bad of ['2,5', '1,5,0', '10,25', '1,2345', ',250', '250,', '1,,000', '1,000,00', '1,000 000', '2 5']) {
      expect(parseMetricNumber(bad), bad).toBeNull();
    }
  });

  it('says how to write a decimal when a comma is not a thousands group', () => {
    const result = metricFromDraft({ ...draft, before: '2,5', after: '1,5,0' });
    expect(result).toEqual({
      problems: {
        before: 'Write decimals with a point, like 2.5 (a comma only groups thousands).',
        after: 'Write decimals with a point, like 2.5 (a comma only groups thousands).',
      },
    });
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
