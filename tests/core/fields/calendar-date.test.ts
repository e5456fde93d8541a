// A `YYYY-MM-DD` date (a study's date, a timeline entry's) is a real calendar day or nothing:
// the day it names starts at midnight UTC, and a day that does not exist, a year 0 or any
// other shape is refused rather than rolled over into a neighbouring day.
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../../src/core/pure/calendar-date';

describe('calendar dates', () => {
  it('gives the moment a real day starts in UTC, years 1–99 included', () => {
    expect(calendarDate('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(calendarDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(calendarDate('0050-03-01')?.getUTCFullYear()).toBe(50);
    expect(calendarDate('0001-01-01')?.getUTCFullYear()).toBe(1);
    expect(calendarDate('9999-12-31')?.toISOString()).toBe('9999-12-31T00:00:00.000Z');
  });

  it('refuses a day, month or year that does not exist, not rolling it over', () => {
    for (const date of [
      '2026-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-32',
      '0000-01-01',
    ])
      expect(calendarDate(date), date).toBeNull();
  });

  it('refuses any other shape', () => {
    for (const date of [
      '',
      '2026-1-05',
      '2026-01-5',
      '226-01-05',
      '02026-01-05',
      '2026-01-05T00:00',
      ' 2026-01-05',
      '2026-01-05 ',
      'x2026-01-05',
      '2026/01/05',
      'abcd-01-05',
      '2026-ab-05',
      '2026-01-ab',
      '2026-01-05\n',
    ])
      expect(calendarDate(date), JSON.stringify(date)).toBeNull();
  });
});
