// The bar above the open study: which workspace this is, whether edits are saved, and the
// Preview and Export buttons; below it, why the workspace is read-only or what just failed.
import type { WorkspaceInfo } from '../../../core/pure/contract';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { SaveStatus } from '../components/SaveStatus';

interface WorkspaceToolbarProps {
  info: WorkspaceInfo | null;
  autosave: AutosaveQueue;
  hasStudy: boolean;
  previewOpen: boolean;
  onTogglePreview: () => void;
  onExport: () => void;
  problem: string | null;
}

export function WorkspaceToolbar({
  info,
  autosave,
  hasStudy,
  previewOpen,
  onTogglePreview,
  onExport,
  problem,
}: WorkspaceToolbarProps) {
  return (
    <>
      <header className="toolbar">
        {info ? (
          <span className="workspace-name" title={info.path}>
            Workspace: {info.name}
          </span>
        ) : null}
        <SaveStatus autosave={autosave} />
        <div className="toolbar-actions">
          <button type="button" aria-pressed={previewOpen} disabled={!hasStudy} onClick={onTogglePreview}>
            Preview
          </button>
          <button type="button" disabled={!info} onClick={onExport}>
            Export
          </button>
        </div>
      </header>
      {info?.readOnly ? (
        <div className="banner banner-readonly" role="alert">
          <strong>Read-only workspace.</strong> {info.readOnlyReason ?? ''}
        </div>
      ) : null}
      {problem ? (
        <div className="banner banner-error" role="alert">
          {problem}
        </div>
      ) : null}
    </>
  );
}
