// Study files of an older format, upgraded as they are read; the store writes the current
// format with the next save ("upgraded on write"). A field added to the table (study-fields.ts,
// `since` = the next format) needs nothing here: an older file gets its `initial` value. Only a
// change of shape (a renamed key, a split value) is written here as a reshape to its format.
import { z } from 'zod';
import { STUDY_FORMAT, studyFields, type StudyField } from './study-fields';
import { seededBlockId, withBlockIds } from '../rich-text/block-ids';
import { sectionKeys } from './section-keys';
import { studySchema } from './study';

type Json = Record<string, unknown>;

/** Turns a file of format `to - 1` into format `to`, before added fields are filled. */
export interface Reshape {
  to: number;
  up(study: Json): Json;
}

/**
 * Format 5 gives every block an id (rich-text/block-ids.ts). Derived from the study's id, the
 * section and the block's position alone, so two clones upgrading the same file make the same
 * ids, and a merge of their next saves matches the blocks. Written with the next save.
 */
const blockIds: Reshape = {
  to: 5,
  up(study) {
    const next = { ...study };
    const id = typeof study.id === 'string' ? study.id : '';
    for (const key of sectionKeys)
      if (Object.hasOwn(study, key))
        next[key] = withBlockIds(study[key], (path) => seededBlockId(`${id}/${key}/${path}`));
    return next;
  },
};

/** The reshapes of every format so far, oldest first. */
export const reshapes: readonly Reshape[] = [blockIds];

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `json` upgraded to format `format` when it claims an older one; anything else is returned
 * as it is (the schema then judges it; a newer format never reaches here, see json-file.ts).
 */
export function upgradeStudy(
  json: unknown,
  fields: Readonly<Record<string, StudyField<unknown>>> = studyFields,
  steps: readonly Reshape[] = reshapes,
  format: number = STUDY_FORMAT,
): unknown {
  if (!isObject(json)) return json;
  const from = json.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1 || from >= format) return json;
  let study: Json = { ...json };
  for (const step of steps) if (step.to > from && step.to <= format) study = step.up(study);
  const context = {
    id: typeof study.id === 'string' ? study.id : '',
    slug: typeof study.slug === 'string' ? study.slug : '',
    now: typeof study.updatedAt === 'string' ? study.updatedAt : new Date(0).toISOString(),
  };
  for (const [key, field] of Object.entries(fields)) {
    if (field.since > from && !Object.hasOwn(study, key)) study[key] = field.initial(context);
  }
  study.schemaVersion = format;
  return study;
}

/**
 * Every block with an id as a study is read, whatever wrote the file (an older Casebook, a
 * hand edit, a tool): missing or repeated ids get the ids the format 5 reshape would give, so
 * every read and every machine agrees, and the editor finds nothing to add (opening a study
 * must not change it). They are written with the study's next save.
 */
function withIdsOnRead(json: unknown): unknown {
  return isObject(json) ? blockIds.up(json) : json;
}

/** The schema study files are read with: older formats upgraded, then checked in full. */
export const studyFileSchema = z.preprocess((json) => withIdsOnRead(upgradeStudy(json)), studySchema);
