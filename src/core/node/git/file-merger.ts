// The file merger the engine uses: Part M's mergeWorkspaceFile (merge by field and block),
// loaded when a merge first needs it.
import type { FileMerger } from './tree-merge';

export async function loadFileMerger(): Promise<FileMerger> {
  // PROVISIONAL until Part M's src/core/pure/merge/workspace-file-merge.ts is merged: both sides
  // changed one file → ours is kept and the difference counted as a conflict (theirs stays in history).
  return (_path, _base, ours, theirs) => ({ text: ours, conflicts: ours === theirs ? 0 : 1 });
}
