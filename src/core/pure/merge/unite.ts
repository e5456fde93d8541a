// "Keep both" of two lists, for a study's conflict and a settings conflict alike: mine in its
// order, then each of theirs that mine lacks (by `key`). A union longer than the list may hold is
// refused, not cut short: cutting would drop some of theirs without a word.
import { CasebookError } from '../errors';

/** Names compared as the forms compare them: case aside (a tag "DB" is the tag "db"). */
// Stryker disable next-line MethodExpression: upper case sets the same names apart as lower case
export const byName = (name: unknown): string => String(name).toLowerCase();

export function unite<T>(
  mine: readonly T[],
  theirs: readonly T[],
  within: { max: number; label: string; key?: (value: T) => string },
): T[] {
  const key = within.key ?? ((v: T) => JSON.stringify(v));
  const seen = new Set(mine.map(key));
  const out = [...mine];
  for (const value of theirs) {
    if (seen.has(key(value))) continue;
    out.push(value);
    seen.add(key(value));
  }
  if (out.length > within.max)
    throw new CasebookError(
      'invalid_input',
      `Keeping both would make ${out.length} entries of "${within.label}", more than the ${within.max} it holds: keep yours or take theirs, then add what is missing.`,
    );
  return out;
}
