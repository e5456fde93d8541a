// The line under a study's title that sums up its Properties panel.
import { describe, expect, it } from 'vitest';
import { propertiesLine, shownDate } from '../../../src/core/pure/properties-line';

describe('the properties line under the title', () => {
  it('names status, outcome, date and categories in that order', () => {
    expect(
      propertiesLine({
        status: 'draft',
        outcome: 'succeeded',
        date: '2026-03-03',
        categories: ['Payments', 'Reliability'],
      }),
    ).toBe('Draft · Outcome: Succeeded · 3 Mar 2026 · Payments, Reliability');
  });

  it('leaves out what is not set instead of saying "None"', () => {
    expect(propertiesLine({ status: 'published', outcome: null, date: null, categories: [] })).toBe('Published');
  });

  it('shows a date that is not a real day as written', () => {
    expect(shownDate('2026-02-30')).toBe('2026-02-30');
    expect(shownDate('2026-12-31')).toBe('31 Dec 2026');
    expect(shownDate('0000-03-01')).toBe('0000-03-01');
  });

  it('shows the years 0001–0099 as written, not as 1901–1999', () => {
    expect(shownDate('0050-03-03')).toBe('3 Mar 50');
    expect(shownDate('0001-01-01')).toBe('1 Jan 1');
  });
});
