// A `YYYY-MM-DD` date as the moment its day starts in UTC, or null when it is not a real
// calendar date (2026-02-30, a month 13, the year 0, which no calendar shows). Built with
// setUTCFullYear: Date.UTC and the Date constructor read the years 0–99 as 1900–1999, so
// "0050-03-01" would show as 1950. Years 1–9999 read back in four digits, as they were written.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function calendarDate(date: string): Date | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return null;
  const moment = new Date(0);
  moment.setUTCFullYear(year, month - 1, day);
  // A day or month past its end rolls over (02-30 is 03-02): the date reads back otherwise.
  return moment.toISOString().slice(0, 10) === date ? moment : null;
}
