// Two versions of one study merged against their common ancestor, by meaning: each field of
// study-fields.ts by its own rule (its `merge`), each section block by block
// (section-merge.ts). What both sides changed differently keeps ours and is recorded in the
// study's conflict list with theirs (conflict-schema.ts): nothing is lost, and the file stays a
// valid study with no conflict markers.
import { seededBlockId } from '../rich-text/block-ids';
import type { RichTextDoc } from '../schemas/rich-text';
import { sectionKeys } from '../schemas/section-keys';
import { fieldKeys, studyFields, type FieldKey } from '../schemas/study-fields';
import type { Study } from '../schemas/study';
import type { Conflict } from './conflict-schema';
import { conflictListAfterMerge, conflictOf } from './conflict-list';
import { canonicalJson, mergeSet, mergeValue } from './json-merge';
import { alignIdsWith, mergeSection } from './section-merge';
import { studyToWrite } from './study-on-write';

export interface MergeOptions {
  /** When the merge happens (each conflict's `at`); now when not given. */
  now?: Date;
  /** Who made their side's changes (a git author), recorded with each conflict. */
  theirsAuthor?: string;
}

export interface StudyMerge {
  study: Study;
  /** Conflicts this merge recorded (the study's list may hold older ones too). */
  conflicts: number;
}

/** The side as a merge needs it: every block with an id, the same on every machine (study-on-write.ts). */
export function withSeededIds(study: Study): Study {
  return studyToWrite(study, (section, path) => seededBlockId(`${study.id}/${section}/${path}`));
}

const later = (a: string, b: string) => (a >= b ? a : b);
const earlier = (a: string, b: string) => (a <= b ? a : b);

/** `base` null: the study was added on both sides (each field that differs is a conflict). */
export function mergeStudies(
  base: Study | null,
  oursIn: Study,
  theirsIn: Study,
  options: MergeOptions = {},
): StudyMerge {
  const at = (options.now ?? new Date()).toISOString();
  const ours = withSeededIds(oursIn);
  const theirs = withSeededIds(theirsIn);
  const result: Record<string, unknown> = { schemaVersion: ours.schemaVersion };
  const recorded: Conflict[] = [];
  for (const key of fieldKeys) {
    // No rule: `value`, the last branch.
    const rule = studyFields[key].merge;
    const [b, o, t] = [base?.[key], ours[key], theirs[key]] as [unknown, unknown, unknown];
    if (rule === 'ours' || rule === 'derived' || rule === 'conflicts') result[key] = o;
    else if (rule === 'later') result[key] = later(o as string, t as string);
    else if (rule === 'earlier') result[key] = earlier(o as string, t as string);
    else if (rule === 'set') result[key] = mergeSet(b as unknown[] | undefined, o as unknown[], t as unknown[]);
    else {
      const merged = mergeValue(b, o, t);
      result[key] = merged.value;
      if (merged.conflict)
        recorded.push(conflictOf({ kind: 'field', field: key as FieldKey }, o, t, at, options.theirsAuthor));
    }
  }
  for (const section of sectionKeys) {
    const baseDoc: RichTextDoc | null = base?.[section] ?? null;
    const merged = mergeSection(baseDoc, ours[section], theirs[section]);
    result[section] = merged.doc;
    for (const c of merged.conflicts)
      recorded.push(conflictOf({ kind: 'block', section, block: c.block }, c.mine, c.theirs, at, options.theirsAuthor));
  }
  // Stryker disable next-line ArrayDeclaration: a base list holding a stray string resolves nothing
  result.conflicts = conflictListAfterMerge(base?.conflicts ?? [], ours.conflicts, theirs.conflicts, recorded);
  const study = studyToWrite(result as Study);
  return { study: withFreshTime(study, ours, theirs), conflicts: recorded.length };
}

/**
 * updatedAt is the later side's; when the merge made a version that side did not have, 1 ms
 * later still, so a window holding that version sees the file changed (its saves are
 * compare-and-swap on updatedAt) instead of writing over what the merge brought in.
 */
function withFreshTime(study: Study, ours: Study, theirs: Study): Study {
  const newest = ours.updatedAt >= theirs.updatedAt ? ours : theirs;
  const content = ({ updatedAt: _time, ...rest }: Study) => canonicalJson(rest);
  if (content(study) === content(newest)) return study;
  return { ...study, updatedAt: new Date(Date.parse(newest.updatedAt) + 1).toISOString() };
}

/** For a side read from an older file: its blocks take base's ids where they are the same blocks. */
export function alignedWith(base: Study | null, side: Study): Study {
  if (!base) return side;
  const next = { ...side };
  for (const section of sectionKeys) next[section] = alignIdsWith(base[section], side[section]);
  return next;
}
