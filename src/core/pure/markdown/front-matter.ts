// YAML front matter of an exported study: every field of the field table that has a codec
// (schemas/study-fields.ts), in table order — the keys design.md names (Hugo/Eleventy-
// compatible) plus three Casebook keys that make the round trip lossless and that site
// generators ignore:
//   casebook_id  the study's id in its workspace
//   created      createdAt (ISO 8601)
//   updated      updatedAt (ISO 8601)
// Strings are always double-quoted on one line (front-matter-codec.ts), so any title (quotes,
// colons, `---`, emoji, line breaks) survives and no line of the front matter can look like
// its closing `---`. YAML (the `yaml` package) reads it back.
import { LineCounter, parseDocument, isMap, isScalar, visit } from 'yaml';
import type { Study } from '../schemas/study';
import { fieldKeys, studyFields, type FieldKey } from '../schemas/study-fields';
import { yamlEntry, type FrontMatterCodec, type FrontMatterInput } from './front-matter-codec';
import { MAX_FRONT_MATTER_ALIASES } from './import-limits';
import { slugFromTitle } from '../slug';

export function frontMatterFor(study: Study): string {
  const lines: string[] = [];
  for (const key of fieldKeys) {
    const codec = studyFields[key].frontMatter as FrontMatterCodec<unknown> | null;
    for (const [name, value] of codec?.write(study[key]) ?? []) lines.push(yamlEntry(name, value));
  }
  return `---\n${lines.join('\n')}\n---\n`;
}

/** A front matter value a field cannot take: the file is refused at that key's line. */
export class FrontMatterFieldError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The study fields `data` (parsed front matter) gives, each read by its table entry; fields
 * it does not give are left out. Throws FrontMatterFieldError; `warn` hears what was repaired.
 */
export function fieldsFromFrontMatter(
  data: Record<string, unknown>,
  warn: (message: string) => void,
): Partial<Record<FieldKey, unknown>> {
  // The keys are the file's: read only its own, never a name inherited from Object.prototype.
  const raw = (key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);
  const fail = (key: string, message: string): never => {
    throw new FrontMatterFieldError(key, message);
  };
  const input: FrontMatterInput = {
    raw,
    fail,
    warn,
    slugFromTitle,
    text: (key) => {
      const v = raw(key);
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
      return fail(key, `"${key}" must be text.`);
    },
    bool: (key) => {
      const v = raw(key);
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'boolean') return v;
      return fail(key, `"${key}" must be true or false.`);
    },
    names: (key) => {
      const v = raw(key);
      if (v === undefined || v === null) return undefined;
      const items: unknown[] = Array.isArray(v) ? v : [v];
      if (!items.every((i) => ['string', 'number', 'boolean'].includes(typeof i)))
        return fail(key, `"${key}" must be a list of names, like ["a", "b"].`);
      return items.map((i) => String(i).trim()).filter((i) => i !== '');
    },
  };
  const fields: Partial<Record<FieldKey, unknown>> = {};
  for (const key of fieldKeys) {
    const value = studyFields[key].frontMatter?.read(input);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

export interface FrontMatter {
  /** Key → value as YAML gave it (unknown keys included; read it with Object.hasOwn). */
  data: Record<string, unknown>;
  /** Key → 1-based line in the file, for error reports (null prototype: keys are the file's). */
  lines: Record<string, number>;
  /** The Markdown after the front matter, and the file line it starts on. */
  body: string;
  bodyLine: number;
}

export type FrontMatterResult =
  { ok: true; value: FrontMatter } | { ok: false; line: number; column?: number; reason: string };

/** Splits `---` front matter off a file (LF line endings expected) and parses its YAML. */
export function readFrontMatter(text: string): FrontMatterResult {
  if (!/^---[ \t]*\n/.test(text)) return { ok: true, value: { data: {}, lines: {}, body: text, bodyLine: 1 } };
  const close = /^(---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(text.indexOf('\n') + 1);
  const end = close.exec(rest);
  if (!end) return { ok: false, line: 1, reason: 'The front matter starting here is never closed with "---".' };
  const yamlText = rest.slice(0, end.index);
  const afterClose = rest.slice(end.index + end[0].length).replace(/^\n/, '');
  const yamlLines = yamlText.split('\n').length - 1;
  const lineCounter = new LineCounter();
  // prettyErrors off: the message is the reason alone, without the multi-line code excerpt.
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // +1 for the opening ---; an error found at the very end belongs to the end of the last YAML line.
  const where = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    const last = Math.max(1, yamlLines);
    if (pos.line <= last) return { line: pos.line + 1, column: pos.col };
    return { line: last + 1, column: (yamlText.split('\n')[last - 1]?.length ?? 0) + 1 };
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    return { ok: false, ...where(err.pos[0]), reason: `Front matter is not valid YAML: ${sentence(err.message)}` };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { ok: false, line: 2, reason: 'Front matter must be a list of "key: value" lines.' };
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS({ maxAliasCount: MAX_FRONT_MATTER_ALIASES }) ?? {}) as Record<string, unknown>;
  } catch (err) {
    let alias = 0;
    visit(doc, {
      Alias: (_key, node) => {
        alias = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const reason =
      err instanceof ReferenceError && /alias/i.test(err.message)
        ? `Front matter repeats YAML aliases (*name) more than ${MAX_FRONT_MATTER_ALIASES} times over; write the values out instead.`
        : `Front matter cannot be read: ${sentence((err as Error).message)}`;
    return { ok: false, ...where(alias), reason };
  }
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) lines[String(pair.key.value)] = where(pair.key.range[0]).line;
    }
  }
  return { ok: true, value: { data, lines, body: afterClose, bodyLine: yamlLines + 3 } };
}

/** One line ending in a full stop: a library's message may span lines or end bare. */
function sentence(message: string): string {
  const line = message.split('\n')[0]!.trim().replace(/:$/, '');
  return /[.!?]$/.test(line) ? line : `${line}.`;
}
