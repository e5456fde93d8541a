// Resolving one conflict recorded in a template file (settings-merge.ts), as the author chose.
// Mine: the key stays, the record goes. Theirs: their value, or the key left out when theirs
// had none. Both: a name, description or summary hint as "Mine / Theirs"; a section's text as
// two paragraphs, a section's document as mine then theirs; tags, categories and key results
// united; the outcome holds one value, so mine is kept and the answer says so. Either side's
// value is checked against the key's rules first: the file came through git, unvalidated.
import { CasebookError } from '../errors';
import type { RichTextDoc } from '../schemas/rich-text';
import { metricLimits } from '../schemas/metrics';
import {
  templateFileSchema,
  templateKeyLabels,
  templateLimits,
  templateSectionSchema,
} from '../templates/template-schema';
import type { ConflictChoice } from './conflict-schema';
import { printable } from '../sync/conflict-text';
import { seededBlockId, withBlockIds } from '../rich-text/block-ids';
import { byName, joinTexts, unite } from './keep-both';
import { findConflict, notASetting, notValid, oneValueNote, type SettingsResolution } from './settings-resolution';

type Json = Record<string, unknown>;
type TemplateKey = keyof typeof templateFileSchema.shape;

const templateTextKeys = new Set(['name', 'description', 'summaryPrompt']);

/** Both versions of a template's value, where they can stand together; null for a one-value key. */
function bothTemplateValues(key: string, mine: unknown, theirs: unknown, label: string): { value: unknown } | null {
  if (key === 'sections') {
    if (typeof mine === 'string' && typeof theirs === 'string')
      return { value: joinTexts(mine, theirs, { separator: '\n\n', max: templateLimits.section, label }) };
    if (typeof mine !== typeof theirs)
      throw new CasebookError(
        'invalid_input',
        `Keeping both would mix Markdown text and a document in "${label}": keep yours or take theirs, and add the rest by hand.`,
      );
    if (typeof mine === 'object' && typeof theirs === 'object') {
      const [ours, other] = [mine as RichTextDoc, theirs as RichTextDoc];
      // Their blocks after mine; a block id both share (one base) gets a new id on the second copy.
      const doc = { ...ours, content: [...(ours.content ?? []), ...(other.content ?? [])] };
      return { value: withBlockIds(doc, (path, copied) => seededBlockId(`${copied ?? ''}:${path}`)) };
    }
    return null;
  }
  // Text a person wrote joins; the outcome is a string too, but one of four values.
  if (templateTextKeys.has(key) && typeof mine === 'string' && typeof theirs === 'string')
    return { value: joinTexts(mine, theirs, { separator: ' / ', max: templateLimits[key as 'name'], label }) };
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    // A key result is one only when it is the same suggestion: two for one label both stay.
    if (key === 'metrics') return { value: unite(mine, theirs, { max: metricLimits.metrics, label }) };
    if (key === 'tags' || key === 'categories')
      return { value: unite(mine, theirs, { max: templateLimits[key], label, key: byName }) };
  }
  return null;
}

/** A template file (its keys as written) after resolving `conflictId` with `choice`. */
export function resolveTemplateConflict(
  file: Json,
  conflictId: string,
  choice: ConflictChoice,
): SettingsResolution<Json> {
  const listed = templateFileSchema.shape.conflicts.safeParse(file.conflicts);
  const conflicts = listed.success ? (listed.data ?? []) : [];
  const conflict = findConflict(conflicts, conflictId, 'template');
  const rest = conflicts.filter((c) => c.id !== conflictId);
  const withList = (value: Json): Json => {
    const { conflicts: _old, ...others } = value;
    return rest.length > 0 ? { ...others, conflicts: rest } : others;
  };
  if (choice === 'mine') return { value: withList(file), conflicts: rest, note: null };
  if (conflict.where.kind !== 'field') throw notASetting('a template does');
  const { field, item } = conflict.where;
  const label = printable((templateKeyLabels.get(field) ?? field) + (item ? `: ${item}` : ''));
  // The conflict list has no label: it is no key to resolve.
  if (!templateKeyLabels.has(field))
    throw new CasebookError(
      'invalid_input',
      `"${printable(field)}" is not a template key this Casebook knows; keep yours.`,
    );
  const schema = item === undefined ? templateFileSchema.shape[field as TemplateKey] : templateSectionSchema;
  const checked = (value: unknown, refusal: () => CasebookError): unknown => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw refusal();
    return parsed.data;
  };
  const mineNotValid = () =>
    new CasebookError('invalid_input', `Your value of "${label}" is not valid; correct the template file first.`);
  const current = Object.hasOwn(file, field) ? file[field] : undefined;
  const isParts = typeof current === 'object' && current !== null && !Array.isArray(current);
  if (item !== undefined && current !== undefined && !isParts) throw mineNotValid();
  const parts = (isParts ? current : {}) as Json;
  const mine = item === undefined ? current : Object.hasOwn(parts, item) ? parts[item] : undefined;
  // null: their value was none (an outcome left unset). Take theirs leaves the key out, which
  // reads as none; Keep both keeps mine, and says so when mine is something.
  const theirs = conflict.theirs === null ? undefined : checked(conflict.theirs, () => notValid(label));
  let value = theirs;
  let note: string | null = null;
  if (choice === 'both' && mine !== undefined) {
    const both = theirs === undefined ? null : bothTemplateValues(field, checked(mine, mineNotValid), theirs, label);
    if (both) value = both.value;
    else {
      value = mine;
      note =
        conflict.theirs === null
          ? printable(`${label}: yours is kept (theirs had none).`)
          : oneValueNote(label, conflict.theirs);
    }
  }
  const next = withValue(file, field, item === undefined ? undefined : { parts, item }, value);
  if (!templateFileSchema.safeParse(next).success)
    throw templateFileSchema.safeParse(file).success
      ? notValid(label)
      : new CasebookError('invalid_input', 'The template file is not valid as it stands; correct it first.');
  return { value: withList(next), conflicts: rest, note };
}

/** The file with `field` (or one part of it) set to `value`, or left out when `value` is undefined. */
function withValue(file: Json, field: string, part: { parts: Json; item: string } | undefined, value: unknown): Json {
  const set = (object: Json, key: string): Json => {
    const { [key]: _old, ...others } = object;
    return value === undefined ? others : { ...others, [key]: value };
  };
  return part ? { ...file, [field]: set(part.parts, part.item) } : set(file, field);
}
