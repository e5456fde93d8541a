// The one quiet line under a study's title that sums up its properties ("Draft · Outcome:
// Succeeded · 3 Mar 2026 · Payments, Reliability"): what the author would otherwise open the
// Properties panel to see. Empty values are left out rather than shown as "None".
import { calendarDate } from './calendar-date';
import type { Study } from './schemas/study';
import { outcomeLabels, statusLabels } from './schemas/study-fields';

export type PropertiesShown = Pick<Study, 'status' | 'outcome' | 'date' | 'categories'>;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-03-03" → "3 Mar 2026"; anything that is not a real calendar date is shown as written. */
export function shownDate(date: string): string {
  const moment = calendarDate(date);
  return moment ? dateFormat.format(moment) : date;
}

export function propertiesLine(shown: PropertiesShown): string {
  const parts: string[] = [statusLabels[shown.status]];
  if (shown.outcome) parts.push(`Outcome: ${outcomeLabels[shown.outcome]}`);
  if (shown.date) parts.push(shownDate(shown.date));
  if (shown.categories.length > 0) parts.push(shown.categories.join(', '));
  return parts.join(' · ');
}
