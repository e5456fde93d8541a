// Three-way merges of JSON values, compared by meaning (key order aside). Inputs have passed
// their schema (depth bounded), so the recursion here is shallow.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON text with object keys sorted: equal for equal values whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

export interface Merged<T> {
  value: T;
  /** Both sides changed it differently: `value` is ours, theirs is lost unless the caller records it. */
  conflict: boolean;
}

/** The side that changed the value, or ours with a conflict when both changed it differently. `base` undefined: added on both sides. */
export function mergeValue<T>(base: T | undefined, ours: T, theirs: T): Merged<T> {
  if (sameJson(ours, theirs)) return { value: ours, conflict: false };
  if (base !== undefined && sameJson(ours, base)) return { value: theirs, conflict: false };
  if (base !== undefined && sameJson(theirs, base)) return { value: ours, conflict: false };
  return { value: ours, conflict: true };
}

/** A list of names merged as a set: what either side added is in, what either side removed is out; ours' order first. */
export function mergeSet<T>(base: readonly T[] | undefined, ours: readonly T[], theirs: readonly T[]): T[] {
  const key = (value: T) => canonicalJson(value);
  const inBase = new Set((base ?? []).map(key));
  const inOurs = new Set(ours.map(key));
  const inTheirs = new Set(theirs.map(key));
  const out: T[] = [];
  const taken = new Set<string>();
  for (const value of [...ours, ...theirs]) {
    const k = key(value);
    if (taken.has(k)) continue;
    const removed = inBase.has(k) && (!inOurs.has(k) || !inTheirs.has(k));
    if (!removed) out.push(value);
    taken.add(k);
  }
  return out;
}
