// The window's status bar: workspace, number of studies and the save state; it also keeps the
// window title ("Casebook — <workspace> (N studies)") in step, with a mark while edits are unsaved.
// The save state is plain text here: the toolbar's line is the one live status region.
import { useEffect, useSyncExternalStore } from 'react';
import type { WorkspaceInfo } from '../../../core/pure/contract';
import type { AutosaveQueue } from '../autosave/autosave-queue';
import '../styles/library.css';

interface StatusBarProps {
  info: WorkspaceInfo | null;
  studyCount: number;
  autosave: AutosaveQueue;
}

export function StatusBar({ info, studyCount, autosave }: StatusBarProps) {
  const state = useSyncExternalStore(
    (listener) => autosave.subscribe(listener),
    () => autosave.getState(),
  );
  const count = `${studyCount.toLocaleString()} ${studyCount === 1 ? 'study' : 'studies'}`;

  useEffect(() => {
    const unsaved = state.kind === 'saved' ? '' : '• ';
    document.title = info ? `${unsaved}Casebook — ${info.name} (${count})` : 'Casebook';
  }, [info, count, state.kind]);

  const saveText =
    state.kind === 'saved' ? 'All changes saved' : state.kind === 'saving' ? 'Saving changes…' : 'Changes not saved';
  return (
    <footer className="status-bar">
      <span className="status-workspace" title={info?.path}>
        {info ? info.name : 'Opening workspace…'}
      </span>
      {info?.readOnly ? <span>Read-only</span> : null}
      <span>{count}</span>
      <span className={`status-save save-${state.kind}`}>{saveText}</span>
    </footer>
  );
}
