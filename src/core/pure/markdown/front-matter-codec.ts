// How one study field is written to and read from Markdown front matter. Each entry of the
// field table (schemas/study-fields.ts) carries one of these; front-matter.ts writes and reads
// every field by looping over the table, so a new field needs no change there.
import type { z } from 'zod';

/** A value as written to YAML: quoted strings, numbers, booleans, lists, maps, plain tokens. */
export type YamlValue = string | number | boolean | null | PlainToken | readonly YamlValue[] | YamlMap;
export interface YamlMap {
  readonly [key: string]: YamlValue;
}

/** A validated token written without quotes (a date, an enum), so generators read it natively. */
export class PlainToken {
  constructor(readonly token: string) {}
}

/** The front matter of one file, as the reader of one field sees it. */
export interface FrontMatterInput {
  /** The file's own value for `key` (never a name inherited from Object.prototype). */
  raw(key: string): unknown;
  /** Text (a number or boolean is taken as written); a list or map is an error. */
  text(key: string): string | undefined;
  bool(key: string): boolean | undefined;
  /** A list of names (one name alone counts as a list of one); blank names are dropped. */
  names(key: string): string[] | undefined;
  /** Refuses the file, naming the line of `key`. */
  fail(key: string, message: string): never;
  /** Keeps the file, telling the author what was changed or ignored. */
  warn(message: string): void;
  /**
   * The URL-safe slug of a text (slug.ts). Handed to readers, not imported by the field table,
   * so every process that reads study files does not load slugify's transliteration tables.
   */
  slugFromTitle(text: string): string;
}

export interface FrontMatterCodec<T> {
  /** The `key: value` lines for `value`, in order; none leaves the field out of the file. */
  write(value: T): Array<[string, YamlValue]>;
  /** The value the file gives, or undefined when it gives none. */
  read(input: FrontMatterInput): T | undefined;
}

/**
 * A field written under `key` as itself and read back through its own schema: the codec for
 * structured fields (lists of records such as key results), which need nothing special.
 * `omit` leaves the key out for values that mean "nothing" (an empty list, null).
 */
export function yamlField<T extends YamlValue>(
  key: string,
  schema: z.ZodType<T>,
  omit: (value: T) => boolean = () => false,
): FrontMatterCodec<T> {
  return {
    write: (value) => (omit(value) ? [] : [[key, value]]),
    read: (input) => {
      const value = input.raw(key);
      if (value === undefined || value === null) return undefined;
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
      return input.fail(key, `"${key}"${where}: ${issue.message}`);
    },
  };
}

// A JSON string is a valid YAML double-quoted scalar, always on one line (newlines, tabs and
// control characters escaped), which YAML's own emitter does not guarantee (it folds). JSON
// as a whole is YAML's flow style, so any nested value is written as JSON.
function flow(value: YamlValue): string {
  if (value instanceof PlainToken) return value.token;
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const map = value as YamlMap;
    return `{${Object.keys(map)
      .map((k) => `${yamlKey(k)}: ${flow(map[k]!)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

const yamlKey = (key: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key));

const isMap = (value: YamlValue): value is YamlMap =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof PlainToken);

/**
 * One `key: value` entry. A non-empty list of maps is written in block style, one `- ` item
 * per map and one line per map key (what people write by hand and Hugo's docs show); the rest
 * on one line.
 */
export function yamlEntry(key: string, value: YamlValue): string {
  if (Array.isArray(value) && value.length > 0 && value.every((m) => isMap(m) && Object.keys(m).length > 0)) {
    const items = (value as YamlMap[]).map((map) =>
      Object.keys(map)
        .map((k, i) => `${i === 0 ? '  - ' : '    '}${yamlKey(k)}: ${flow(map[k]!)}`)
        .join('\n'),
    );
    return `${yamlKey(key)}:\n${items.join('\n')}`;
  }
  return `${yamlKey(key)}: ${flow(value)}`;
}
