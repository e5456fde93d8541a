// The times of a timeline as moments that can be compared, and the two figures an incident
// review asks for: time to detect (first entry → the detection entry) and time to resolve
// (first entry → the resolution entry). Times are what the author wrote; three forms are read:
// `14:02` (a clock time), `2026-03-02 14:02` (or a date alone) and `Day 2` (optionally with a
// clock time). Anything else, or forms that cannot be compared, gives no figure rather than a
// wrong one.
import { calendarDate } from '../../calendar-date';
import type { TimelineKind } from './timeline-attrs';

const DAY = 24 * 60;

/** A clock time floats (its day follows the entries before it); the others are anchored. */
export type ParsedTime =
  | { form: 'clock'; minuteOfDay: number; datetime: string }
  | { form: 'date' | 'day'; minute: number; datetime: string | null };

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]([01]?\d|2[0-3]):([0-5]\d))?$/;
const DAY_N = /^day\s+(\d{1,4})(?:,?\s+([01]?\d|2[0-3]):([0-5]\d))?$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** The time as a moment, or null when it is none of the three forms (or not a real date). */
export function parseTimelineTime(time: string): ParsedTime | null {
  const text = time.trim();
  const clock = CLOCK.exec(text);
  if (clock) {
    const [h, m] = [Number(clock[1]), Number(clock[2])];
    return { form: 'clock', minuteOfDay: h * 60 + m, datetime: `${pad(h)}:${pad(m)}` };
  }
  const date = DATE.exec(text);
  if (date) {
    const day = `${date[1]}-${date[2]}-${date[3]}`;
    const moment = calendarDate(day);
    if (!moment) return null;
    const ms = moment.getTime();
    if (date[4] === undefined) return { form: 'date', minute: ms / 60_000, datetime: day };
    const [h, m] = [Number(date[4]), Number(date[5])];
    return { form: 'date', minute: ms / 60_000 + h * 60 + m, datetime: `${day}T${pad(h)}:${pad(m)}` };
  }
  const dayN = DAY_N.exec(text);
  if (dayN) {
    const n = Number(dayN[1]);
    const clockPart = dayN[2] === undefined ? 0 : Number(dayN[2]) * 60 + Number(dayN[3]);
    // "Day 2" has no calendar date: no machine-readable datetime.
    return { form: 'day', minute: (n - 1) * DAY + clockPart, datetime: null };
  }
  return null;
}

/**
 * Minutes from the first entry to entry `target`, walking the entries between: a clock time
 * earlier than the one before it is the next day (an incident running past midnight); a date
 * or a day number sets the day. Null when the first or the target time cannot be read, when
 * clock times before any anchor meet an anchor (their day is unknown), when dates and day
 * numbers are mixed, or when the result would be negative.
 */
export function minutesBetween(times: readonly string[], target: number): number | null {
  if (target < 0 || target >= times.length) return null;
  const first = parseTimelineTime(times[0] ?? '');
  const last = parseTimelineTime(times[target] ?? '');
  if (!first || !last) return null;
  let frame: 'date' | 'day' | null = null;
  let floating = false;
  let start: number | null = null;
  let at = 0;
  for (let i = 0; i <= target; i++) {
    const parsed = parseTimelineTime(times[i] ?? '');
    if (!parsed) continue; // an entry written "later" says nothing about the clock
    if (parsed.form === 'clock') {
      if (start === null) floating = true;
      const dayStart = start === null ? 0 : at - (((at % DAY) + DAY) % DAY);
      const next = dayStart + parsed.minuteOfDay;
      at = start !== null && next < at ? next + DAY : next;
    } else {
      if (floating || (frame !== null && frame !== parsed.form)) return null;
      frame = parsed.form;
      at = parsed.minute;
    }
    start ??= at;
  }
  if (start === null) return null;
  const minutes = at - start;
  return minutes >= 0 ? minutes : null;
}

/** "4 min", "1 h 20 min", "2 days 3 h": how the site states a duration. */
export function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / DAY);
  const hours = Math.floor((minutes % DAY) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours) parts.push(`${hours} h`);
  if (mins || parts.length === 0) parts.push(`${mins} min`);
  return parts.join(' ');
}

/** The duration as HTML's machine-readable form (`PT1H20M`; hours may pass 24). */
export function durationDatetime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const mins = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${mins || !hours ? `${mins}M` : ''}`;
}

export interface TimelineFigures {
  /** Minutes from the first entry to the first detection entry, when both times can be read. */
  toDetect: number | null;
  /** Minutes from the first entry to the last resolution entry, when both times can be read. */
  toResolve: number | null;
}

/** Time to detect and time to resolve of entries given in order. */
export function timelineFigures(entries: readonly { time: string; kind: TimelineKind }[]): TimelineFigures {
  const times = entries.map((e) => e.time);
  const detection = entries.findIndex((e) => e.kind === 'detection');
  const resolution = entries.map((e) => e.kind).lastIndexOf('resolution');
  return {
    toDetect: detection >= 0 ? minutesBetween(times, detection) : null,
    toResolve: resolution >= 0 ? minutesBetween(times, resolution) : null,
  };
}
