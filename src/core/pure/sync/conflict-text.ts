// A kept conflict (merge/conflict-schema.ts) in words the author can judge: where it is
// ("Title", "Problem, paragraph 3") and each side's value as plain text. Pure, so the study's
// conflict notice only draws it.
import type { Conflict } from '../merge/conflict-schema';
import { docToPlainText, richTextNodeSchema, type RichTextNode } from '../schemas/rich-text';
import { sectionLabels, type SectionKey, type Study } from '../schemas/study';
import { siteSettingLabels } from '../schemas/site';
import { templateKeyLabels } from '../templates/template-schema';

/** What the author calls each field; a field not named here shows as its key. */
const fieldLabels = new Map<string, string>([
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['date', 'Date'],
  ['slug', 'Address (slug)'],
  ['categories', 'Categories'],
  ['tags', 'Tags'],
  ['authors', 'Authors'],
  ['featured', 'Featured'],
  ['outcome', 'Outcome'],
  ['status', 'Status'],
  ['metrics', 'Key results'],
  ['cover', 'Cover image'],
  ['language', 'Language'],
]);

/** A study field's name as the author knows it ("Key results"), or its key made printable. */
export const studyFieldLabel = (field: string): string => fieldLabels.get(field) ?? printable(field);

const blockNames = new Map<string, string>([
  ['paragraph', 'paragraph'],
  ['heading', 'heading'],
  ['bulletList', 'list'],
  ['orderedList', 'numbered list'],
  ['taskList', 'task list'],
  ['blockquote', 'quote'],
  ['codeBlock', 'code block'],
  ['table', 'table'],
  ['image', 'image'],
  ['callout', 'callout'],
  ['decisionRecord', 'decision record'],
  ['timeline', 'timeline'],
]);

/**
 * A name from a conflict record (a field's or an item's; the file came through git) made safe to
 * print: control characters (terminal escapes, newlines that fake a line), line separators and
 * bidirectional overrides become one space each run.
 */
export const printable = (text: string): string =>
  text.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu, ' ');

const isNode = (value: unknown): value is RichTextNode =>
  value !== null &&
  // Stryker disable next-line ConditionalExpression: a string or a number holds no string `type` either
  typeof value === 'object' &&
  typeof (value as { type?: unknown }).type === 'string';

/** Where a conflict is: a field's name, or a section and which block of it (by its position now). */
export function conflictPlace(conflict: Pick<Conflict, 'where' | 'mine' | 'theirs'>, study: Study): string {
  const { where } = conflict;
  if (where.kind === 'field') return studyFieldLabel(where.field);
  const section = sectionLabels[where.section as SectionKey];
  const blocks = study[where.section as SectionKey].content ?? [];
  const index = blocks.findIndex((block) => isNode(block) && block.attrs?.id === where.block);
  const sample = [conflict.mine, conflict.theirs].find(isNode);
  const kind = (sample && blockNames.get(sample.type)) ?? 'block';
  return index >= 0 ? `${section}, ${kind} ${index + 1}` : `${section}, a ${kind}`;
}

/**
 * Where a conflict in casebook.json ('site') or a template is, by the labels the settings are
 * declared with: "Title", "Accent colour", "Authors: Dana Kim", a template's "Section: Problem".
 */
export function settingConflictPlace(conflict: Pick<Conflict, 'where'>, file: 'site' | 'template'): string {
  return printable(settingPlace(conflict.where, file));
}

function settingPlace(where: Conflict['where'], file: 'site' | 'template'): string {
  if (where.kind !== 'field') return 'A block';
  if (file === 'template' && where.field === 'sections' && where.item !== undefined)
    return `Section: ${Object.hasOwn(sectionLabels, where.item) ? sectionLabels[where.item as SectionKey] : where.item}`;
  const labels = file === 'site' ? new Map(Object.entries(siteSettingLabels)) : templateKeyLabels;
  const label = labels.get(where.field) ?? where.field;
  return where.item === undefined ? label : `${label}: ${where.item}`;
}

/** One side's value as text: a block's words, a field's value, or that it was removed. */
export function conflictValueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(removed)';
  // A block as the schema shapes one: a conflict's value comes from a file (a hostile
  // casebook.json may hold `content: "abc"`), and only a block of that shape is read as words.
  if (isNode(value) && richTextNodeSchema.safeParse(value).success)
    return docToPlainText(value) || `(${blockNames.get(value.type) ?? 'block'} without text)`;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? value.join(', ') : JSON.stringify(value);
  // A named entry (a site author): its words, not its JSON. (Numbers and true or false are
  // their JSON, as every value here came from JSON.)
  // Stryker disable next-line ConditionalExpression: what reaches here and is not an object is a number or a boolean, which has no name
  if (typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string')
    return Object.values(value)
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .join(' · ');
  return JSON.stringify(value);
}
