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
import { MAX_CONFLICTS, type Conflict, type ConflictList, type ConflictWhere } from './conflict-schema';
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

/** Conflicts still open on both sides: those either side resolved (in base, gone from it) are gone. */
function mergeConflictLists(base: ConflictList, ours: ConflictList, theirs: ConflictList): ConflictList {
  const resolved = new Set(
    base.filter((c) => !ours.some((o) => o.id === c.id) || !theirs.some((t) => t.id === c.id)).map((c) => c.id),
  );
  const out = new Map<string, Conflict>();
  for (const c of [...ours, ...theirs]) if (!resolved.has(c.id) && !out.has(c.id)) out.set(c.id, c);
  return [...out.values()];
}

function conflictOf(where: ConflictWhere, mine: unknown, theirs: unknown, options: MergeOptions, at: string): Conflict {
  // The same disagreement merged on two machines gets the same id, so their lists unite without a double.
  const id = seededBlockId(canonicalJson([where, mine, theirs]));
  const conflict: Conflict = { id, at, where, mine, theirs };
  if (options.theirsAuthor) conflict.theirsAuthor = options.theirsAuthor.slice(0, 200);
  return conflict;
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
    const rule = studyFields[key].merge ?? 'value';
    const [b, o, t] = [base?.[key], ours[key], theirs[key]] as [unknown, unknown, unknown];
    if (rule === 'ours' || rule === 'derived' || rule === 'conflicts') result[key] = o;
    else if (rule === 'later') result[key] = later(o as string, t as string);
    else if (rule === 'earlier') result[key] = earlier(o as string, t as string);
    else if (rule === 'set') result[key] = mergeSet(b as unknown[] | undefined, o as unknown[], t as unknown[]);
    else {
      const merged = mergeValue(b, o, t);
      result[key] = merged.value;
      if (merged.conflict) recorded.push(conflictOf({ kind: 'field', field: key as FieldKey }, o, t, options, at));
    }
  }
  for (const section of sectionKeys) {
    const baseDoc: RichTextDoc | null = base?.[section] ?? null;
    const merged = mergeSection(baseDoc, ours[section], theirs[section]);
    result[section] = merged.doc;
    for (const c of merged.conflicts)
      recorded.push(conflictOf({ kind: 'block', section, block: c.block }, c.mine, c.theirs, options, at));
  }
  const open = mergeConflictLists(base?.conflicts ?? [], ours.conflicts, theirs.conflicts);
  const known = new Set(open.map((c) => c.id));
  // Bounded: past MAX_CONFLICTS the oldest records go (the newest disagreements are the ones to settle).
  result.conflicts = [...open, ...recorded.filter((c) => !known.has(c.id))].slice(-MAX_CONFLICTS);
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
  const content = (s: Study) => canonicalJson({ ...s, updatedAt: '' });
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
