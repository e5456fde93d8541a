// The one quiet line under a study's title that sums up its properties ("Draft · Outcome:
// Succeeded · 3 Mar 2026 · Payments, Reliability"): what the author would otherwise open the
// Properties panel to see. Empty values are left out rather than shown as "None".
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
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return date;
  return dateFormat.format(back);
}

export function propertiesLine(shown: PropertiesShown): string {
  const parts: string[] = [statusLabels[shown.status]];
  if (shown.outcome) parts.push(`Outcome: ${outcomeLabels[shown.outcome]}`);
  if (shown.date) parts.push(shownDate(shown.date));
  if (shown.categories.length > 0) parts.push(shown.categories.join(', '));
  return parts.join(' · ');
}
