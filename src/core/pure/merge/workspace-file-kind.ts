// Which workspace files Casebook merges by meaning, declared once: the merge itself
// (workspace-file-merge.ts), the merge driver and the git engine's tree merge ask here. Kept
// apart from the merge so the engine can ask without loading the schemas.
export type WorkspaceFileKind = 'study' | 'site' | 'template';

/** What Casebook merges by meaning at `filepath` (relative to the workspace, `/`), or null for other files. */
export function workspaceFileKind(filepath: string): WorkspaceFileKind | null {
  if (filepath === 'casebook.json') return 'site';
  if (/^studies\/[^/]+\.json$/.test(filepath)) return 'study';
  if (/^templates\/[^/]+\.json$/.test(filepath)) return 'template';
  return null;
}
