// Three-way merge of casebook.json's site settings and of a template file, the way studies
// merge: each key on its own; lists that are sets (categories, tags) as sets; site authors by
// name (an author added on one side and another on the other: both; the same author edited on
// both sides: their fields merged, and a field changed differently is a conflict on that
// author); a template's sections one by one. What both sides changed differently keeps ours
// and is recorded in the file's `conflicts` list (conflict-schema.ts) with theirs: nothing is
// lost and no conflict marker enters the file. Keys are the files' own (hostile) strings: read
// with Object.hasOwn, built with Object.fromEntries.
import type { Conflict, ConflictWhere } from './conflict-schema';
import { conflictOf } from './conflict-list';
import { mergeSet, mergeValue, sameJson } from './json-merge';

type Json = Record<string, unknown>;

/** How a key merges: whole value, set of names, set ignoring case, list of named entries, or part by part. */
export type SettingRule = 'value' | 'set' | 'set-ci' | 'named' | 'parts';

/** casebook.json's `site`: categories are unique ignoring case, authors unique by name. */
export const siteMergeRules = new Map<string, SettingRule>([
  ['categories', 'set-ci'],
  ['authors', 'named'],
]);

/** A template file: its suggested categories and tags are sets, its sections merge one by one. */
export const templateMergeRules = new Map<string, SettingRule>([
  ['categories', 'set'],
  ['tags', 'set'],
  ['sections', 'parts'],
]);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const from = (object: Json | undefined, key: string): unknown =>
  object && Object.hasOwn(object, key) ? object[key] : undefined;

/** Records a conflict: where, the value kept (ours) and theirs. */
type OnConflict = (
  where: Omit<Extract<ConflictWhere, { kind: 'field' }>, 'kind'>,
  mine: unknown,
  theirs: unknown,
) => unknown;

/** Objects key by key, each key by its rule; `item` set when merging the parts of one key. */
function mergeKeys(
  rules: ReadonlyMap<string, SettingRule>,
  base: Json | undefined,
  ours: Json,
  theirs: Json,
  record: OnConflict,
  field?: string,
): Json {
  const entries: [string, unknown][] = [];
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const [b, o, t] = [from(base, key), from(ours, key), from(theirs, key)];
    if (o === undefined || t === undefined) {
      // Present on one side only: added there, or removed on the other side (an edit wins over a removal).
      // Not `o ?? t`: a key written as null is present (a template's "outcome": null).
      const present = o === undefined ? t : o;
      if (!(b !== undefined && sameJson(present, b))) entries.push([key, present]);
      continue;
    }
    const where = field === undefined ? { field: key } : { field, item: key };
    // The parts of a key (a template's sections, an author's fields) come with no rules: each a value.
    entries.push([key, mergeKey(rules.get(key), b, o, t, where, record)]);
  }
  return Object.fromEntries(entries);
}

function mergeKey(
  rule: SettingRule | undefined,
  b: unknown,
  o: unknown,
  t: unknown,
  where: { field: string; item?: string },
  record: OnConflict,
): unknown {
  const lists = Array.isArray(o) && Array.isArray(t) && (b === undefined || Array.isArray(b));
  if ((rule === 'set' || rule === 'set-ci') && lists) {
    const merged = mergeSet(b as unknown[] | undefined, o, t);
    return rule === 'set' ? merged : uniqueIgnoringCase(merged);
  }
  if (rule === 'named' && namedList(o) && namedList(t) && (b === undefined || namedList(b)))
    return mergeNamed(b, o, t, where.field, record);
  if (rule === 'parts' && isObject(o) && isObject(t) && (b === undefined || isObject(b)))
    return mergeKeys(new Map(), b as Json | undefined, o, t, record, where.field);
  const merged = mergeValue(b, o, t);
  if (merged.conflict) record(where, o, t);
  return merged.value;
}

/** Category names are unique ignoring case: "API" added here and "api" there keep the first. */
function uniqueIgnoringCase(list: unknown[]): unknown[] {
  const seen = new Set<string>();
  return list.filter((value) => {
    // Stryker disable next-line MethodExpression: upper case would ignore case as well
    const key = typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A list whose entries all have a name (any other list merges as one value: nothing in it is dropped). */
const namedList = (value: unknown): value is Json[] =>
  Array.isArray(value) && value.every((entry) => isObject(entry) && typeof entry.name === 'string');

/**
 * Entries named by `name` (site authors), merged as a set by name: added on either side is in,
 * removed on one side and left as it was on the other is out, removed on one side and edited on
 * the other keeps the edit. One author edited on both sides merges field by field; a field
 * changed differently is a conflict on that author (mine: the author as kept, theirs: the
 * author with their values), so Take theirs brings theirs without undoing the clean merges.
 */
function mergeNamed(base: Json[] | undefined, ours: Json[], theirs: Json[], field: string, record: OnConflict): Json[] {
  const byName = (list: Json[] | undefined) => {
    const map = new Map<string, Json>();
    for (const entry of list ?? []) {
      // Stryker disable next-line MethodExpression: upper case would ignore case as well
      const name = (entry.name as string).toLowerCase();
      if (!map.has(name)) map.set(name, entry);
    }
    return map;
  };
  const [b, o, t] = [byName(base), byName(ours), byName(theirs)];
  const out: Json[] = [];
  for (const name of new Set([...o.keys(), ...t.keys()])) {
    const [be, oe, te] = [b.get(name), o.get(name), t.get(name)];
    if (oe === undefined || te === undefined) {
      // Added (no base entry, never the same as an author), or left as it was here and removed there.
      const present = (oe ?? te)!;
      if (!sameJson(present, be)) out.push(present);
      continue;
    }
    const clashes: string[] = [];
    const merged = mergeKeys(new Map(), be, oe, te, (where) => clashes.push(where.field));
    out.push(merged);
    // Their version of this author: the merged one with their values where the two clash.
    if (clashes.length > 0)
      record({ field, item: String(oe.name) }, merged, {
        ...merged,
        ...Object.fromEntries(clashes.map((key) => [key, te[key]])),
      });
  }
  return out;
}

export interface SettingsMerge {
  value: Json;
  /** Conflicts this merge found (the caller adds them to the file's list). */
  recorded: Conflict[];
}

/** Merges one settings object (casebook.json's `site`, or a template without its conflicts). */
export function mergeSettings(
  rules: ReadonlyMap<string, SettingRule>,
  base: Json | undefined,
  ours: Json,
  theirs: Json,
  options: { now?: Date; theirsAuthor?: string } = {},
): SettingsMerge {
  const at = (options.now ?? new Date()).toISOString();
  const recorded: Conflict[] = [];
  const value = mergeKeys(rules, base, ours, theirs, (where, mine, theirsValue) =>
    recorded.push(conflictOf({ kind: 'field', ...where }, mine, theirsValue, at, options.theirsAuthor)),
  );
  return { value, recorded };
}
