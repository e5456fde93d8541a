// "3 minutes ago", "yesterday", "2 weeks ago": when a version was made, as people say it.
// The exact time goes beside it (a tooltip); this is only the quick reading.

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** `then` relative to `now` in the given locale (the browser's by default). */
export function relativeTime(then: Date, now: Date, locale?: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let amount = (then.getTime() - now.getTime()) / 1000;
  if (Math.abs(amount) < 45) return format.format(0, 'second'); // "now"
  for (const [unit, size] of steps) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  // Stryker disable next-line all: never reached, the loop returns at 'year' (its size is infinite)
  return format.format(Math.round(amount), 'year');
}
