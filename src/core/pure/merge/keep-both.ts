// "Keep both" of two values that can stand together, for a study's conflict and a settings
// conflict alike: two lists united, two texts joined. A result longer than the value may hold
// is refused, never cut short: cutting would drop some of theirs without a word.
import { CasebookError } from '../errors';

/** Names compared as the forms compare them: case and outer spaces aside (a tag "DB " is the tag "db"); total, for any value. */
export const byName = (name: unknown): string =>
  // Stryker disable next-line MethodExpression: upper case sets the same names apart as lower case
  typeof name === 'string' ? name.trim().toLowerCase() : (JSON.stringify(name) ?? '');

const tooLong = (result: string, max: number) =>
  new CasebookError(
    'invalid_input',
    `Keeping both would ${result}, more than the ${max} it holds: keep yours or take theirs, and add the rest by hand.`,
  );

/** Mine in its order, then each of theirs that mine lacks (by `key`). */
export function unite<T>(
  mine: readonly T[],
  theirs: readonly T[],
  within: { max: number; label: string; key?: (value: T) => string },
): T[] {
  const key = within.key ?? ((v: T) => JSON.stringify(v) ?? '');
  const seen = new Set(mine.map(key));
  const out = [...mine];
  for (const value of theirs) {
    const id = key(value);
    if (seen.has(id)) continue;
    out.push(value);
    seen.add(id);
  }
  if (out.length > within.max) throw tooLong(`give "${within.label}" ${out.length} entries`, within.max);
  return out;
}

/** Mine, the separator, theirs; either alone when the other is empty. */
export function joinTexts(
  mine: string,
  theirs: string,
  within: { separator: string; max: number; label: string },
): string {
  const text = mine === '' ? theirs : theirs === '' ? mine : `${mine}${within.separator}${theirs}`;
  if (text.length > within.max) throw tooLong(`make "${within.label}" ${text.length} characters long`, within.max);
  return text;
}
