// The file merger the engine uses: Part M's mergeWorkspaceFile (merge by field and block, the
// same function `casebook merge-driver` runs under plain git), loaded when a merge first needs it.
import type { FileMerger } from './tree-merge';

export async function loadFileMerger(): Promise<FileMerger> {
  const { mergeWorkspaceFile } = await import('../../pure/merge/workspace-file-merge');
  return mergeWorkspaceFile;
}
