// The decision record's data (MADR 4 shaped), held in the node's attrs, and the one function
// that turns any stored, pasted or hand-edited attrs into it. A study file is shared through
// git, so attrs are hostile: every string is bounded and made one line, every list bounded,
// an unknown status reads as `proposed`, a chosen index that names no option reads as none.
// Used by the site HTML, the Markdown export, the editor node and the publish checks alike.
//
//   title, status, date, deciders, supersededBy   strings ('' when absent; date as written)
//   meta        other metadata lines, [{ key, value }] in file order (unknown lines are kept)
//   options     [{ title, description, points: [{ kind: 'good' | 'bad', text }] }]
//   chosen      index into options, or null
//   consequences [{ kind, text }]
// The context is rich text: the node's own content, not an attribute.
import { z } from 'zod';

export const decisionStatuses = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];
export const decisionStatusLabels: Record<DecisionStatus, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  deprecated: 'Deprecated',
  superseded: 'Superseded',
};

/** Bounds of lists and fields; the editor's inputs take their maxLength from here too. */
export const LIMITS = { options: 20, points: 30, meta: 20, line: 500, text: 2000, short: 60 } as const;

/** Any value becomes a known status, so a hand-edited file cannot break rendering. */
export function decisionStatus(value: unknown): DecisionStatus {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (decisionStatuses as readonly string[]).includes(v) ? (v as DecisionStatus) : 'proposed';
}

// One line of bounded text: anything else becomes '' (a number, an object), line breaks spaces.
const line = (max: number) =>
  z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' ? v.replace(/\r\n?|\n/g, ' ').slice(0, max) : ''));
const list = <T extends z.ZodType>(item: T, max: number) =>
  z
    .unknown()
    .optional()
    .transform((v) => (Array.isArray(v) ? v.slice(0, max) : []))
    .pipe(z.array(item));

// Items that are not objects become empty ones rather than failing the whole record; only own
// properties are read (an inherited `title` is not the record's).
const objectOr = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v)) : {};
const item = <T extends z.ZodRawShape>(shape: T) => z.preprocess(objectOr, z.object(shape));

const pointSchema = item({
  kind: z
    .unknown()
    .optional()
    .transform((v): 'good' | 'bad' => (v === 'bad' ? 'bad' : 'good')),
  text: line(LIMITS.line),
});
const optionSchema = item({
  title: line(LIMITS.line),
  description: line(LIMITS.text),
  points: list(pointSchema, LIMITS.points),
});
const metaSchema = item({ key: line(LIMITS.short), value: line(LIMITS.line) });

const attrsSchema = z.object({
  title: line(LIMITS.line),
  status: z.unknown().optional().transform(decisionStatus),
  date: line(LIMITS.short),
  deciders: line(LIMITS.line),
  supersededBy: line(LIMITS.line),
  meta: list(metaSchema, LIMITS.meta),
  options: list(optionSchema, LIMITS.options),
  chosen: z.unknown().optional(),
  consequences: list(pointSchema, LIMITS.points),
});

export type DecisionPoint = z.infer<typeof pointSchema>;
export type DecisionOption = z.infer<typeof optionSchema>;
export type DecisionMeta = z.infer<typeof metaSchema>;
export type DecisionRecordAttrs = Omit<z.infer<typeof attrsSchema>, 'chosen'> & { chosen: number | null };

/** Metadata keys with an attr of their own (matched without case); other keys stay in `meta`. */
export const knownMetaKeys = new Map<string, 'status' | 'date' | 'deciders' | 'supersededBy'>([
  ['status', 'status'],
  ['date', 'date'],
  ['deciders', 'deciders'],
  ['superseded by', 'supersededBy'],
]);

export function decisionAttrs(raw: unknown): DecisionRecordAttrs {
  const parsed = attrsSchema.parse(objectOr(raw));
  const chosen = parsed.chosen;
  return {
    ...parsed,
    // A key with an attr of its own (or none at all) is not an extra line.
    meta: parsed.meta.filter(
      (m) => m.key.trim() !== '' && !m.key.includes(':') && !knownMetaKeys.has(m.key.trim().toLowerCase()),
    ),
    chosen:
      typeof chosen === 'number' && Number.isInteger(chosen) && chosen >= 0 && chosen < parsed.options.length
        ? chosen
        : null,
  };
}

/** True when a field of `a` is longer than decisionAttrs keeps (it would be cut). */
export function decisionTextTooLong(a: DecisionRecordAttrs): boolean {
  const lines = [a.title, a.deciders, a.supersededBy, ...a.meta.map((m) => m.value)];
  for (const o of a.options) lines.push(o.title, ...o.points.map((p) => p.text));
  lines.push(...a.consequences.map((c) => c.text));
  return (
    lines.some((l) => l.length > LIMITS.line) ||
    a.date.length > LIMITS.short ||
    // Stryker disable next-line ArrowFunction: its one caller reads keys of at most 60 characters (keyValue), so no key is ever over
    a.meta.some((m) => m.key.length > LIMITS.short) ||
    a.options.some((o) => o.description.length > LIMITS.text)
  );
}

export const emptyDecision = (): DecisionRecordAttrs => decisionAttrs({ options: [{}, {}] });

/** The record's text held in attrs, one line each (for plain text, search and word counts). */
export function decisionText(attrs: DecisionRecordAttrs): string[] {
  const lines = [`Decision: ${attrs.title}`, attrs.date, attrs.deciders, attrs.supersededBy];
  for (const m of attrs.meta) lines.push(m.key, m.value);
  for (const o of attrs.options) lines.push(o.title, o.description, ...o.points.map((p) => p.text));
  for (const c of attrs.consequences) lines.push(c.text);
  return lines.filter((l) => l.trim() !== '');
}
