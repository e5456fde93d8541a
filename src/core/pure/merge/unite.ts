// "Keep both" of two lists, for a study's conflict and a settings conflict alike: mine in its
// order, then each of theirs that mine lacks (by `key`), up to `max` items.

export function unite<T>(
  mine: T[],
  theirs: T[],
  max: number,
  key: (value: T) => string = (v) => JSON.stringify(v),
): T[] {
  const seen = new Set(mine.map(key));
  const out = [...mine];
  for (const value of theirs) {
    if (seen.has(key(value)) || out.length >= max) continue;
    out.push(value);
    seen.add(key(value));
  }
  return out;
}
