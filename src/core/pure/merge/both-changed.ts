// What happens to a file both sides changed (each differently from the base), declared once:
// the tree merge of two commits (git/tree-merge.ts) and the merge of a save made during a sync
// (git/merge-apply.ts) both follow it. A deletion never wins over an edit; studies, site
// settings and templates merge by meaning; any other file (an image) keeps ours, and theirs
// stays in the repository's history.
import { workspaceFileKind } from './workspace-file-kind';

export type BothChanged = 'ours' | 'theirs' | 'merge';

/** Files that merge by meaning; others keep our side when both changed them. */
export const mergesByMeaning = (p: string): boolean => workspaceFileKind(p) !== null;

/**
 * Which side a file both changed keeps, given whether each side still has it. 'ours' for a
 * file both edited that does not merge by meaning is a conflict the file cannot record.
 */
export function whenBothChanged(filepath: string, oursExists: boolean, theirsExists: boolean): BothChanged {
  if (!oursExists) return 'theirs'; // deleted here, changed there: the change is kept
  if (!theirsExists) return 'ours'; // changed here, deleted there: the change is kept
  return mergesByMeaning(filepath) ? 'merge' : 'ours';
}
