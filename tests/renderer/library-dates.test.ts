// The date beside each study in the library: the day written in the study, whatever the
// machine's time zone, and the years 0001–0099 as written (not as 1901–1999).
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/core/pure/calendar-date';
import { formatDate } from '../../src/renderer/src/library/entry-date';

const long = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } as const;

describe("a study's date in the library", () => {
  it('is the day written, in time zones on either side of UTC', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Honolulu', 'UTC']) {
        process.env.TZ = tz;
        expect(formatDate('2026-01-01'), tz).toBe(new Date(Date.UTC(2026, 0, 1)).toLocaleDateString(undefined, long));
        expect(formatDate('2026-01-01'), tz).toMatch(/\b1\b/);
        expect(formatDate('2026-01-01'), tz).not.toMatch(/2025/);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps the years 0001–0099, and shows what is not a real day as written', () => {
    expect(formatDate('0050-03-03')).toMatch(/\b50\b/);
    expect(formatDate('0050-03-03')).not.toMatch(/1950/);
    for (const bad of ['2026-02-30', '0000-03-01', '2026-13-01', '3 March']) expect(formatDate(bad)).toBe(bad);
  });
});

describe('calendarDate', () => {
  it('is the start of the day in UTC, for every year from 1 to 9999', () => {
    expect(calendarDate('2026-03-02')?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(calendarDate('0050-03-02')?.toISOString()).toBe('0050-03-02T00:00:00.000Z');
    expect(calendarDate('0001-01-01')?.toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(calendarDate('9999-12-31')?.toISOString()).toBe('9999-12-31T00:00:00.000Z');
    // Leap years as the Gregorian calendar has them, back to year 4.
    expect(calendarDate('0004-02-29')).not.toBeNull();
    expect(calendarDate('0100-02-29')).toBeNull();
    expect(calendarDate('2000-02-29')).not.toBeNull();
  });

  it('is null for what is not a real calendar day', () => {
    for (const bad of [
      '0000-01-01',
      '2026-02-30',
      '2026-00-10',
      '2026-12-32',
      '2026-3-2',
      ' 2026-03-02',
      '2026-03-02T10:00',
    ])
      expect(calendarDate(bad), bad).toBeNull();
  });
});
