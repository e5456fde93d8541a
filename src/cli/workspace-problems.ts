// What the CLI says about files it set aside or left out, after any command that read the workspace.
import type { WorkspaceInfo } from '../core/pure/contract';

export function reportWorkspaceProblems(info: WorkspaceInfo): void {
  if (info.readOnly) console.error(`Note: ${info.readOnlyReason}`);
  for (const q of info.quarantined) console.error(`Quarantined ${q.file} → ${q.storedAs}: ${q.reason}`);
  for (const s of info.skipped) console.error(`Skipped ${s.file} (left where it is): ${s.reason}`);
}
