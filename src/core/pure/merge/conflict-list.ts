// Building a file's conflict list at a merge, the same for studies, casebook.json and templates:
// the records both sides still hold, plus what this merge could not decide, bounded.
import { seededBlockId } from '../rich-text/block-ids';
import { MAX_CONFLICTS, type Conflict, type ConflictList, type ConflictWhere } from './conflict-schema';
import { canonicalJson } from './json-merge';

/** Conflicts still open on both sides: those either side resolved (in base, gone from it) are gone. */
export function mergeConflictLists(base: ConflictList, ours: ConflictList, theirs: ConflictList): ConflictList {
  const resolved = new Set(
    base.filter((c) => !ours.some((o) => o.id === c.id) || !theirs.some((t) => t.id === c.id)).map((c) => c.id),
  );
  const out = new Map<string, Conflict>();
  for (const c of [...ours, ...theirs]) if (!resolved.has(c.id) && !out.has(c.id)) out.set(c.id, c);
  return [...out.values()];
}

/** One record; the same disagreement merged on two machines gets the same id, so their lists unite without a double. */
export function conflictOf(
  where: ConflictWhere,
  mine: unknown,
  theirs: unknown,
  at: string,
  theirsAuthor?: string,
): Conflict {
  const id = seededBlockId(canonicalJson([where, mine, theirs]));
  const conflict: Conflict = { id, at, where, mine, theirs };
  if (theirsAuthor) conflict.theirsAuthor = theirsAuthor.slice(0, 200);
  return conflict;
}

/** The open records and this merge's new ones; past MAX_CONFLICTS the oldest go (the newest disagreements are the ones to settle). */
export function conflictListAfterMerge(
  base: ConflictList,
  ours: ConflictList,
  theirs: ConflictList,
  recorded: Conflict[],
): ConflictList {
  const open = mergeConflictLists(base, ours, theirs);
  const known = new Set(open.map((c) => c.id));
  return [...open, ...recorded.filter((c) => !known.has(c.id))].slice(-MAX_CONFLICTS);
}
