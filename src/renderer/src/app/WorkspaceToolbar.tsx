// The bar above the open study: the Library drawer's button (narrow windows), which workspace
// this is, whether edits are saved, and the study's view: Checks, Properties, Focus mode,
// Preview and Export. Below it, why the workspace is read-only or what just failed. In focus
// mode only the save state and the ways out (and typewriter scrolling) stay.
import { Eye, Focus, Library, PanelRight, TextCursor, Upload } from 'lucide-react';
import type { RefObject } from 'react';
import type { WorkspaceInfo } from '../../../core/pure/contract';
import { appKeys } from '../../../core/pure/app-keys';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import { ChecksButton } from '../checks/ChecksButton';
import type { StudyChecks } from '../checks/use-study-checks';
import { SaveStatus } from '../components/SaveStatus';
import { shortcutLabel } from '../editor/shortcut-keys';
import { setView, useView } from './view-state';

interface WorkspaceToolbarProps {
  info: WorkspaceInfo | null;
  autosave: AutosaveQueue;
  hasStudy: boolean;
  /** The open study's checks; null with no study open. */
  checks: StudyChecks | null;
  previewOpen: boolean;
  onTogglePreview: () => void;
  onExport: () => void;
  problem: string | null;
  /** The Library drawer's toggle, on windows too narrow for the sidebar; null otherwise. */
  libraryDrawer: { open: boolean; toggle: () => void; buttonRef: RefObject<HTMLButtonElement | null> } | null;
}

export function WorkspaceToolbar(props: WorkspaceToolbarProps) {
  const { info, autosave, hasStudy, checks, previewOpen, onTogglePreview, onExport, problem, libraryDrawer } = props;
  const propertiesOpen = useView('propertiesOpen');
  const focusMode = useView('focusMode');
  const typewriter = useView('typewriter');
  return (
    <>
      <header className="toolbar">
        {libraryDrawer && !focusMode ? (
          <button
            ref={libraryDrawer.buttonRef}
            type="button"
            className="bar-button"
            aria-expanded={libraryDrawer.open}
            aria-controls="library"
            onClick={libraryDrawer.toggle}
          >
            <Library aria-hidden="true" size={16} />
            <span className="bar-label">Library</span>
          </button>
        ) : null}
        {info && !focusMode ? (
          <span className="workspace-name" title={info.path}>
            Workspace: {info.name}
          </span>
        ) : null}
        <SaveStatus autosave={autosave} />
        <div className="toolbar-actions">
          {focusMode ? (
            <button
              type="button"
              className="bar-button"
              aria-pressed={typewriter}
              title="Keep the line being written near the middle of the screen"
              onClick={() => setView({ typewriter: !typewriter })}
            >
              <TextCursor aria-hidden="true" size={16} />
              <span className="bar-label">Typewriter scrolling</span>
            </button>
          ) : (
            <>
              <ChecksButton checks={checks} />
              <button
                type="button"
                className="bar-button"
                aria-expanded={propertiesOpen}
                aria-controls={hasStudy ? 'study-properties' : undefined}
                disabled={!hasStudy}
                title={`Properties (${shortcutLabel(appKeys.properties)})`}
                onClick={() => setView({ propertiesOpen: !propertiesOpen })}
              >
                <PanelRight aria-hidden="true" size={16} />
                <span className="bar-label">Properties</span>
              </button>
            </>
          )}
          <button
            type="button"
            className="bar-button"
            aria-pressed={focusMode}
            disabled={!hasStudy}
            title={`Focus mode (${shortcutLabel(appKeys.focusMode)}; Esc leaves)`}
            onClick={() => setView({ focusMode: !focusMode })}
          >
            <Focus aria-hidden="true" size={16} />
            <span className="bar-label">Focus mode</span>
          </button>
          {focusMode ? null : (
            <>
              <button
                type="button"
                className="bar-button"
                aria-pressed={previewOpen}
                disabled={!hasStudy}
                onClick={onTogglePreview}
              >
                <Eye aria-hidden="true" size={16} />
                <span className="bar-label">Preview</span>
              </button>
              <button type="button" className="bar-button" disabled={!info} onClick={onExport}>
                <Upload aria-hidden="true" size={16} />
                <span className="bar-label">Export</span>
              </button>
            </>
          )}
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
