// The date shown beside a study in the library.
import { calendarDate } from '../../../core/pure/calendar-date';

/** The day as written, in UTC: a local-time Date can show the day before (and the years 0–99 as 1900s). */
export function formatDate(isoDate: string): string {
  const moment = calendarDate(isoDate);
  return moment
    ? moment.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
    : isoDate;
}
