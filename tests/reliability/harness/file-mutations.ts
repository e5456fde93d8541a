// Damaged and foreign versions of a healthy workspace file, the way they turn up in real
// life: a crash in another program, a bad sync, a hand edit, a newer Casebook.
// Deterministic (seeded), so a failure names a case that can be run again.
import { seededRandom } from '../../helpers/seeded-random';

export type MutationKind =
  'empty' | 'truncated' | 'invalid UTF-8' | 'wrong type' | 'missing field' | 'not an object' | 'newer schemaVersion';

export interface Mutation {
  kind: MutationKind;
  bytes: Buffer;
  /** What the reason shown to the user must mention (none for a newer file: not damage). */
  reason: RegExp | null;
}

export const mutationKinds: MutationKind[] = [
  'empty',
  'truncated',
  'invalid UTF-8',
  'wrong type',
  'missing field',
  'not an object',
  'newer schemaVersion',
];

/** The same seed gives the same cases. */
export const seeded = seededRandom;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Paths to the leaves of a JSON object (arrays count as leaves), for choosing what to break. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'schemaVersion' || key === 'content' ? [] : leafPaths(inner, [...prefix, key]),
  );
}

function valueAt(source: Record<string, unknown>, at: string[]): unknown {
  return at.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], source);
}

/** A value of a type the field can never hold (a string given another string may be fine). */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number' || Array.isArray(value)) return 'nonsense';
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return { x: 1 };
  return 42;
}

function setAt(target: Record<string, unknown>, at: string[], value: unknown, remove = false): void {
  let node = target;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (remove) delete node[at.at(-1)!];
  else node[at.at(-1)!] = value;
}

export function mutate(kind: MutationKind, healthy: Buffer, random: () => number): Mutation {
  const json = JSON.parse(healthy.toString('utf8')) as Record<string, unknown>;
  switch (kind) {
    case 'empty':
      return { kind, bytes: Buffer.alloc(0), reason: /empty/ };
    case 'truncated': {
      // Keep at least one byte and drop at least the closing brace.
      const end = 1 + Math.floor(random() * (healthy.length - 3));
      return { kind, bytes: healthy.subarray(0, end), reason: /not valid JSON/ };
    }
    case 'invalid UTF-8': {
      const at = Math.floor(random() * healthy.length);
      const bad = pick(random, [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xfe, 0xfe]]);
      return {
        kind,
        bytes: Buffer.concat([healthy.subarray(0, at), Buffer.from(bad), healthy.subarray(at)]),
        reason: /UTF-8/,
      };
    }
    case 'wrong type': {
      // The site's body font falls back to sans on any unknown value: not damage.
      const at = pick(
        random,
        leafPaths(json).filter((p) => p.at(-1) !== 'font'),
      );
      setAt(json, at, wrongTypeFor(valueAt(json, at)));
      const bytes = Buffer.from(JSON.stringify(json, null, 2));
      return { kind, bytes, reason: /does not match the format/ };
    }
    case 'missing field': {
      // Fields with a default (site baseUrl, language, authors, branding) may be left out: not damage.
      const defaulted = ['baseUrl', 'language', 'authors', 'accent', 'logo', 'font', 'customCss'];
      const required = leafPaths(json).filter((at) => !defaulted.includes(at.at(-1)!));
      setAt(json, pick(random, required), undefined, true);
      return { kind, bytes: Buffer.from(JSON.stringify(json, null, 2)), reason: /does not match the format/ };
    }
    case 'not an object': {
      const text = pick(random, ['null', '[]', '42', '"study"', 'true', '[{"schemaVersion":1}]']);
      return { kind, bytes: Buffer.from(text), reason: /null|does not match the format/ };
    }
    case 'newer schemaVersion': {
      // Newer than the file's own format (a study's and the site's formats differ), and than the
      // next one (casebook.json is written as format 1, or 2 while it holds conflicts).
      const own = typeof json.schemaVersion === 'number' ? json.schemaVersion : 1;
      json.schemaVersion = own + 2 + Math.floor(random() * 40);
      if (random() < 0.5) json.addedLater = { field: 'a newer Casebook wrote this' };
      return { kind, bytes: Buffer.from(JSON.stringify(json, null, 2)), reason: null };
    }
  }
}
