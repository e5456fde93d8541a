// Resolving one recorded conflict (merge/conflict-schema.ts) as the author chose:
// - mine: the study stays as it is; the record goes.
// - theirs: their value of the field, or their block in place of ours (removed when they
//   had removed it).
// - both: for a block, ours stays and theirs follows it as a new block (a new id); for text
//   fields the two are joined (title "A / B", summary as two paragraphs); for lists (tags,
//   categories, authors, key results) the union; refused when the result would be longer than
//   the field holds (merge/keep-both.ts). A field where both cannot stand together
//   (status, a date, the slug, the cover…) keeps mine here and asks for a conflict copy: a new
//   draft study with their value (the handler makes it, see study-handlers.ts).
import { CasebookError } from '../errors';
import { blockIdOf, BLOCK_ID_ATTR, randomBlockId } from '../rich-text/block-ids';
import { metricLimits } from '../schemas/metrics';
import { richTextDocSchema, type RichTextDoc, type RichTextNode } from '../schemas/rich-text';
import { limits, studyFields, type FieldKey } from '../schemas/study-fields';
import type { Study, StudyPatch } from '../schemas/study';
import type { Conflict, ConflictChoice } from './conflict-schema';
import { studyFieldLabel } from '../sync/conflict-text';
import { byName, joinTexts, unite } from './keep-both';

export interface Resolution {
  /** The study's fields to change (its conflict list always among them). */
  change: Partial<Study>;
  /** Their value of a field both cannot share: a conflict copy of the study carrying it. */
  conflictCopy: StudyPatch | null;
}

const isField = (name: string): name is FieldKey =>
  Object.hasOwn(studyFields, name) && studyFields[name as FieldKey].owner === 'author';

/** Their value, checked against the field's rules (a hostile file may record anything). */
function theirValue(field: FieldKey, value: unknown): unknown {
  const parsed = studyFields[field].schema.safeParse(value);
  if (!parsed.success)
    throw new CasebookError(
      'invalid_input',
      `Their value of "${studyFieldLabel(field)}" is not valid any more; keep yours instead.`,
    );
  return parsed.data;
}

/**
 * Lists whose Keep both is their union, within the field's own limit: names compared as the form
 * compares them; a key result is one only when it is the same figure, so two sides' figures for
 * one label both stay for the author to choose between.
 */
const listFields = new Map<string, { max: number; key?: (item: unknown) => string }>([
  ['tags', { max: limits.tags, key: byName }],
  ['categories', { max: limits.categories, key: byName }],
  ['authors', { max: limits.authors, key: byName }],
  ['metrics', { max: metricLimits.metrics }],
]);

function bothValues(field: FieldKey, mine: unknown, theirs: unknown): { value: unknown } | null {
  const label = studyFieldLabel(field);
  if (field === 'title' && typeof mine === 'string' && typeof theirs === 'string')
    return { value: joinTexts(mine, theirs, { separator: ' / ', max: limits.title, label }) };
  if (field === 'summary' && typeof mine === 'string' && typeof theirs === 'string')
    return { value: joinTexts(mine, theirs, { separator: '\n\n', max: limits.summary, label }) };
  const list = listFields.get(field);
  if (list && Array.isArray(mine) && Array.isArray(theirs)) return { value: unite(mine, theirs, { ...list, label }) };
  return null;
}

function resolveField(study: Study, field: FieldKey, conflict: Conflict, choice: ConflictChoice): Resolution {
  const rest = study.conflicts.filter((c) => c.id !== conflict.id);
  if (choice === 'mine') return { change: { conflicts: rest }, conflictCopy: null };
  const theirs = theirValue(field, conflict.theirs);
  if (choice === 'theirs') return { change: { [field]: theirs, conflicts: rest }, conflictCopy: null };
  const both = bothValues(field, study[field], theirs);
  if (both) return { change: { [field]: theirValue(field, both.value), conflicts: rest }, conflictCopy: null };
  return { change: { conflicts: rest }, conflictCopy: { [field]: theirs } as StudyPatch };
}

/** Their block, checked as a section's block (the record came through git and may hold anything). */
function theirBlock(conflict: Conflict): RichTextNode | null {
  const value = conflict.theirs;
  if (value === null) return null;
  // Checked as a section holding it, with a section's bounds (depth, attributes); a document
  // or a bare text run is no block of a section.
  const parsed = richTextDocSchema.safeParse({ type: 'doc', content: [value] });
  const block = parsed.success ? parsed.data.content?.[0] : undefined;
  if (!block || block.type === 'doc' || block.type === 'text')
    throw new CasebookError('invalid_input', 'Their block is not valid any more; keep yours instead.');
  return block;
}

const withId = (node: RichTextNode, id: string): RichTextNode => ({
  ...node,
  attrs: { ...node.attrs, [BLOCK_ID_ATTR]: id },
});

function resolveBlock(
  study: Study,
  conflict: Conflict & { where: { kind: 'block' } },
  choice: ConflictChoice,
): Resolution {
  const rest = study.conflicts.filter((c) => c.id !== conflict.id);
  if (choice === 'mine') return { change: { conflicts: rest }, conflictCopy: null };
  const { section, block } = conflict.where;
  const doc: RichTextDoc = study[section];
  const content = [...(doc.content ?? [])];
  const at = content.findIndex((node) => blockIdOf(node) === block);
  const theirs = theirBlock(conflict);
  if (choice === 'theirs') {
    if (theirs && at < 0) content.push(withId(theirs, block));
    else if (theirs) content[at] = withId(theirs, block);
    else if (at >= 0) content.splice(at, 1);
  } else if (theirs) {
    // Keep both: theirs after mine (at the end when mine is gone), as a block of its own.
    content.splice(at < 0 ? content.length : at + 1, 0, withId(theirs, randomBlockId()));
  }
  // A section keeps at least one block (the editor's empty document is one paragraph).
  if (content.length === 0) content.push({ type: 'paragraph', attrs: { [BLOCK_ID_ATTR]: randomBlockId() } });
  return { change: { [section]: { ...doc, content }, conflicts: rest }, conflictCopy: null };
}

/** What resolving `conflictId` with `choice` changes in `study`; not_found when there is no such conflict. */
export function resolveConflict(study: Study, conflictId: string, choice: ConflictChoice): Resolution {
  const conflict = study.conflicts.find((c) => c.id === conflictId);
  if (!conflict)
    throw new CasebookError(
      'not_found',
      'That conflict is no longer in the study (it may have been resolved already).',
    );
  const { where } = conflict;
  if (where.kind === 'block') return resolveBlock(study, { ...conflict, where }, choice);
  if (!isField(where.field) || where.item !== undefined) {
    // A field this Casebook does not know (or may not change): only dropping the record is possible.
    if (choice === 'mine')
      return { change: { conflicts: study.conflicts.filter((c) => c.id !== conflictId) }, conflictCopy: null };
    throw new CasebookError(
      'invalid_input',
      `"${studyFieldLabel(where.field)}" is not a field this Casebook can change; keep yours.`,
    );
  }
  return resolveField(study, where.field, conflict, choice);
}
